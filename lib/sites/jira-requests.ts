import * as z from 'zod/mini';
import type { RequestMatcher } from '../guard/net-hold';
import type { ReassignMatch } from '../guard/net-protocol';

// Which Jira REST calls change an assignee (shared/HOSTS.md §1b). Loaded in the MAIN world of every
// Jira page, so it stays small: zod/mini and regular expressions only.

const ISSUE_PATH = /\/rest\/api\/(?:2|3|latest)\/issue\/([^/?#]+)(\/assignee)?\/?$/;
const BULK_PATH = /\/rest\/api\/(?:3|latest)\/bulk\/issues\/fields\/?$/;
const ISSUE_KEY = /^(?:[A-Za-z][A-Za-z0-9_]*-\d+|\d+)$/;

const userRef = z.nullable(
  z.looseObject({ accountId: z.optional(z.nullable(z.string())), name: z.optional(z.nullable(z.string())) }),
);
const assigneeBody = z.looseObject({
  accountId: z.optional(z.nullable(z.string())),
  name: z.optional(z.nullable(z.string())),
});
const issueEditBody = z.looseObject({
  fields: z.optional(z.looseObject({ assignee: z.optional(userRef) })),
  update: z.optional(
    z.looseObject({ assignee: z.optional(z.array(z.looseObject({ set: z.optional(userRef) }))) }),
  ),
});
const bulkEditBody = z.looseObject({
  selectedIssueIdsOrKeys: z.array(z.string()),
  editedFieldsInput: z.looseObject({
    singleSelectClearableUserPickerFields: z.optional(
      z.array(z.looseObject({ fieldId: z.string(), user: z.optional(userRef) })),
    ),
  }),
});

function json(body: string | null): unknown {
  if (!body) return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

function idOf(user: { accountId?: string | null; name?: string | null } | null | undefined): string | null {
  return user?.accountId ?? user?.name ?? null;
}

function matchIssue(method: string, path: string, body: string | null): ReassignMatch | null {
  const parts = ISSUE_PATH.exec(path);
  const key = parts?.[1] ? decodeURIComponent(parts[1]) : '';
  if (!parts || method !== 'PUT' || !ISSUE_KEY.test(key)) return null;
  if (parts[2]) {
    const parsed = z.safeParse(assigneeBody, json(body));
    return { tickets: [key], toId: parsed.success ? idOf(parsed.data) : undefined };
  }
  const parsed = z.safeParse(issueEditBody, json(body));
  if (!parsed.success) return null;
  const { fields, update } = parsed.data;
  if (fields && 'assignee' in fields) return { tickets: [key], toId: idOf(fields.assignee) };
  const set = update?.assignee?.find((op) => 'set' in op);
  return set ? { tickets: [key], toId: idOf(set.set) } : null;
}

function matchBulk(method: string, path: string, body: string | null): ReassignMatch | null {
  if (method !== 'POST' || !BULK_PATH.test(path)) return null;
  const parsed = z.safeParse(bulkEditBody, json(body));
  if (!parsed.success) return null;
  const edit = parsed.data.editedFieldsInput.singleSelectClearableUserPickerFields?.find(
    (f) => f.fieldId === 'assignee',
  );
  const tickets = parsed.data.selectedIssueIdsOrKeys.filter((k) => ISSUE_KEY.test(k));
  return edit && tickets.length > 0 ? { tickets, toId: idOf(edit.user) } : null;
}

export const jiraRequestMatcher: RequestMatcher = {
  isCandidate(method, url) {
    return (
      (method === 'PUT' && ISSUE_PATH.test(url.pathname)) ||
      (method === 'POST' && BULK_PATH.test(url.pathname))
    );
  },
  match(method, url, body) {
    return matchIssue(method, url.pathname, body) ?? matchBulk(method, url.pathname, body);
  },
};
