import type { SiteId } from './registry';

// Which ticket a page shows, from its URL alone: the background uses it to decide whether a tab is on
// a ticket (without reading the page), the receiver script to name the ticket it checks. Evidence:
// shared/HOSTS.md §1d (Jira /browse/KEY and ?selectedIssue=KEY), §2 (Zendesk /agent/tickets/ID),
// §3 (Trello /c/SHORTLINK).

const JIRA_KEY = /^[A-Za-z][A-Za-z0-9_]*-\d+$/;

export function ticketFromUrl(site: SiteId, url: URL): string | null {
  switch (site) {
    case 'jira': {
      // Data Center may serve Jira under a context path: /jira/browse/KEY.
      const browse = /^(?:\/[^/]+)*?\/browse\/([^/]+)\/?$/.exec(url.pathname)?.[1];
      const key = browse ?? url.searchParams.get('selectedIssue');
      return key && JIRA_KEY.test(key) ? key.toUpperCase() : null;
    }
    case 'zendesk':
      return /^\/agent\/tickets\/(\d+)(?:\/|$)/.exec(url.pathname)?.[1] ?? null;
    case 'trello':
      return /^\/c\/([A-Za-z0-9]{8})(?:\/|$)/.exec(url.pathname)?.[1] ?? null;
  }
}
