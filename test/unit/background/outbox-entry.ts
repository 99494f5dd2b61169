import type { OutboxEntry } from '../../../lib/storage/items';

/** An outbox entry whose reassign went ahead, as the background stores it; `handoffId` and `ticketKey` name it. */
export const outboxEntry = (
  handoffId: string,
  ticketKey: string,
  more: Partial<OutboxEntry> = {},
): OutboxEntry => ({
  handoffId,
  holdId: `hold-${handoffId}`,
  site: 'jira',
  origin: 'https://acme.atlassian.net',
  ticketKey,
  body: { type: 'doc' },
  summaryText: 'summary',
  createdAt: 0,
  attempts: 0,
  nextAttemptAt: 0,
  released: true,
  ...more,
});
