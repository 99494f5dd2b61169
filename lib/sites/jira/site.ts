import type { SiteRecord } from '../site-record';

// Jira: Cloud on Atlassian's hosts, and Data Center or Server on a company's own host (a custom host),
// whose own files are in dc/. Evidence: shared/HOSTS.md §1d (Jira /browse/KEY and ?selectedIssue=KEY).

/** An issue key, PROJ-123: a project key starts with a letter. */
const KEY = '[A-Za-z][A-Za-z0-9_]*-\\d+';
export const ISSUE_KEY = new RegExp(`^${KEY}$`);
/** The key at the start of an issue page's title: "[PROJ-123] Summary - Jira". */
export const TITLE_KEY = new RegExp(`^\\[(${KEY})\\]`);
/** An issue as Jira's forms and REST paths name it: by key, or (Data Center's forms) by numeric id. */
export const ISSUE_KEY_OR_ID = new RegExp(`^(?:${KEY}|\\d+)$`);

/** The issue a Jira address names, Cloud's or Data Center's. */
export function issueFromUrl(url: URL): string | null {
  // Data Center may serve Jira under a context path: /jira/browse/KEY.
  const browse = /^(?:\/[^/]+)*?\/browse\/([^/]+)\/?$/.exec(url.pathname)?.[1];
  const key = browse ?? url.searchParams.get('selectedIssue');
  return key && ISSUE_KEY.test(key) ? key.toUpperCase() : null;
}

/** Apart from the record, so that a host-page script's manifest entry does not bundle the examples. */
export const jiraMatches = ['https://*.atlassian.net/*'] as const;

export const jira = {
  id: 'jira',
  name: 'Jira',
  matches: jiraMatches,
  commentFormat: 'adf',
  commentLimit: 32_767,
  ticketFromUrl: issueFromUrl,
  customHosts: true,
  examples: {
    pages: [
      { url: 'https://acme.atlassian.net/browse/PROJ-12', ticket: 'PROJ-12' },
      {
        url: 'https://acme.atlassian.net/jira/software/projects/PROJ/boards/1?selectedIssue=PROJ-7',
        ticket: 'PROJ-7',
      },
      { url: 'https://acme.atlassian.net/jira/your-work', ticket: null },
    ],
    requests: [
      {
        method: 'PUT',
        url: 'https://acme.atlassian.net/rest/api/3/issue/PROJ-12/assignee',
        body: '{"accountId":"5b10ac8d82e05b22cc7d4ef5"}',
        tickets: ['PROJ-12'],
      },
      {
        method: 'PUT',
        url: 'https://acme.atlassian.net/rest/api/3/issue/PROJ-12',
        body: '{"fields":{"assignee":null}}',
        tickets: ['PROJ-12'],
      },
    ],
  },
} as const satisfies SiteRecord;
