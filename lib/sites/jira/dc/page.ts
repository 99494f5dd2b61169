import type { Person } from '../../../checklist/context';
import { text } from '../../dom';
import { keyFromLocation, meta } from '../page';
import { ISSUE_KEY } from '../site';

// What the Jira Data Center / Server issue view says about itself, read from its DOM. Evidence (ids
// unchanged from 6.3 to 10.x where sources show them): docs/jira-datacenter.md, shared/HOSTS.md §1e.

export const DC_SELECTORS = {
  /** The Assignee value in the people block: a `.user-hover` span (rel = username) or "Unassigned". */
  assigneeValue: '#assignee-val',
  assigneeUser: '#assignee-val .user-hover[rel]',
  /** Under the Assignee value; a full-page GET of /secure/AssignIssue.jspa, the `i` shortcut follows it. */
  assignToMe: '#assign-to-me, a.issueaction-assign-to-me',
  /** The issue key in the header; rel holds the issue id. */
  issueKey: '#key-val',
  summary: '#summary-val',
} as const;

/** The signed-in user, by username (Data Center has no account ids). */
export function currentUser(): Person | null {
  const username = meta('ajs-remote-user');
  return username ? { id: username, name: meta('ajs-remote-user-fullname') || username } : null;
}

export interface DcIssue {
  key: string;
  title?: string;
  /** Undefined: unassigned, or the page does not say. */
  assignee?: Person;
}

/** The issue in view: the header's key, else the page's meta, the URL, the title. */
export function currentIssue(): DcIssue | null {
  const shown = text(document.querySelector(DC_SELECTORS.issueKey));
  const key = [shown, meta('ajs-issue-key')].find((k) => ISSUE_KEY.test(k)) ?? keyFromLocation();
  if (!key) return null;
  const title = text(document.querySelector(DC_SELECTORS.summary));
  const user = document.querySelector(DC_SELECTORS.assigneeUser);
  const username = user?.getAttribute('rel') ?? '';
  const assignee = username ? { id: username, name: text(user) || username } : undefined;
  return { key, ...(title ? { title } : {}), ...(assignee ? { assignee } : {}) };
}

/** Whether Jira's single-key shortcuts are on for this user (they can turn them off). */
export function shortcutsEnabled(): boolean {
  return meta('ajs-keyboard-shortcuts-enabled') !== 'false';
}
