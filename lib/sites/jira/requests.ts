import type { RequestMatcher } from '../../guard/net-hold';
import type { ReassignMatch } from '../../guard/net-protocol';
import { jsonBody as json, list, params, record } from '../request-body';
import { ISSUE_KEY_OR_ID } from './site';

// Which Jira REST calls change an assignee (shared/HOSTS.md §1b). Loaded in the MAIN world of every
// Jira page, so it stays small: plain checks and regular expressions (see net-protocol.ts for why).

const ISSUE_PATH = /\/rest\/api\/(?:2|3|latest)\/issue\/([^/?#]+)(\/assignee)?\/?$/;
const BULK_PATH = /\/rest\/api\/(?:3|latest)\/bulk\/issues\/fields\/?$/;
// Jira Data Center and Server save an assignee from their own forms (HOSTS.md §1e): the Assignee inline
// edit posts AjaxIssueAction.jspa (`issueId`), the Assign dialog AssignIssue.jspa (`id`), both
// form-encoded with `assignee` = a username ('' unassigned, '-1' Automatic), under Jira's context path.
const FORM_PATH = /\/secure\/(?:AjaxIssueAction|AssignIssue)\.jspa$/;

/** A user reference as Jira writes it: v3 `accountId`, v2 (Server) `name`; null unassigns. */
function userId(user: unknown): string | null {
  const fields = record(user);
  const id = fields?.accountId ?? fields?.name;
  return typeof id === 'string' ? id : null;
}

function matchIssue(method: string, path: string, body: string | null): ReassignMatch | null {
  const parts = ISSUE_PATH.exec(path);
  const key = parts?.[1] ? decodeURIComponent(parts[1]) : '';
  if (!parts || method !== 'PUT' || !ISSUE_KEY_OR_ID.test(key)) return null;
  const data = json(body);
  if (parts[2]) return { tickets: [key], toId: data ? userId(data) : undefined };
  const fields = record(data?.fields);
  if (fields && 'assignee' in fields) return { tickets: [key], toId: userId(fields.assignee) };
  const set = list(record(data?.update)?.assignee)
    .map(record)
    .find((operation) => operation && 'set' in operation);
  return set ? { tickets: [key], toId: userId(set.set) } : null;
}

function matchBulk(method: string, path: string, body: string | null): ReassignMatch | null {
  if (method !== 'POST' || !BULK_PATH.test(path)) return null;
  const data = json(body);
  const edit = list(record(data?.editedFieldsInput)?.singleSelectClearableUserPickerFields)
    .map(record)
    .find((field) => field?.fieldId === 'assignee');
  const tickets = list(data?.selectedIssueIdsOrKeys).filter(
    (key): key is string => typeof key === 'string' && ISSUE_KEY_OR_ID.test(key),
  );
  return edit && tickets.length > 0 ? { tickets, toId: userId(edit.user) } : null;
}

function matchForm(method: string, url: URL, body: string | null): ReassignMatch | null {
  if (method !== 'POST' || !FORM_PATH.test(url.pathname)) return null;
  const form = params(url, body);
  const issue = form.issueId ?? form.id;
  // The inline edit saves one field at a time through the same action: only an assignee is a reassign.
  if (typeof form.assignee !== 'string' || typeof issue !== 'string' || !ISSUE_KEY_OR_ID.test(issue))
    return null;
  return { tickets: [issue], toId: form.assignee || null };
}

export const jiraRequestMatcher: RequestMatcher = {
  isCandidate(method, url) {
    return (
      (method === 'PUT' && ISSUE_PATH.test(url.pathname)) ||
      (method === 'POST' && (BULK_PATH.test(url.pathname) || FORM_PATH.test(url.pathname)))
    );
  },
  match(method, url, body) {
    return (
      matchIssue(method, url.pathname, body) ??
      matchBulk(method, url.pathname, body) ??
      matchForm(method, url, body)
    );
  },
};
