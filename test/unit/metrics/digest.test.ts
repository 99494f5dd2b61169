import { describe, expect, it } from 'vitest';
import { aggregate } from '../../../lib/metrics/aggregate';
import { type Digest, decodeDigest, encodeDigest, toColumns } from '../../../lib/metrics/digest';
import type { MetricEvent } from '../../../lib/metrics/event';
import { DAY_MS } from '../../../lib/metrics/summary';
import { metricEvent } from './events';

const NOW = Date.parse('2026-11-23T12:00:00Z');

function log(count: number): MetricEvent[] {
  const outcomes = ['completed', 'cancelled', 'bypassed', 'post_failed'] as const;
  return Array.from({ length: count }, (_, i) =>
    metricEvent(NOW - 30 * DAY_MS + i * 997_331, {
      site: ['jira', 'zendesk', 'trello'][i % 3] as string,
      ticketKey: `ACME-${i % 40}`,
      outcome: outcomes[i % 4] as MetricEvent['outcome'],
      url: `https://acme.atlassian.net/browse/ACME-${i % 40}`,
    }),
  );
}

describe('the digest of the recent log', () => {
  it('gives back every fact the popup aggregates, and nothing it does not need', () => {
    const events = log(500);
    expect(decodeDigest(encodeDigest(events))).toEqual(toColumns(events));
  });

  it('leads the popup to the same figures, trend, breakdowns and hot potatoes as the log itself', () => {
    const events = log(2_000);
    const zone = 'Asia/Seoul';
    const decoded = decodeDigest(encodeDigest(events)) ?? [];
    expect(aggregate(decoded, { now: NOW, zone })).toEqual(aggregate(events, { now: NOW, zone }));
    expect(aggregate(decoded, { now: NOW, zone }).hotPotatoes).not.toEqual([]);
  });

  it('keeps text that looks like its own separators: commas, new lines, Korean and emoji', () => {
    const odd = [
      metricEvent(NOW - 1000, {
        ticketKey: 'A,B\nC',
        url: 'https://example.zendesk.com/agent/tickets/1?x=1,2\n',
        reason: '이관,\n🙂',
        site: 'custom,site',
      }),
      metricEvent(NOW, { outcome: 'cancelled', ticketKey: '' }),
    ];
    expect(decodeDigest(encodeDigest(odd))).toEqual(toColumns(odd));
  });

  it('holds an empty log', () => {
    expect(decodeDigest(encodeDigest([]))).toEqual(toColumns([]));
  });

  it('stays far smaller than the log it stands for', () => {
    const events = log(5_000);
    const digestBytes = JSON.stringify(encodeDigest(events)).length;
    expect(digestBytes).toBeLessThan(JSON.stringify(events).length / 4);
  });

  it('is refused, not misread, when it does not hold together', () => {
    const good = encodeDigest(log(3));
    const broken: Digest[] = [
      { ...good, count: 4 },
      { ...good, site: good.site.replace(/^[0-9a-z]+/, 'zz') },
      { ...good, outcome: good.outcome.replace(/^[0-9a-z]+/, '9') },
      { ...good, at: good.at.replace(/^[0-9a-z]+/, '') },
      { ...good, ticket: `${good.ticket},0` },
      { ...good, url: good.url.replace(/^[0-9a-z]*/, 'zzz') },
      { ...good, strings: [] },
      { ...good, count: 0 },
    ];
    expect(good.url).not.toBe('');
    for (const digest of broken) expect(decodeDigest(digest)).toBeNull();
  });
});
