import * as z from 'zod/mini';
import type { HistorySource } from '../../history/read';
import type { HandsChange } from '../../history/ticket-history';
import { getJson } from '../http';

// Jira Cloud's issue changelog, read for who held the issue (docs/ticket-history.md §1):
// `GET /rest/api/3/issue/{key}/changelog?startAt=&maxResults=` answers a page
// `{ startAt, maxResults, total, isLast, values: [{ created, items: [{ field, fieldId, from,
// fromString, to, toString }] }] }`, oldest first, at most 100 a page. An assignee item carries account
// ids in from/to and display names in fromString/toString; null `to` is an unassign.

const PAGE_SIZE = 100;
/** A ticket passed around more than this is read from its most recent changes only. */
const MAX_PAGES = 10;

const itemSchema = z.looseObject({
  field: z.optional(z.string()),
  fieldId: z.optional(z.string()),
  from: z.optional(z.nullable(z.string())),
  fromString: z.optional(z.nullable(z.string())),
  to: z.optional(z.nullable(z.string())),
  toString: z.optional(z.nullable(z.string())),
});
export const changelogPageSchema = z.looseObject({
  startAt: z.number(),
  maxResults: z.optional(z.number()),
  total: z.optional(z.number()),
  isLast: z.optional(z.boolean()),
  values: z.array(z.looseObject({ created: z.string(), items: z.array(itemSchema) })),
});
export type ChangelogPage = z.infer<typeof changelogPageSchema>;

/**
 * The system Assignee field only: by its id where Jira gives one, since a custom field may be named
 * "Assignee" too (its id is then `customfield_…`).
 */
function isAssignee(item: z.infer<typeof itemSchema>): boolean {
  return item.fieldId !== undefined ? item.fieldId === 'assignee' : item.field === 'assignee';
}

const holder = (id: string | null | undefined, name: string | null | undefined): string =>
  id === null || id === undefined || id === '' ? '' : (name ?? '');

export function jiraChanges(values: ChangelogPage['values']): HandsChange[] {
  return values.flatMap((history) =>
    history.items.filter(isAssignee).map(
      (item): HandsChange => ({
        at: history.created,
        kind: 'person',
        from: holder(item.from, item.fromString),
        to: holder(item.to, item.toString),
      }),
    ),
  );
}

/** Every page of the changelog (the most recent ones when there are too many); null when a read fails. */
export async function readJiraChangelog(
  key: string,
  getPage: (path: string) => Promise<ChangelogPage | null>,
): Promise<HandsChange[] | null> {
  const path = (startAt: number) =>
    `/rest/api/3/issue/${encodeURIComponent(key)}/changelog?startAt=${startAt}&maxResults=${PAGE_SIZE}`;
  const values: ChangelogPage['values'] = [];
  let startAt = 0;
  for (let pages = 0; pages < MAX_PAGES; pages += 1) {
    const page = await getPage(path(startAt));
    if (!page) return null;
    values.push(...page.values);
    const next = page.startAt + page.values.length;
    const done = page.isLast ?? (page.total === undefined || next >= page.total);
    if (done || page.values.length === 0) break;
    // Past the first page, skip to the most recent changes when the rest would not fit.
    startAt =
      pages === 0 && page.total !== undefined
        ? Math.max(next, page.total - (MAX_PAGES - 1) * PAGE_SIZE)
        : next;
  }
  return jiraChanges(values);
}

export function createJiraHistory(): HistorySource {
  return {
    changes: (key) => readJiraChangelog(key, (path) => getJson(path, changelogPageSchema)),
    // Jira's issue view scrolls to and highlights the comment this names.
    commentUrl: (key, commentId) =>
      `${location.origin}/browse/${encodeURIComponent(key)}?focusedCommentId=${encodeURIComponent(commentId)}`,
  };
}
