import type { HandoffContext, Person } from '../../checklist/context';
import { markerLine } from '../../checklist/marker';
import { isNumber, isString, nullable, optional, shape } from '../../checks';
import type { RecognizedAction, SiteAdapter } from '../../guard/adapter';
import type { ReassignMatch } from '../../guard/net-protocol';
import type { PostResult } from '../../messaging';
import { getChecked, listingMentions, sendJson } from '../http';
import { replayClick, replayKey } from '../replay';

// Zendesk Support's agent workspace. Evidence for every selector: shared/HOSTS.md §2. Zendesk keeps
// every open ticket tab's DOM alive at once, so every lookup is scoped to one ticket's layout.
const SELECTORS = {
  ticketLayout: ['[data-test-id$="-standard-layout"][data-test-id^="ticket-"]'],
  assigneeField: ['[data-test-id="assignee-field"]'],
  agentTag: ['[data-test-id="assignee-field-selected-agent-tag"]'],
  groupTag: ['[data-test-id="assignee-field-selected-group-tag"]'],
  takeIt: ['[data-test-id="assignee-field-take-it-button"]'],
  submit: ['[data-test-id="submit_button-button"]', '[data-cy-test-id="submit_button-button"]'],
  // "Submit as <status>" items; the menu's own toggle shares the prefix and is not a submit.
  submitAs: [
    '[data-test-id^="submit_button-menu-"]:not([data-test-id="submit_button-menu-button"])',
    '[data-cy-test-id^="submit_button-menu-"]:not([data-cy-test-id="submit_button-menu"])',
  ],
  subject: ['[data-test-id="omni-header-subject"]'],
} as const;

const any = (list: readonly string[]) => list.join(', ');
const LAYOUT_ID = /^ticket-(\d+)-standard-layout$/;

interface Owner {
  group: string;
  agent: string;
}

function ticketIdOf(layout: Element): string | null {
  return LAYOUT_ID.exec(layout.getAttribute('data-test-id') ?? '')?.[1] ?? null;
}

function ticketIdFromUrl(): string | null {
  return /^\/agent\/tickets\/(\d+)/.exec(location.pathname)?.[1] ?? null;
}

function layoutFor(id: string): Element | null {
  return document.querySelector(`[data-test-id="ticket-${CSS.escape(id)}-standard-layout"]`);
}

/** The ticket an event belongs to: its own layout, else the one in the URL (keyboard submits from the page). */
function ticketOf(target: Element): { id: string; layout: Element } | null {
  const own = target.closest(any(SELECTORS.ticketLayout));
  const id = own ? ticketIdOf(own) : ticketIdFromUrl();
  const layout = own ?? (id ? layoutFor(id) : null);
  return id && layout ? { id, layout } : null;
}

/** The owner as the form shows it: the group and agent tags (the agent tag's [title] children name both). */
function ownerShown(layout: Element): Owner | null {
  const field = layout.querySelector(any(SELECTORS.assigneeField));
  if (!field) return null;
  const agentTag = field.querySelector(any(SELECTORS.agentTag));
  if (agentTag) {
    const titles = [...agentTag.querySelectorAll('[title]')]
      .map((el) => el.getAttribute('title') ?? '')
      .filter(Boolean);
    return { group: titles.length > 1 ? (titles[0] ?? '') : '', agent: titles.at(-1) ?? '' };
  }
  const groupTag = field.querySelector(any(SELECTORS.groupTag));
  const group = groupTag?.getAttribute('title') || groupTag?.textContent?.trim() || '';
  return { group, agent: '' };
}

const sameOwner = (a: Owner, b: Owner) => a.group === b.group && a.agent === b.agent;

function person(owner: Owner): Person | undefined {
  if (owner.agent) return { name: owner.group ? `${owner.agent} (${owner.group})` : owner.agent };
  return owner.group ? { name: owner.group } : undefined;
}

const isMe = shape({ user: shape({ id: isNumber, name: isString, authenticity_token: isString }) });
const isTicket = shape({
  ticket: shape({
    id: isNumber,
    subject: optional(nullable(isString)),
    assignee_id: nullable(isNumber),
    group_id: nullable(isNumber),
  }),
});
const isUser = shape({ user: shape({ name: isString }) });
const isGroup = shape({ group: shape({ name: isString }) });

export function createZendeskAdapter(): SiteAdapter {
  // The owner each ticket had before the agent touched the Assignee field: Zendesk changes only the
  // form until Submit, so a submit is a reassign when the form's owner differs from this.
  const savedOwner = new Map<string, Owner>();
  let csrfToken: string | null = null;

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

  async function token(refresh: boolean): Promise<string | null> {
    if (csrfToken && !refresh) return csrfToken;
    csrfToken = (await getChecked('/api/v2/users/me.json', isMe))?.user.authenticity_token ?? null;
    return csrfToken;
  }

  async function putNote(ticketId: string, html: string, csrf: string | null): Promise<PostResult> {
    return sendJson(`/api/v2/tickets/${encodeURIComponent(ticketId)}.json`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'X-CSRF-Token': csrf ?? '' },
      // An internal note only: the agent's own reply and field changes go out with their own Submit.
      body: JSON.stringify({ ticket: { comment: { html_body: html, public: false } } }),
    });
  }

  async function nameOf(kind: 'users' | 'groups', id: number | string | null): Promise<string> {
    if (id === null || id === '') return '';
    const path = `/api/v2/${kind}/${encodeURIComponent(String(id))}.json`;
    const found =
      kind === 'users'
        ? (await getChecked(path, isUser))?.user.name
        : (await getChecked(path, isGroup))?.group.name;
    return found ?? String(id);
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

    async postComment(ticketId, body) {
      const html = typeof body === 'string' ? body : '';
      const first = await putNote(ticketId, html, await token(false));
      // A stale token (the session rotated it) gets one fresh try.
      if (!first.ok && first.failure.status === 403) return putNote(ticketId, html, await token(true));
      return first;
    },

    hasComment(ticketKey, handoffId) {
      return listingMentions(
        `/api/v2/tickets/${encodeURIComponent(ticketKey)}/comments.json?sort_order=desc&per_page=100`,
        markerLine(handoffId),
      );
    },

    missingElements() {
      const id = ticketIdFromUrl();
      if (!id) return null;
      const layout = layoutFor(id);
      if (!layout) return ['ticket layout'];
      const missing: string[] = [];
      if (!layout.querySelector(any(SELECTORS.assigneeField))) missing.push('assignee field');
      if (!document.querySelector(any(SELECTORS.submit))) missing.push('submit button');
      return missing;
    },
  };
}
