import type { HandoffContext } from '../../checklist/context';
import type { RecognizedAction, SiteAdapter } from '../../guard/adapter';
import type { ReassignMatch } from '../../guard/net-protocol';
import { any } from '../dom';
import { getChecked } from '../http';
import { replayClick, replayKey } from '../replay';
import { createZendeskApi, isTicket } from './api';
import { missingElements, type Owner, ownerShown, person, SELECTORS, sameOwner, ticketOf } from './page';

// Zendesk Support's agent workspace: which gestures and requests change who owns a ticket. The page's
// parts are read in page.ts, the API called in api.ts.

export function createZendeskAdapter(): SiteAdapter {
  const { nameOf, comments } = createZendeskApi();
  // The owner each ticket had before the agent touched the Assignee field: Zendesk changes only the
  // form until Submit, so a submit is a reassign when the form's owner differs from this.
  const savedOwner = new Map<string, Owner>();
  function remember(target: Element): void {
    const ticket = ticketOf(target);
    if (!ticket || savedOwner.has(ticket.id)) return;
    if (!target.closest(`${any(SELECTORS.assigneeField)}, ${any(SELECTORS.takeIt)}`)) return;
    const owner = ownerShown(ticket.layout);
    if (owner) savedOwner.set(ticket.id, owner);
  }

  function submitAction(target: Element, replay: () => void): RecognizedAction | null {
    const ticket = ticketOf(target);
    const before = ticket ? savedOwner.get(ticket.id) : undefined;
    const now = ticket ? ownerShown(ticket.layout) : null;
    if (!ticket || !before || !now || sameOwner(before, now)) return null;
    const subject = ticket.layout.querySelector<HTMLInputElement>(any(SELECTORS.subject))?.value;
    const context: HandoffContext = {
      site: 'zendesk',
      ticketKey: ticket.id,
      url: `${location.origin}/agent/tickets/${ticket.id}`,
      at: new Date().toISOString(),
    };
    if (subject) context.title = subject;
    const from = person(before);
    const to = person(now);
    if (from) context.from = from;
    if (to) context.to = to;
    return {
      tickets: [ticket.id],
      context,
      replay: () => {
        // After this submit the saved owner is the new one; read it again at the next interaction.
        savedOwner.delete(ticket.id);
        replay();
      },
    };
  }

  return {
    id: 'zendesk',
    recognize(event) {
      const target = event.composedPath()[0];
      if (!(target instanceof Element)) return null;
      if (event.type === 'pointerdown' || event.type === 'mousedown' || event.type === 'keydown')
        remember(target);
      if (event instanceof MouseEvent) {
        if (event.button !== 0 || event.type === 'pointerover') return null;
        if (event.type === 'pointerdown' && target.closest(any(SELECTORS.assigneeField)))
          return 'opens-reassign';
        const button = target.closest(`${any(SELECTORS.submit)}, ${any(SELECTORS.submitAs)}`);
        if (!button) return null;
        const action = submitAction(button, () => replayClick(button));
        if (!action) return null;
        return event.type === 'click' ? action : 'part-of-commit';
      }
      if (event instanceof KeyboardEvent && event.type === 'keydown') {
        // Zendesk's "Submit update" shortcut: Ctrl+Alt+S (Cmd+Option+S on a Mac).
        const submitKey = (event.ctrlKey || event.metaKey) && event.altKey && event.code === 'KeyS';
        return submitKey ? submitAction(target, () => replayKey(target, event)) : null;
      }
      return null;
    },

    async describeRequest(match: ReassignMatch) {
      const id = match.tickets[0] ?? '';
      const found = await getChecked(`/api/v2/tickets/${encodeURIComponent(id)}.json`, isTicket);
      const groupChange = match.details?.groupId;
      if (Array.isArray(groupChange)) return null;
      const toGroup = typeof groupChange === 'string' ? Number(groupChange) : groupChange;
      const toAgent = match.toId === undefined ? undefined : match.toId === null ? null : Number(match.toId);
      if (found && match.tickets.length === 1) {
        const sameAgent = toAgent === undefined || toAgent === found.ticket.assignee_id;
        const sameGroup = toGroup === undefined || toGroup === found.ticket.group_id;
        if (sameAgent && sameGroup) return null;
      }
      const [fromAgent, fromGroup, newAgent, newGroup] = await Promise.all([
        nameOf('users', found?.ticket.assignee_id ?? null),
        nameOf('groups', found?.ticket.group_id ?? null),
        nameOf('users', toAgent ?? (toAgent === undefined ? (found?.ticket.assignee_id ?? null) : null)),
        nameOf('groups', toGroup ?? (toGroup === undefined ? (found?.ticket.group_id ?? null) : null)),
      ]);
      const context: HandoffContext = {
        site: 'zendesk',
        ticketKey: id,
        url: `${location.origin}/agent/tickets/${id}`,
        at: new Date().toISOString(),
      };
      if (found?.ticket.subject) context.title = found.ticket.subject;
      const from = person({ agent: fromAgent, group: fromGroup });
      const to = person({ agent: newAgent, group: newGroup });
      if (from) context.from = from;
      if (to) context.to = to;
      // The agent's id goes into the comment's marker, so they are shown the handoff when they open it.
      const receiver = toAgent === undefined ? found?.ticket.assignee_id : toAgent;
      if (context.to && typeof receiver === 'number') context.to.id = String(receiver);
      return context;
    },

    ...comments,
    missingElements,
  };
}
