import { describe, expect, it } from 'vitest';
import { aggregate } from '../../../lib/metrics/aggregate';
import type { MetricEvent, Outcome } from '../../../lib/metrics/event';
import { DAY_MS, median } from '../../../lib/metrics/summary';

const NOW = Date.UTC(2026, 10, 23, 12);
let n = 0;
function event(outcome: Outcome, daysAgo: number, fillSeconds?: number): MetricEvent {
  n += 1;
  return {
    id: `e${n}`,
    site: 'jira',
    ticketKey: `ACME-${n}`,
    outcome,
    fieldsFilled: 6,
    at: NOW - daysAgo * DAY_MS,
    ...(fillSeconds === undefined ? {} : { fillMs: fillSeconds * 1000 }),
  };
}

const figures = (events: MetricEvent[], now: number) => aggregate(events, { now, zone: 'UTC' }).figures;

describe('popup figures', () => {
  it('counts completed handoffs, the completion rate and the median fill time over the last 7 days', () => {
    const events = [
      event('completed', 0.1, 40),
      event('completed', 2, 60),
      event('completed', 6.9, 50),
      event('cancelled', 1),
      event('post_failed', 3),
      event('completed', 8, 5), // outside the week
      event('cancelled', 10),
    ];
    expect(figures(events, NOW)).toEqual({
      handoffs: 3,
      guarded: 5,
      completionRate: 60,
      medianFillSeconds: 50,
    });
  });

  it('has no rate or median when nothing was guarded', () => {
    expect(figures([], NOW)).toEqual({
      handoffs: 0,
      guarded: 0,
      completionRate: null,
      medianFillSeconds: null,
    });
    expect(figures([event('cancelled', 1)], NOW)).toEqual({
      handoffs: 0,
      guarded: 1,
      completionRate: 0,
      medianFillSeconds: null,
    });
  });

  it('rounds the rate to a whole percent', () => {
    const events = [event('completed', 1, 10), event('cancelled', 1), event('bypassed', 1)];
    expect(figures(events, NOW).completionRate).toBe(33);
  });

  it('takes the mean of the two middle values for an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNull();
  });
});
