import type { Person } from '../../checklist/context';
import { any, text } from '../dom';
import { keyFromLocation } from './page';
import { SELECTORS } from './selectors';
import { ISSUE_KEY } from './site';

// What Jira Cloud's issue view (or a board's side panel) shows: the issue in view, and whether the
// elements Baton relies on are there. Selectors are in selectors.ts.

/** The issue in view: its breadcrumb is the most specific, the URL and the title follow. */
export function currentIssue(): { key: string; title?: string; assignee?: Person } | null {
  const crumb = text(document.querySelector(any(SELECTORS.issueKey)));
  const key = ISSUE_KEY.test(crumb) ? crumb : keyFromLocation();
  if (!key) return null;
  const heading = text(document.querySelector(any(SELECTORS.summary)));
  const title = heading || /^\[[^\]]+\]\s*(.*?)\s*-\s*Jira$/.exec(document.title)?.[1];
  const value = document.querySelector(any(SELECTORS.assigneeValue));
  const name = text(value?.querySelector(any(SELECTORS.person)));
  return { key, ...(title ? { title } : {}), ...(name ? { assignee: { name } } : {}) };
}

/** Names of the elements Baton relies on that the issue view lacks; null on a page that shows no issue. */
export function missingElements(): string[] | null {
  if (!keyFromLocation() && !document.querySelector(any(SELECTORS.issueKey))) return null;
  const missing: string[] = [];
  if (!document.querySelector(any(SELECTORS.issueKey))) missing.push('issue key breadcrumb');
  if (!document.querySelector(any(SELECTORS.assigneeField))) missing.push('assignee field');
  return missing;
}
