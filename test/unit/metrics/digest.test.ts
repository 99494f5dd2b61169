import { describe, expect, it } from 'vitest';
import { aggregate } from '../../../lib/metrics/aggregate';
import {
  type Digest,
  decodeDigest,
  decodeWeek,
  encodeDigest,
  encodeWeek,
  type FigureColumns,
  toColumns,
} from '../../../lib/metrics/digest';
import type { MetricEvent } from '../../../lib/metrics/event';
import { DAY_MS, figures, WEEK_MS } from '../../../lib/metrics/summary';
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

describe('the digest of the last week, which the popup reads first', () => {
  /** Ten days of events, one every ten minutes: the last seven of them in the week. */
  const tenDays = (): MetricEvent[] =>
    log(1_440).map((event, i) => ({
      ...event,
      at: NOW - 10 * DAY_MS + i * 600_000,
      ...(i % 3 === 0 ? { fillMs: 20_000 + i } : {}),
    }));

  it('gives the main figures the same times, outcomes and fill times as the log, and nothing else', () => {
    const events = tenDays();
    const week = encodeWeek(events, NOW, WEEK_MS);
    const recent = toColumns(events.filter((event) => event.at > NOW - WEEK_MS));
    expect(recent.count).toBeGreaterThan(900);
    expect(decodeWeek(week)).toEqual({
      count: recent.count,
      at: recent.at,
      outcome: recent.outcome,
      fillMs: recent.fillMs,
    });
    expect(figures(decodeWeek(week) as FigureColumns, NOW)).toEqual(figures(toColumns(events), NOW));
    // No ticket, site or address: a read of a few numbers per event.
    expect(JSON.stringify(week)).not.toMatch(/ACME|atlassian|jira/);
    const lastWeek = events.filter((event) => event.at > NOW - WEEK_MS);
    expect(JSON.stringify(week).length).toBeLessThan(JSON.stringify(encodeDigest(lastWeek)).length * 0.6);
  });

  it('holds an empty week', () => {
    expect(decodeWeek(encodeWeek([], NOW, WEEK_MS))).toEqual({
      count: 0,
      at: new Float64Array(0),
      outcome: new Uint8Array(0),
      fillMs: new Float64Array(0),
    });
  });

  it('keeps times that are out of order (an event recorded late) and fill times of zero', () => {
    const events = tenDays()
      .slice(-3)
      .reverse()
      .map((event, i) => ({ ...event, fillMs: i === 0 ? 0 : event.fillMs }));
    const decoded = decodeWeek(encodeWeek(events, NOW, WEEK_MS));
    expect(decoded && Array.from(decoded.at)).toEqual(events.map((event) => event.at));
    expect(decoded && Array.from(decoded.fillMs)).toEqual(events.map((event) => event.fillMs ?? Number.NaN));
  });

  it('is refused, not misread, when it does not hold together', () => {
    const week = encodeWeek(tenDays(), NOW, WEEK_MS);
    expect(decodeWeek(week)).not.toBeNull();
    expect(decodeWeek({ ...week, count: week.count + 1 })).toBeNull();
    // An outcome Baton does not know, or not a digit, where the count still fits.
    expect(decodeWeek({ ...week, outcome: week.outcome.replace(/^[0-9]/, '9') })).toBeNull();
    expect(decodeWeek({ ...week, outcome: week.outcome.replace(/^[0-9]/, '-') })).toBeNull();
    expect(decodeWeek({ ...week, outcome: week.outcome.slice(1) })).toBeNull();
    expect(decodeWeek({ ...week, at: week.at.replace(/^[0-9]+/, '') })).toBeNull();
    expect(decodeWeek({ ...week, fillMs: week.fillMs.replace(/,/, ',,') })).toBeNull();
    expect(decodeWeek({ ...week, at: week.at.replace(/,/, '-,') })).toBeNull();
  });
});
