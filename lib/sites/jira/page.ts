import { ISSUE_KEY, issueFromUrl, TITLE_KEY } from './site';

// What any Jira page, Cloud or Data Center, says about itself in its head and its address.

export const meta = (name: string) =>
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

/** The signed-in user's account id on Jira Cloud (HOSTS.md §1a); null where the page does not say. */
export const cloudAccountId = (): string | null => meta('ajs-atlassian-account-id') || null;

/** Where Jira lives on its host: `''`, or a path such as `/jira` (ajs-context-path). */
export function contextPath(): string {
  const path = meta('ajs-context-path');
  return /^\/[A-Za-z0-9._~/-]*$/.test(path) ? path.replace(/\/+$/, '') : '';
}

/** The issue the address names, else the one the title starts with. */
export function keyFromLocation(): string | null {
  const titled = TITLE_KEY.exec(document.title)?.[1];
  return issueFromUrl(new URL(location.href)) ?? (titled && ISSUE_KEY.test(titled) ? titled : null);
}
