import type { SiteRecord } from '../site-record';

// Zendesk Support's agent workspace; a host-mapped domain is a custom host. Evidence: shared/HOSTS.md §2
// (tickets at /agent/tickets/ID).

/** The ticket a Zendesk address names. */
export const ticketIdFromUrl = (url: URL): string | null =>
  /^\/agent\/tickets\/(\d+)(?:\/|$)/.exec(url.pathname)?.[1] ?? null;

/** Apart from the record, so that a host-page script's manifest entry does not bundle the examples. */
export const zendeskMatches = ['https://*.zendesk.com/*'] as const;

export const zendesk = {
  id: 'zendesk',
  name: 'Zendesk',
  matches: zendeskMatches,
  commentFormat: 'html',
  commentLimit: 65_535,
  ticketFromUrl: ticketIdFromUrl,
  customHosts: true,
  examples: {
    pages: [
      { url: 'https://acme.zendesk.com/agent/tickets/1234', ticket: '1234' },
      { url: 'https://acme.zendesk.com/agent/tickets/1234/events', ticket: '1234' },
      { url: 'https://acme.zendesk.com/agent/filters/360001', ticket: null },
    ],
    requests: [
      {
        method: 'PUT',
        url: 'https://acme.zendesk.com/api/v2/tickets/1234.json',
        body: '{"ticket":{"assignee_id":381626}}',
        tickets: ['1234'],
      },
      {
        method: 'PUT',
        url: 'https://acme.zendesk.com/api/v2/tickets/update_many.json?ids=1234,1235',
        body: '{"ticket":{"group_id":20}}',
        tickets: ['1234', '1235'],
      },
    ],
  },
} as const satisfies SiteRecord;
