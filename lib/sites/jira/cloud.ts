import type { HandoffContext, Person } from '../../checklist/context';
import type { RecognizedAction, SiteAdapter } from '../../guard/adapter';
import type { ReassignMatch } from '../../guard/net-protocol';
import { any, editable, recognizeWith } from '../dom';
import { replayClick, replayKey } from '../replay';
import { assignedTo, issueFromApi, issuePath, personById, resolveShown } from './api';
import { currentIssue, missingElements } from './cloud-page';
import { jiraComments } from './comments';
import { cloudAccountId } from './page';
import { type ShownPerson, shownName } from './people';
import { chooseAssignee, isAssigneeOption, optionShows } from './picker';
import { SELECTORS } from './selectors';

// Jira Cloud's gestures on its issue view and board/backlog side panel. What the view shows is read in
// cloud-page.ts, its selectors are in selectors.ts, the Assignee edit view's driver in picker.ts.

function context(key: string, title: string | undefined, from: Person | undefined, to: Person | undefined) {
  const ctx: HandoffContext = {
    site: 'jira',
    ticketKey: key,
    url: `${location.origin}/browse/${key}`,
    at: new Date().toISOString(),
  };
  if (title) ctx.title = title;
  if (from) ctx.from = from;
  if (to) ctx.to = to;
  return ctx;
}

const isUnassigned = (shown: ShownPerson) => /^unassigned$/i.test(shownName(shown));

export function createJiraAdapter(): SiteAdapter {
  /** The assignee the read view showed before its edit view replaced it. */
  let shownAssignee: { key: string; person?: Person } | null = null;

  function noteShownAssignee(): void {
    const issue = currentIssue();
    const value = document.querySelector(any(SELECTORS.assigneeValue));
    if (issue && value && !value.querySelector('input'))
      shownAssignee = { key: issue.key, person: issue.assignee };
  }

  function pickerAction(option: Element): RecognizedAction | null {
    if (option.getAttribute('aria-selected') === 'true' || option.getAttribute('aria-disabled') === 'true')
      return null;
    const issue = currentIssue();
    if (!issue) return null;
    const shown = optionShows(option);
    const unassign = isUnassigned(shown);
    const from = shownAssignee?.key === issue.key ? shownAssignee.person : issue.assignee;
    const ctx = context(issue.key, issue.title, from, unassign ? undefined : { name: shownName(shown) });
    let to: Person | undefined = ctx.to;
    return {
      tickets: [issue.key],
      context: ctx,
      // "From" is whom Jira has it assigned to; "To" is the account the option stands for.
      enrich: async () => {
        const [known, resolved] = await Promise.all([
          issueFromApi(issue.key),
          unassign ? undefined : resolveShown(issue.key, shown),
        ]);
        to = resolved;
        return { ...ctx, from: known ? known.assignee : from, to };
      },
      replay: () => chooseAssignee(shown),
      landed: () => assignedTo(issue.key, to),
    };
  }

  function assignToMeAction(replay: () => void | Promise<void>): RecognizedAction | null {
    const issue = currentIssue();
    const me = cloudAccountId();
    if (!issue || !me) return null;
    const ctx = context(issue.key, issue.title, issue.assignee, { id: me, name: '' });
    let to: Person = { id: me, name: '' };
    return {
      tickets: [issue.key],
      context: ctx,
      enrich: async () => {
        const [known, person] = await Promise.all([issueFromApi(issue.key), personById(me)]);
        to = person;
        return { ...ctx, from: known ? known.assignee : issue.assignee, to };
      },
      replay,
      landed: () => assignedTo(issue.key, to),
    };
  }

  /** "Assign to me" as it is now; if Jira re-rendered it away, the user's own option in the picker. */
  function replayAssignToMe(original: Element, act: (link: Element) => void): () => Promise<void> | void {
    return () => {
      const link = original.isConnected ? original : document.querySelector(any(SELECTORS.assignToMe));
      if (link) return act(link);
      return personById(cloudAccountId() ?? '').then((me) => chooseAssignee({ texts: [me.name] }));
    };
  }

  function recognizePointer(event: MouseEvent, target: Element) {
    if (event.button !== 0 || event.type === 'pointerover') return null;
    const assignToMe = target.closest(any(SELECTORS.assignToMe));
    const option = assignToMe ? null : target.closest(`${any(SELECTORS.assigneeOption)}, [role="option"]`);
    if (!assignToMe && !(option && isAssigneeOption(option))) {
      if (event.type !== 'pointerdown' || !target.closest(any(SELECTORS.assigneeField))) return null;
      noteShownAssignee();
      return 'opens-reassign' as const;
    }
    if (event.type !== 'click') return 'part-of-commit' as const;
    if (assignToMe) return assignToMeAction(replayAssignToMe(assignToMe, replayClick));
    return option ? pickerAction(option) : null;
  }

  function recognizeKey(event: KeyboardEvent, target: Element) {
    if (event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return null;
    if (editable(target)) {
      // react-select chooses the highlighted option on Enter, and on Tab unless Shift is held.
      if (event.key !== 'Enter' && !(event.key === 'Tab' && !event.shiftKey)) return null;
      const activeId = target.getAttribute('aria-activedescendant');
      const option = activeId ? document.getElementById(activeId) : null;
      if (!option || !isAssigneeOption(option) || target.getAttribute('aria-expanded') === 'false')
        return null;
      return pickerAction(option);
    }
    // Enter or Space on a focused "Assign to me" activates it like a click.
    const assignToMe = target.closest(any(SELECTORS.assignToMe));
    if (assignToMe && (event.key === 'Enter' || event.key === ' ')) {
      return assignToMeAction(replayAssignToMe(assignToMe, (link) => replayKey(link, event)));
    }
    if (event.key === 'a') noteShownAssignee();
    if (event.key !== 'i' || !document.querySelector(any(SELECTORS.assigneeField))) return null;
    const me = cloudAccountId();
    const issue = currentIssue();
    if (!me || (issue?.assignee && document.querySelector(any(SELECTORS.assignToMe)) === null)) return null;
    return assignToMeAction(() => replayKey(target, event));
  }

  return {
    id: 'jira',
    recognize: recognizeWith(recognizePointer, recognizeKey),

    async describeRequest(match: ReassignMatch) {
      const key = match.tickets[0] ?? '';
      const shown = currentIssue();
      const [known, to] = await Promise.all([
        issueFromApi(key),
        match.toId ? personById(match.toId) : undefined,
      ]);
      const onPage = shown?.key === key ? shown : null;
      return context(key, known?.title ?? onPage?.title, known ? known.assignee : onPage?.assignee, to);
    },

    ...jiraComments(issuePath),

    missingElements,
  };
}
