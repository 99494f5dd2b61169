import { describe, expect, it } from 'vitest';
import type { HostCount } from '../../../lib/history/ticket-history';
import type { HotPotato } from '../../../lib/metrics/aggregate';
import { withHostCounts } from '../../../lib/metrics/host-counts';

const NOW = Date.parse('2026-12-07T12:00:00Z');
const DAY = 86_400_000;
const hot: HotPotato = {
  site: 'jira',
  ticketKey: 'ACME-1',
  url: 'https://acme.atlassian.net/browse/ACME-1',
  count: 3,
  lastAt: NOW - DAY,
};
const host = (ticketKey: string, count: number, at: number, site = 'jira'): HostCount => ({
  site,
  ticketKey,
  url: `https://acme.atlassian.net/browse/${ticketKey}`,
  count,
  at,
});

describe('withHostCounts', () => {
  it("adds the host's latest count to a hot potato Baton counted itself", () => {
    const listed = withHostCounts(
      [hot],
      [host('ACME-1', 2, NOW - 5 * DAY), host('ACME-1', 5, NOW - 2 * DAY)],
      NOW,
    );
    expect(listed).toEqual([{ ...hot, hostCount: 5 }]);
  });

  it('brings in a ticket Baton has seen whose host says it changed hands 3+ times, and no other', () => {
    const listed = withHostCounts(
      [hot],
      [
        host('ACME-7', 4, NOW - 3 * DAY),
        host('ACME-8', 2, NOW - 3 * DAY),
        host('ACME-9', 6, NOW - 40 * DAY),
        { ...host('42', 3, NOW - 2 * DAY, 'zendesk'), url: 'javascript:alert(1)' },
      ],
      NOW,
    );
    expect(listed.map((t) => [t.site, t.ticketKey, t.count, t.hostCount])).toEqual([
      ['jira', 'ACME-1', 3, undefined],
      ['zendesk', '42', 0, 3],
      ['jira', 'ACME-7', 0, 4],
    ]);
    expect(listed.find((t) => t.ticketKey === '42')?.url).toBeUndefined();
  });
});
