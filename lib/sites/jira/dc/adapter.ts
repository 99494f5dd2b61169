import type { HandoffContext, Person } from '../../../checklist/context';
import { isString, nullable, optional, shape } from '../../../checks';
import type { RecognizedAction, SiteAdapter } from '../../../guard/adapter';
import type { ReassignMatch } from '../../../guard/net-protocol';
import { editable, recognizeWith } from '../../dom';
import { getChecked, sendJson } from '../../http';
import { jiraComments } from '../comments';
import { contextPath } from '../page';
import { currentIssue, currentUser, DC_SELECTORS, shortcutsEnabled } from './page';

// Jira Data Center and Server on a company's own host (shared/HOSTS.md §1e, docs/jira-datacenter.md):
// REST v2, people named by username, comments in wiki markup.
//
// What each way of reassigning goes through:
// - the Assignee inline edit and the Assign dialog (`a`, the toolbar's Assign): choosing a person there
//   saves nothing; the save is a form post (AjaxIssueAction.jspa, AssignIssue.jspa) that the network net
//   holds (jira-requests.ts), so Jira's own code performs it and shows its answer;
// - "Assign to me" and `i`: a full-page GET of AssignIssue.jspa, which no net can hold. They are stopped
//   here, and after the checklist the same assignment is made through REST v2, then the page is loaded
//   again, as Jira's own link would have done.

const isUser = shape({ name: isString, displayName: isString });
const isIssue = shape({
  key: isString,
  fields: shape({ summary: optional(isString), assignee: optional(nullable(isUser)) }),
});

const api = (path: string) => `${contextPath()}/rest/api/2${path}`;
const issuePath = (idOrKey: string) => api(`/issue/${encodeURIComponent(idOrKey)}`);

const person = (user: { name: string; displayName: string }): Person => ({
  id: user.name,
  name: user.displayName,
});

async function issueFromApi(idOrKey: string) {
  return getChecked(`${issuePath(idOrKey)}?fields=summary,assignee`, isIssue);
}

async function personByUsername(username: string): Promise<Person> {
  const user = await getChecked(api(`/user?username=${encodeURIComponent(username)}`), isUser);
  return user ? person(user) : { id: username, name: username };
}

/** Whether Jira now has the issue assigned to this username. */
async function assignedTo(key: string, username: string): Promise<boolean> {
  const issue = await issueFromApi(key);
  return issue?.fields.assignee?.name === username;
}

/** The request's new assignee: a username; '' or null unassigns, '-1' is Jira's "Automatic". */
async function receiver(toId: string | null | undefined): Promise<Person | undefined> {
  if (!toId) return undefined;
  if (toId === '-1') return { id: '-1', name: 'Automatic' };
  return personByUsername(toId);
}

function context(key: string, title: string | undefined, from?: Person, to?: Person): HandoffContext {
  const ctx: HandoffContext = {
    site: 'jira',
    ticketKey: key,
    url: `${location.origin}${contextPath()}/browse/${key}`,
    at: new Date().toISOString(),
  };
  if (title) ctx.title = title;
  if (from) ctx.from = from;
  if (to) ctx.to = to;
  return ctx;
}

/** The same assignment "Assign to me" makes, through REST v2; it throws when Jira refuses. */
async function assignToMe(key: string, me: Person): Promise<void> {
  const result = await sendJson(`${issuePath(key)}/assignee`, {
    method: 'PUT',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      'X-Atlassian-Token': 'no-check',
    },
    body: JSON.stringify({ name: me.id }),
  });
  if (!result.ok) throw new Error(`Jira refused the assignment: ${result.failure.kind}`);
}

export function createJiraDcAdapter(): SiteAdapter {
  function assignToMeAction(): RecognizedAction | null {
    const issue = currentIssue();
    const me = currentUser();
    if (!issue || !me || issue.assignee?.id === me.id) return null;
    const ctx = context(issue.key, issue.title, issue.assignee, me);
    return {
      tickets: [issue.key],
      context: ctx,
      enrich: async () => {
        const known = await issueFromApi(issue.key);
        const from = known?.fields.assignee;
        return { ...ctx, from: known ? (from ? person(from) : undefined) : issue.assignee };
      },
      replay: () => assignToMe(issue.key, me),
      landed: () => assignedTo(issue.key, me.id ?? ''),
      // Jira's own link loads the issue page again; so does its replay, once the handoff is recorded.
      afterDone: () => location.reload(),
    };
  }

  function recognizePointer(event: MouseEvent, target: Element) {
    if (event.button !== 0 || event.type === 'pointerover') return null;
    if (!target.closest(DC_SELECTORS.assignToMe)) return null;
    return event.type === 'click' ? assignToMeAction() : ('part-of-commit' as const);
  }

  function recognizeKey(event: KeyboardEvent, target: Element) {
    if (event.isComposing || event.ctrlKey || event.metaKey || event.altKey || editable(target)) return null;
    if (target.closest(DC_SELECTORS.assignToMe) && event.key === 'Enter') return assignToMeAction();
    // `i` follows the "Assign to me" link, so it does something only where the link is.
    if (event.key !== 'i' || !shortcutsEnabled() || !document.querySelector(DC_SELECTORS.assignToMe)) {
      return null;
    }
    return assignToMeAction();
  }

  return {
    id: 'jira',
    commentFormat: () => 'wiki',
    recognize: recognizeWith(recognizePointer, recognizeKey),

    async describeRequest(match: ReassignMatch) {
      // The inline edit and the Assign dialog name the issue by id; the handoff names it by key.
      const idOrKey = match.tickets[0] ?? '';
      const [known, to] = await Promise.all([issueFromApi(idOrKey), receiver(match.toId)]);
      const shown = currentIssue();
      const onPage = shown && (shown.key === known?.key || shown.key === idOrKey) ? shown : null;
      const key = known?.key ?? onPage?.key ?? idOrKey;
      const from = known
        ? known.fields.assignee
          ? person(known.fields.assignee)
          : undefined
        : onPage?.assignee;
      return context(key, known?.fields.summary ?? onPage?.title, from, to);
    },

    ticketsOf(match, described) {
      return match.tickets.length === 1 && described.ticketKey ? [described.ticketKey] : match.tickets;
    },

    ...jiraComments(issuePath),

    missingElements() {
      if (!currentIssue()) return null;
      const missing: string[] = [];
      if (!document.querySelector(DC_SELECTORS.issueKey)) missing.push('issue key');
      if (!document.querySelector(DC_SELECTORS.assigneeValue)) missing.push('assignee field');
      return missing;
    },
  };
}
