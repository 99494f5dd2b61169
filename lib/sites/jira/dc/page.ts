import type { Person } from '../../../checklist/context';
import { text } from '../../dom';

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

const KEY_PATTERN = /^[A-Za-z][A-Za-z0-9_]*-\d+$/;

const meta = (name: string) =>
  document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content.trim() ?? '';

/**
 * Which Jira a page is, from what it says about itself: Cloud names its cloud and the user's account id;
 * Data Center and Server name a version and the user's username (and no account id). Null when the page
 * says neither (not loaded yet, a login page).
 */
export function pageDeployment(): 'cloud' | 'server' | null {
  if (meta('ajs-cloud-id') || meta('ajs-atlassian-account-id')) return 'cloud';
  if (meta('ajs-version-number') || meta('ajs-remote-user') || meta('ajs-build-number')) return 'server';
  return null;
}

/** Where Jira lives on its host: `''`, or a path such as `/jira` (ajs-context-path). */
export function contextPath(): string {
  const path = meta('ajs-context-path');
  return /^\/[A-Za-z0-9._~/-]*$/.test(path) ? path.replace(/\/+$/, '') : '';
}

/** The signed-in user, by username (Data Center has no account ids). */
export function currentUser(): Person | null {
  const username = meta('ajs-remote-user');
  return username ? { id: username, name: meta('ajs-remote-user-fullname') || username } : null;
}

function keyFromLocation(): string | null {
  const path = location.pathname.slice(contextPath().length);
  const browse = /^\/browse\/([A-Za-z][A-Za-z0-9_]*-\d+)(?:\/|$)/.exec(path)?.[1];
  const titled = /^\[([A-Za-z][A-Za-z0-9_]*-\d+)\]/.exec(document.title)?.[1];
  return [browse, titled].find((key) => key && KEY_PATTERN.test(key)) ?? null;
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
  const key = [shown, meta('ajs-issue-key')].find((k) => KEY_PATTERN.test(k)) ?? keyFromLocation();
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
