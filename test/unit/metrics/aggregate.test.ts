import { describe, expect, it } from 'vitest';
import { type Aggregate, aggregate } from '../../../lib/metrics/aggregate';
import type { MetricEvent, Outcome } from '../../../lib/metrics/event';
import type { DayBucket } from '../../../lib/metrics/retention';
import { DAY_MS, median, WEEK_MS } from '../../../lib/metrics/summary';
import { metricEvent } from './events';

function completedOn(result: Aggregate, day: string): number | undefined {
  return result.days.find((entry) => entry.day === day)?.completed;
}

describe('per-day trend', () => {
  it('has 30 local days, oldest first, ending today', () => {
    const now = Date.parse('2026-11-24T03:00:00Z'); // Tuesday 12:00 in Seoul
    const result = aggregate([], { now, zone: 'Asia/Seoul' });
    expect(result.days).toHaveLength(30);
    expect(result.days[0]?.day).toBe('2026-10-26');
    expect(result.days[29]?.day).toBe('2026-11-24');
    expect(result.days.filter((day) => day.weekStart).map((day) => [day.day, day.isoWeek])).toEqual([
      ['2026-10-26', 44],
      ['2026-11-02', 45],
      ['2026-11-09', 46],
      ['2026-11-16', 47],
      ['2026-11-23', 48],
    ]);
  });

  it('counts days in Seoul time, not UTC', () => {
    const now = Date.parse('2026-11-24T03:00:00Z');
    const events = [
      metricEvent('2026-11-23T15:30:00Z'), // 00:30 on the 24th in Seoul
      metricEvent('2026-11-23T14:59:59Z'), // 23:59:59 on the 23rd in Seoul
      metricEvent('2026-11-23T01:00:00Z'), // 10:00 on the 23rd
      metricEvent('2026-11-23T02:00:00Z', { outcome: 'cancelled' }),
    ];
    const seoul = aggregate(events, { now, zone: 'Asia/Seoul' });
    expect(completedOn(seoul, '2026-11-24')).toBe(1);
    expect(completedOn(seoul, '2026-11-23')).toBe(2);
    expect(seoul.days.find((day) => day.day === '2026-11-23')?.cancelled).toBe(1);
    const utc = aggregate(events, { now, zone: 'UTC' });
    expect(completedOn(utc, '2026-11-23')).toBe(3);
    expect(completedOn(utc, '2026-11-24')).toBe(0);
    expect(aggregate(events, { now, zone: 540 }).days).toEqual(seoul.days);
  });

  it('puts events in the right New York day across the spring DST change (a 23-hour day)', () => {
    const now = Date.parse('2026-03-10T16:00:00Z');
    const events = [
      metricEvent('2026-03-08T04:59:59Z'), // Sat 7 Mar 23:59:59 EST
      metricEvent('2026-03-08T05:00:00Z'), // Sun 8 Mar 00:00 EST
      metricEvent('2026-03-08T07:30:00Z'), // 03:30 EDT, just after the change
      metricEvent('2026-03-09T03:59:59Z'), // 23:59:59 EDT
      metricEvent('2026-03-09T04:00:00Z'), // Mon 9 Mar 00:00 EDT
    ];
    const result = aggregate(events, { now, zone: 'America/New_York' });
    expect(completedOn(result, '2026-03-07')).toBe(1);
    expect(completedOn(result, '2026-03-08')).toBe(3);
    expect(completedOn(result, '2026-03-09')).toBe(1);
  });

  it('puts events in the right New York day across the autumn DST change (a 25-hour day)', () => {
    const now = Date.parse('2026-11-05T12:00:00Z');
    const events = [
      metricEvent('2026-11-01T03:59:59Z'), // Sat 31 Oct 23:59:59 EDT
      metricEvent('2026-11-01T04:00:00Z'), // Sun 1 Nov 00:00 EDT
      metricEvent('2026-11-01T05:30:00Z'), // 01:30 EDT
      metricEvent('2026-11-01T06:30:00Z'), // 01:30 EST, the repeated hour
      metricEvent('2026-11-02T04:59:59Z'), // 23:59:59 EST
      metricEvent('2026-11-02T05:00:00Z'), // Mon 2 Nov 00:00 EST
    ];
    const result = aggregate(events, { now, zone: 'America/New_York' });
    expect(completedOn(result, '2026-10-31')).toBe(1);
    expect(completedOn(result, '2026-11-01')).toBe(4);
    expect(completedOn(result, '2026-11-02')).toBe(1);
  });

  it('starts the window at local midnight 29 days before today and ignores events after now', () => {
    const zone = 'America/New_York';
    const now = Date.parse('2026-11-24T17:00:00Z'); // 12:00 EST
    const windowStart = Date.parse('2026-10-26T04:00:00Z'); // 26 Oct 00:00 EDT
    const result = aggregate(
      [
        metricEvent(windowStart),
        metricEvent(windowStart - 1),
        metricEvent(now),
        metricEvent(now + 1),
        metricEvent(windowStart - 1, { outcome: 'cancelled' }),
      ],
      { now, zone },
    );
    expect(result.days[0]).toMatchObject({ day: '2026-10-26', completed: 1 });
    expect(result.days[29]).toMatchObject({ day: '2026-11-24', completed: 1 });
    expect(result.window).toMatchObject({ completed: 2, cancelled: 0, guarded: 2 });
    expect(result.allTime).toMatchObject({ completed: 3, cancelled: 1, guarded: 4 });
  });
});

describe('main figures', () => {
  it('cover exactly the last 7 × 24 hours', () => {
    const now = Date.parse('2026-11-24T12:00:00Z');
    const events = [
      metricEvent(now - WEEK_MS), // just outside
      metricEvent(now - WEEK_MS + 1, { fillMs: 30_000 }),
      metricEvent(now, { fillMs: 60_000 }),
      metricEvent(now + 1), // in the future
      metricEvent(now - DAY_MS, { outcome: 'bypassed' }),
      metricEvent(now - 20 * DAY_MS),
    ];
    const result = aggregate(events, { now, zone: 'UTC' });
    expect(result.figures).toEqual({ handoffs: 2, guarded: 3, completionRate: 67, medianFillSeconds: 45 });
  });
});

describe('this week', () => {
  it('is the local ISO week holding today, Monday first', () => {
    // Monday 23 Nov 2026 00:30 in Seoul is still Sunday in UTC.
    const now = Date.parse('2026-11-22T15:30:00Z');
    const events = [
      metricEvent('2026-11-22T15:10:00Z'), // Monday 00:10 Seoul: this week
      metricEvent('2026-11-22T14:50:00Z'), // Sunday 23:50 Seoul: last week
      metricEvent('2026-11-22T15:20:00Z', { outcome: 'cancelled' }),
    ];
    const result = aggregate(events, { now, zone: 'Asia/Seoul' });
    expect(result.thisWeek).toEqual({
      isoYear: 2026,
      isoWeek: 48,
      firstDay: '2026-11-23',
      completed: 1,
      cancelled: 1,
      bypassed: 0,
      post_failed: 0,
    });
    expect(aggregate(events, { now, zone: 'UTC' }).thisWeek).toMatchObject({ isoWeek: 47, completed: 2 });
  });

  it('names the week by its ISO year at a year boundary', () => {
    const result = aggregate([], { now: Date.parse('2027-01-02T12:00:00Z'), zone: 'UTC' });
    expect(result.thisWeek).toMatchObject({ isoYear: 2026, isoWeek: 53, firstDay: '2026-12-28' });
  });
});

describe('breakdowns', () => {
  const now = Date.parse('2026-11-24T12:00:00Z');
  const outcomes: [string, Outcome, string | undefined][] = [
    ['jira', 'completed', 'escalation'],
    ['jira', 'completed', 'escalation'],
    ['jira', 'completed', 'wrong_team'],
    ['jira', 'cancelled', undefined],
    ['zendesk', 'completed', 'shift_change'],
    ['zendesk', 'bypassed', undefined],
    ['zendesk', 'post_failed', 'escalation'],
    ['trello', 'cancelled', undefined],
  ];
  const events = outcomes.map(([site, outcome, reason], index) => {
    const event = metricEvent(now - index * DAY_MS, { site, outcome });
    if (reason) event.reason = reason;
    else delete event.reason;
    return event;
  });
  const old = metricEvent(now - 40 * DAY_MS, { site: 'trello', reason: 'workload' });

  it('counts sites over the 30 days, most guarded first', () => {
    const result = aggregate([...events, old], { now, zone: 'UTC' });
    expect(result.bySite).toEqual([
      { site: 'jira', guarded: 4, completed: 3, cancelled: 1, bypassed: 0, post_failed: 0 },
      { site: 'zendesk', guarded: 3, completed: 1, cancelled: 0, bypassed: 1, post_failed: 1 },
      { site: 'trello', guarded: 1, completed: 0, cancelled: 1, bypassed: 0, post_failed: 0 },
    ]);
    expect(result.window).toEqual({ completed: 4, cancelled: 2, bypassed: 1, post_failed: 1, guarded: 8 });
  });

  it('counts reasons of completed handoffs only', () => {
    const result = aggregate([...events, old], { now, zone: 'UTC' });
    expect(result.byReason).toEqual([
      { reason: 'escalation', completed: 2 },
      { reason: 'shift_change', completed: 1 },
      { reason: 'wrong_team', completed: 1 },
    ]);
  });
});

describe('hot potatoes', () => {
  const now = Date.parse('2026-11-24T12:00:00Z');
  const zone = 'UTC';
  const windowStart = Date.parse('2026-10-26T00:00:00Z');
  const ticket = (key: string, at: number, overrides: Partial<MetricEvent> = {}) =>
    metricEvent(at, { ticketKey: key, url: `https://acme.atlassian.net/browse/${key}`, ...overrides });

  it('lists tickets with 3 or more completed handoffs in 30 days, newest first, with count and address', () => {
    const events = [
      ticket('HOT-1', now - 20 * DAY_MS),
      ticket('HOT-1', now - 10 * DAY_MS),
      ticket('HOT-1', now - 5 * DAY_MS),
      ticket('HOT-2', windowStart),
      ticket('HOT-2', now - DAY_MS),
      ticket('HOT-2', now - 3 * DAY_MS),
      ticket('HOT-2', now - 2 * DAY_MS),
    ];
    expect(aggregate(events, { now, zone }).hotPotatoes).toEqual([
      {
        site: 'jira',
        ticketKey: 'HOT-2',
        url: 'https://acme.atlassian.net/browse/HOT-2',
        count: 4,
        lastAt: now - DAY_MS,
      },
      {
        site: 'jira',
        ticketKey: 'HOT-1',
        url: 'https://acme.atlassian.net/browse/HOT-1',
        count: 3,
        lastAt: now - 5 * DAY_MS,
      },
    ]);
  });

  it('leaves out handoffs before the window, other outcomes, and the same key on another site', () => {
    const events = [
      ticket('WARM-1', windowStart - 1),
      ticket('WARM-1', now - 2 * DAY_MS),
      ticket('WARM-1', now - DAY_MS),
      ticket('WARM-2', now - 3 * DAY_MS),
      ticket('WARM-2', now - 2 * DAY_MS),
      ticket('WARM-2', now - DAY_MS, { outcome: 'cancelled' }),
      ticket('WARM-2', now - DAY_MS, { outcome: 'bypassed' }),
      ticket('WARM-3', now - 3 * DAY_MS),
      ticket('WARM-3', now - 2 * DAY_MS),
      ticket('WARM-3', now - DAY_MS, { site: 'zendesk' }),
    ];
    expect(aggregate(events, { now, zone }).hotPotatoes).toEqual([]);
    expect(
      aggregate(events, { now, zone, hotPotatoThreshold: 2 }).hotPotatoes.map((t) => t.ticketKey),
    ).toEqual(['WARM-1', 'WARM-2', 'WARM-3']);
  });

  it('keeps the newest web address and never a script address', () => {
    const events = [
      ticket('HOT-3', now - 3 * DAY_MS, { url: 'https://old.example/HOT-3' }),
      ticket('HOT-3', now - DAY_MS, { url: undefined }),
      ticket('HOT-3', now - 2 * DAY_MS, { url: 'https://acme.atlassian.net/browse/HOT-3' }),
      ticket('EVIL-1', now - 3 * DAY_MS, { url: 'javascript:alert(1)' }),
      ticket('EVIL-1', now - 2 * DAY_MS, { url: 'javascript:alert(1)' }),
      ticket('EVIL-1', now - DAY_MS, { url: 'data:text/html,hi' }),
      ticket('BAD-1', now - 2 * DAY_MS, { url: 'https://exa mple.com/BAD-1' }),
      ticket('BAD-1', now - DAY_MS, { url: 'https://[::1/BAD-1' }),
      ticket('BAD-1', now - 3 * DAY_MS, { url: 'http://' }),
    ];
    const potatoes = aggregate(events, { now, zone }).hotPotatoes;
    const [evil, hot] = potatoes.filter((t) => t.ticketKey !== 'BAD-1');
    expect(evil).toMatchObject({ ticketKey: 'EVIL-1', count: 3 });
    expect(evil?.url).toBeUndefined();
    // Addresses that only look like web addresses are no links either.
    const bad = potatoes.find((t) => t.ticketKey === 'BAD-1');
    expect(bad?.count).toBe(3);
    expect(bad?.url).toBeUndefined();
    expect(hot).toMatchObject({ ticketKey: 'HOT-3', url: 'https://acme.atlassian.net/browse/HOT-3' });
  });
});

describe('buckets of folded events', () => {
  it('add to the trend, the sites and the totals without being double counted', () => {
    const now = Date.parse('2026-11-24T12:00:00Z');
    const buckets: DayBucket[] = [
      { day: '2025-01-15', site: 'jira', completed: 100, cancelled: 10, bypassed: 2, post_failed: 1 },
      { day: '2026-11-20', site: 'zendesk', completed: 5, cancelled: 1, bypassed: 0, post_failed: 0 },
      { day: '2026-11-23', site: 'jira', completed: 2, cancelled: 0, bypassed: 1, post_failed: 0 },
    ];
    const result = aggregate([metricEvent('2026-11-23T10:00:00Z')], { now, zone: 'UTC', buckets });
    expect(completedOn(result, '2026-11-20')).toBe(5);
    expect(completedOn(result, '2026-11-23')).toBe(3);
    expect(result.window).toEqual({ completed: 8, cancelled: 1, bypassed: 1, post_failed: 0, guarded: 10 });
    expect(result.thisWeek).toMatchObject({ completed: 3, bypassed: 1 });
    expect(result.bySite.map((site) => [site.site, site.guarded])).toEqual([
      ['zendesk', 6],
      ['jira', 4],
    ]);
    expect(result.allTime).toEqual({
      completed: 108,
      cancelled: 11,
      bypassed: 3,
      post_failed: 1,
      guarded: 123,
      firstDay: '2025-01-15',
    });
  });
});

describe('50,000 stored events', () => {
  it('aggregates in one pass with the right totals', () => {
    const now = Date.parse('2026-11-24T12:00:00Z');
    const sites = ['jira', 'zendesk', 'trello'];
    const outcomes: Outcome[] = [
      'completed',
      'completed',
      'completed',
      'cancelled',
      'bypassed',
      'post_failed',
    ];
    const reasons = ['escalation', 'expertise', 'shift_change', 'wrong_team', 'workload'];
    const events: MetricEvent[] = [];
    const count = 50_000;
    // Spread over 200 days, oldest first, as the background appends them.
    for (let i = 0; i < count; i += 1) {
      const outcome = outcomes[i % outcomes.length] as Outcome;
      events.push({
        id: `e${i}`,
        site: sites[i % 3] as string,
        ticketKey: `T-${i % 5000}`,
        url: `https://acme.atlassian.net/browse/T-${i % 5000}`,
        outcome,
        fieldsFilled: 6,
        at: now - 200 * DAY_MS + Math.floor((i * 200 * DAY_MS) / count),
        ...(outcome === 'completed' ? { fillMs: 20_000 + (i % 50) * 1000, reason: reasons[i % 5] } : {}),
      });
    }
    const started = performance.now();
    const result = aggregate(events, { now, zone: 'Asia/Seoul' });
    console.log(`aggregate(50,000 events): ${(performance.now() - started).toFixed(1)} ms`);

    // The reference: the obvious multi-pass computation.
    const countOf = (list: MetricEvent[], outcome: Outcome) =>
      list.filter((e) => e.outcome === outcome).length;
    expect(result.allTime).toMatchObject({
      completed: countOf(events, 'completed'),
      cancelled: countOf(events, 'cancelled'),
      bypassed: countOf(events, 'bypassed'),
      post_failed: countOf(events, 'post_failed'),
      guarded: count,
    });
    const windowStart = Date.parse(`${result.days[0]?.day}T00:00:00+09:00`);
    const recent = events.filter((event) => event.at >= windowStart && event.at <= now);
    expect(result.window.guarded).toBe(recent.length);
    expect(result.days.reduce((total, day) => total + day.completed, 0)).toBe(countOf(recent, 'completed'));
    for (const day of result.days) {
      const start = Date.parse(`${day.day}T00:00:00+09:00`);
      const onDay = recent.filter((event) => event.at >= start && event.at < start + DAY_MS);
      expect(day.completed).toBe(countOf(onDay, 'completed'));
    }
    expect(result.bySite.reduce((total, site) => total + site.guarded, 0)).toBe(recent.length);
    // 5,000 tickets, each handed off about 10 times in 200 days: ~1.5 completed in 30 days, none hot.
    expect(result.hotPotatoes).toEqual([]);
    const week = events.filter((event) => event.at > now - WEEK_MS && event.at <= now);
    const completed = week.filter((event) => event.outcome === 'completed');
    expect(result.figures).toEqual({
      handoffs: completed.length,
      guarded: week.length,
      completionRate: Math.round((completed.length / week.length) * 100),
      medianFillSeconds: Math.round(median(completed.map((event) => (event.fillMs ?? 0) / 1000)) ?? 0),
    });
  });
});
