import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { aggregate } from '../../../lib/metrics/aggregate';
import type { MetricEvent, Outcome } from '../../../lib/metrics/event';
import {
  applyRetention,
  capEvents,
  compactBuckets,
  type DayBucket,
  dayBucketsSchema,
  type EventStore,
  foldIntoBuckets,
  needsRetention,
} from '../../../lib/metrics/retention';
import { DAY_MS } from '../../../lib/metrics/summary';
import { metricEvent } from './events';

const NOW = Date.parse('2026-11-24T12:00:00Z');
const OUTCOMES: Outcome[] = ['completed', 'cancelled', 'bypassed', 'post_failed'];

function series(count: number, stepMs: number, from = NOW - count * stepMs): MetricEvent[] {
  return Array.from({ length: count }, (_, i) =>
    metricEvent(from + i * stepMs, {
      outcome: OUTCOMES[i % 4],
      site: i % 3 === 0 ? 'zendesk' : 'jira',
    }),
  );
}

function totals(events: readonly MetricEvent[]): Record<Outcome, number> {
  const counts = { completed: 0, cancelled: 0, bypassed: 0, post_failed: 0 };
  for (const event of events) counts[event.outcome] += 1;
  return counts;
}

/** Totals per outcome over day buckets, to check that folding and compacting lose nothing. */
function bucketTotals(buckets: readonly DayBucket[]): Record<Outcome, number> {
  const counts = { completed: 0, cancelled: 0, bypassed: 0, post_failed: 0 };
  for (const bucket of buckets) for (const outcome of OUTCOMES) counts[outcome] += bucket[outcome];
  return counts;
}

describe('capping the event log', () => {
  it('keeps the newest events up to the limit, in stored order', () => {
    const events = series(10, 60_000);
    const { kept, dropped } = capEvents(events, { now: NOW, maxEvents: 4, retentionDays: 365 });
    expect(kept).toEqual(events.slice(6));
    expect(dropped).toEqual(events.slice(0, 6));
  });

  it('keeps the newest by time when events were not stored in order', () => {
    const events = series(6, 60_000);
    const shuffled = [events[3], events[0], events[5], events[1], events[4], events[2]] as MetricEvent[];
    const { kept, dropped } = capEvents(shuffled, { now: NOW, maxEvents: 3, retentionDays: 365 });
    expect(kept).toEqual([events[3], events[5], events[4]]);
    expect(dropped.map((event) => event.id).sort()).toEqual(
      [events[0], events[1], events[2]].map((event) => event?.id).sort(),
    );
  });

  it('drops events older than the retention period', () => {
    const old = metricEvent(NOW - 30 * DAY_MS - 1);
    const edge = metricEvent(NOW - 30 * DAY_MS);
    const fresh = metricEvent(NOW - DAY_MS);
    const { kept, dropped } = capEvents([old, edge, fresh], { now: NOW, retentionDays: 30 });
    expect(kept).toEqual([edge, fresh]);
    expect(dropped).toEqual([old]);
  });

  it('defaults to 50,000 events', () => {
    const events = series(50_010, 1000);
    const { kept, dropped } = capEvents(events, { now: NOW, retentionDays: 3650 });
    expect(kept).toHaveLength(50_000);
    expect(dropped).toHaveLength(10);
    expect(kept[0]).toBe(events[10]);
  });
});

describe('folding dropped events into day buckets', () => {
  it('counts by local day and site', () => {
    const events = [
      metricEvent('2026-11-23T15:30:00Z'), // the 24th in Seoul
      metricEvent('2026-11-23T14:30:00Z', { outcome: 'cancelled' }), // the 23rd in Seoul
      metricEvent('2026-11-23T14:00:00Z', { site: 'trello', outcome: 'bypassed' }),
      metricEvent('2026-11-23T10:00:00Z', { outcome: 'post_failed' }),
    ];
    expect(foldIntoBuckets([], events, 'Asia/Seoul')).toEqual([
      { day: '2026-11-23', site: 'jira', completed: 0, cancelled: 1, bypassed: 0, post_failed: 1 },
      { day: '2026-11-23', site: 'trello', completed: 0, cancelled: 0, bypassed: 1, post_failed: 0 },
      { day: '2026-11-24', site: 'jira', completed: 1, cancelled: 0, bypassed: 0, post_failed: 0 },
    ]);
  });

  it('adds to existing buckets without changing the ones passed in', () => {
    const existing: DayBucket[] = [
      { day: '2026-11-23', site: 'jira', completed: 5, cancelled: 0, bypassed: 0, post_failed: 0 },
    ];
    const folded = foldIntoBuckets(existing, [metricEvent('2026-11-23T10:00:00Z')], 'UTC');
    expect(folded).toEqual([
      { day: '2026-11-23', site: 'jira', completed: 6, cancelled: 0, bypassed: 0, post_failed: 0 },
    ]);
    expect(existing[0]?.completed).toBe(5);
  });

  it('merges buckets older than 400 days by month, keeping the totals', () => {
    const buckets: DayBucket[] = [
      { day: '2024-03-05', site: 'jira', completed: 1, cancelled: 1, bypassed: 0, post_failed: 0 },
      { day: '2024-03-28', site: 'jira', completed: 2, cancelled: 0, bypassed: 1, post_failed: 0 },
      { day: '2024-03-28', site: 'zendesk', completed: 4, cancelled: 0, bypassed: 0, post_failed: 0 },
      { day: '2026-11-01', site: 'jira', completed: 3, cancelled: 0, bypassed: 0, post_failed: 1 },
    ];
    const compacted = compactBuckets(buckets, { now: NOW, zone: 'UTC' });
    expect(compacted).toEqual([
      { day: '2024-03-01', site: 'jira', completed: 3, cancelled: 1, bypassed: 1, post_failed: 0 },
      { day: '2024-03-01', site: 'zendesk', completed: 4, cancelled: 0, bypassed: 0, post_failed: 0 },
      { day: '2026-11-01', site: 'jira', completed: 3, cancelled: 0, bypassed: 0, post_failed: 1 },
    ]);
    expect(bucketTotals(compacted)).toEqual(bucketTotals(buckets));
  });
});

describe('applyRetention', () => {
  const zone = 'America/New_York';

  it('keeps recent events for the popup, archives older ones and counts them in buckets', () => {
    const recent = metricEvent(NOW - 10 * DAY_MS);
    const older = metricEvent(NOW - 40 * DAY_MS, { outcome: 'cancelled' });
    const tooOld = metricEvent(NOW - 400 * DAY_MS);
    const archived = metricEvent(NOW - 100 * DAY_MS); // archived earlier: already in the buckets
    const buckets: DayBucket[] = [
      { day: '2026-08-16', site: 'jira', completed: 1, cancelled: 0, bypassed: 0, post_failed: 0 },
    ];
    const result = applyRetention(
      { events: [tooOld, older, recent], archive: [archived], buckets },
      { now: NOW, zone, retentionDays: 365 },
    );
    expect(result.events).toEqual([recent]);
    expect(result.archive).toEqual([archived, older]);
    expect(result.buckets).toEqual([
      { day: '2025-10-20', site: 'jira', completed: 1, cancelled: 0, bypassed: 0, post_failed: 0 },
      { day: '2026-08-16', site: 'jira', completed: 1, cancelled: 0, bypassed: 0, post_failed: 0 },
      { day: '2026-10-15', site: 'jira', completed: 0, cancelled: 1, bypassed: 0, post_failed: 0 },
    ]);
    expect(result).toMatchObject({ changed: true, archived: 1, dropped: 1 });
  });

  it('drops archived events past the retention period without changing the counts', () => {
    const archived = metricEvent(NOW - 100 * DAY_MS);
    const buckets = foldIntoBuckets([], [archived], zone);
    const result = applyRetention(
      { events: [], archive: [archived], buckets },
      { now: NOW, zone, retentionDays: 90 },
    );
    expect(result).toMatchObject({ events: [], archive: [], buckets, changed: true, dropped: 1 });
  });

  it('caps events and archive together: oldest archived first, then the oldest recent events', () => {
    const archive = series(5, DAY_MS, NOW - 100 * DAY_MS);
    const events = series(5, 60_000, NOW - DAY_MS);
    const policy = { now: NOW, zone, retentionDays: 365 };
    const buckets = foldIntoBuckets([], archive, zone);
    const seven = applyRetention({ events, archive, buckets }, { ...policy, maxEvents: 7 });
    expect(seven.events).toEqual(events);
    expect(seven.archive).toEqual(archive.slice(3));
    expect(seven.buckets).toEqual(buckets);
    const three = applyRetention({ events, archive, buckets }, { ...policy, maxEvents: 3 });
    expect(three.events).toEqual(events.slice(2));
    expect(three.archive).toEqual([]);
    expect(bucketTotals(three.buckets)).toEqual(totals([...archive, ...events.slice(0, 2)]));
    expect(three.dropped).toBe(7);
  });

  it('preserves every total and what the popup shows', () => {
    // Two years of events, a few every day, all still in the log.
    const all = series(3000, Math.floor((730 * DAY_MS) / 3000));
    const before = aggregate(all, { now: NOW, zone });
    const after = applyRetention(
      { events: all, archive: [], buckets: [] },
      { now: NOW, zone, maxEvents: 1000, retentionDays: 180 },
    );
    expect(after.events.length + after.archive.length).toBeLessThanOrEqual(1000);
    expect(after.events.every((event) => event.at >= NOW - 32 * DAY_MS)).toBe(true);
    expect(after.dropped).toBe(3000 - after.events.length - after.archive.length);
    const kept = totals(after.events);
    const folded = bucketTotals(after.buckets);
    for (const outcome of OUTCOMES) expect(kept[outcome] + folded[outcome]).toBe(totals(all)[outcome]);

    const reread = aggregate(after.events, { now: NOW, zone, buckets: after.buckets });
    // Buckets older than 400 days are kept by month, so the first day becomes the month's first.
    expect(reread.allTime).toEqual({ ...before.allTime, firstDay: '2024-11-01' });
    expect(before.allTime.firstDay).toBe('2024-11-24');
    expect(reread.days).toEqual(before.days);
    expect(reread.window).toEqual(before.window);
    expect(reread.figures).toEqual(before.figures);
    expect(reread.hotPotatoes).toEqual(before.hotPotatoes);
    expect(reread.byReason).toEqual(before.byReason);
  });

  it('changes nothing when applied again', () => {
    const events = series(500, DAY_MS / 2);
    const policy = { now: NOW, zone: 'Asia/Seoul', maxEvents: 100, retentionDays: 60 };
    const once = applyRetention({ events, archive: [], buckets: [] }, policy);
    expect(once.changed).toBe(true);
    const twice = applyRetention(once, policy);
    expect(twice).toEqual({ ...once, changed: false, archived: 0, dropped: 0 });
  });

  it('stays bounded however long it runs', () => {
    // Ten years, every other day, the way the background applies it after recording events.
    let store: EventStore = { events: [], archive: [], buckets: [] };
    const start = NOW - 3650 * DAY_MS;
    let recorded = 0;
    for (let day = 0; day < 3650; day += 2) {
      const now = start + day * DAY_MS;
      store.events.push(metricEvent(now - 1000, { site: ['jira', 'zendesk', 'trello'][day % 3] }));
      store.events.push(metricEvent(now - 500, { outcome: 'cancelled' }));
      recorded += 2;
      store = applyRetention(store, { now, zone: 'UTC', maxEvents: 200, retentionDays: 90 });
    }
    expect(store.events.length + store.archive.length).toBeLessThanOrEqual(200);
    // 400 daily days × 3 sites at most, plus one per month and site before that.
    expect(store.buckets.length).toBeLessThan(400 * 3 + 120 * 3);
    const folded = bucketTotals(store.buckets);
    expect(store.events.length + folded.completed + folded.cancelled).toBe(recorded);
  });
});

describe('needsRetention', () => {
  it('asks for a run once an event is a day past the recent window or the retention period, or over the limit', () => {
    const policy = { now: NOW, retentionDays: 365 };
    expect(needsRetention([metricEvent(NOW - 32 * DAY_MS)], policy)).toBe(false);
    expect(needsRetention([metricEvent(NOW - 33 * DAY_MS)], policy)).toBe(false);
    expect(needsRetention([metricEvent(NOW - 33 * DAY_MS - 1)], policy)).toBe(true);
    expect(needsRetention([metricEvent(NOW - 3 * DAY_MS)], { now: NOW, retentionDays: 2 })).toBe(false);
    expect(needsRetention([metricEvent(NOW - 4 * DAY_MS)], { now: NOW, retentionDays: 2 })).toBe(true);
    expect(needsRetention(series(3, 1000), { ...policy, maxEvents: 2 })).toBe(true);
    expect(needsRetention([], policy)).toBe(false);
  });
});

describe('bucket schema', () => {
  it('accepts buckets and rejects a malformed day or count', () => {
    const good = { day: '2026-11-24', site: 'jira', completed: 1, cancelled: 0, bypassed: 0, post_failed: 0 };
    expect(z.safeParse(dayBucketsSchema, [good]).success).toBe(true);
    expect(z.safeParse(dayBucketsSchema, [{ ...good, day: '24/11/2026' }]).success).toBe(false);
    expect(z.safeParse(dayBucketsSchema, [{ ...good, completed: -1 }]).success).toBe(false);
    expect(z.safeParse(dayBucketsSchema, [{ ...good, completed: 1.5 }]).success).toBe(false);
  });
});
