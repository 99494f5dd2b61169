import type { Person } from '../../checklist/context';
import { isString, nullable, optional, shape } from '../../checks';
import { getChecked } from '../http';
import { type AssignableUser, matchShown, type ShownPerson, shownName } from './people';

// Jira Cloud's REST v3 calls the adapter reads an issue and its people with (shared/HOSTS.md §1b), with
// the user's own session. Comments: comments.ts.

const isUser = shape({ accountId: isString, displayName: isString });
const isIssue = shape({
  key: isString,
  fields: shape({ summary: optional(isString), assignee: optional(nullable(isUser)) }),
});
const isUserList = (value: unknown): value is AssignableUser[] => Array.isArray(value) && value.every(isUser);

export const issuePath = (key: string) => `/rest/api/3/issue/${encodeURIComponent(key)}`;

export async function personById(accountId: string): Promise<Person> {
  const user = await getChecked(`/rest/api/3/user?accountId=${encodeURIComponent(accountId)}`, isUser);
  return { id: accountId, name: user?.displayName ?? accountId };
}

/** The issue as Jira has it: who it is assigned to, whatever the page shows right now. */
export async function issueFromApi(key: string): Promise<{ title?: string; assignee?: Person } | null> {
  const found = await getChecked(`${issuePath(key)}?fields=summary,assignee`, isIssue);
  if (!found) return null;
  const assignee = found.fields.assignee;
  return {
    ...(found.fields.summary ? { title: found.fields.summary } : {}),
    ...(assignee ? { assignee: { id: assignee.accountId, name: assignee.displayName } } : {}),
  };
}

/** The account id of the person an option shows, from the users Jira offers for this issue under that name. */
export async function resolveShown(key: string, shown: ShownPerson): Promise<Person> {
  const name = shownName(shown);
  const users = await getChecked(
    `/rest/api/3/user/assignable/search?issueKey=${encodeURIComponent(key)}&query=${encodeURIComponent(name)}&maxResults=50`,
    isUserList,
  );
  return matchShown(shown, users ?? []) ?? { name };
}

/** Whether Jira now has the issue assigned to this person (undefined: unassigned). */
export async function assignedTo(key: string, person: Person | undefined): Promise<boolean> {
  const issue = await getChecked(`${issuePath(key)}?fields=assignee`, isIssue);
  const now = issue?.fields.assignee;
  if (!issue) return false;
  if (!person) return !now;
  return person.id ? now?.accountId === person.id : now?.displayName === person.name;
}
