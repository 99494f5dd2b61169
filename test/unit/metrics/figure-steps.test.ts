import { describe, expect, it } from 'vitest';
import { toColumns } from '../../../lib/metrics/digest';
import type { MetricEvent, Outcome } from '../../../lib/metrics/event';
import { FIGURE_STEP_LIMIT, figureSteps, figuresAt } from '../../../lib/metrics/figure-steps';
import { DAY_MS, figures, WEEK_MS } from '../../../lib/metrics/summary';
import { metricEvent } from './events';

const NOW = Date.UTC(2026, 11, 7, 12);
const OUTCOMES: Outcome[] = ['completed', 'completed', 'cancelled', 'bypassed', 'post_failed'];

/** The same pseudo-random log every run: a failure here can be replayed. */
function randomLog(count: number, seed: number): MetricEvent[] {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  return Array.from({ length: count }, () => {
    const outcome = OUTCOMES[Math.floor(next() * OUTCOMES.length)] as Outcome;
    // Ten days back to half a day ahead (a clock set back), on whole minutes so that times repeat.
    const at = NOW - 10 * DAY_MS + Math.floor(next() * 10.5 * 24 * 60) * 60_000;
    const fill = next() < 0.2 ? {} : { fillMs: Math.floor(next() * 20) * 1_500 };
    return metricEvent(at, { outcome, ...(outcome === 'completed' ? fill : {}) });
  });
}

/** Every moment the figures can change between `from` and `until`, and either side of it. */
function momentsBetween(log: MetricEvent[], from: number, until: number): number[] {
  const edges = log.flatMap((event) => [event.at, event.at + WEEK_MS]);
  return [from, ...edges.flatMap((edge) => [edge - 1, edge, edge + 1])].filter((t) => t >= from && t < until);
}

describe('figure steps', () => {
  it('give the figures summary.ts counts, at every moment they cover', () => {
    for (const seed of [1, 2, 3]) {
      const log = randomLog(400, seed);
      const columns = toColumns(log);
      const steps = figureSteps(columns, NOW, WEEK_MS, 10_000);
      expect(steps.until).toBeNull();
      const moments = momentsBetween(log, NOW, NOW + 12 * DAY_MS);
      expect(moments.length).toBeGreaterThan(600);
      for (const t of moments) expect(figuresAt(steps, t)).toEqual(figures(columns, t));
      // After the last event has left the week, nothing is counted, for as long as the log stays as it is.
      expect(figuresAt(steps, NOW + 365 * DAY_MS)).toEqual(figures(columns, NOW + 365 * DAY_MS));
      expect(figuresAt(steps, NOW + 365 * DAY_MS)?.guarded).toBe(0);
    }
  });

  it('stop after a number of changes, and say so: the popup then counts the week itself', () => {
    const log = randomLog(2_000, 4);
    const columns = toColumns(log);
    const steps = figureSteps(columns, NOW);
    expect(steps.from).toHaveLength(FIGURE_STEP_LIMIT);
    const until = steps.until as number;
    expect(until).toBeGreaterThan(steps.from.at(-1) as number);
    for (const t of momentsBetween(log, NOW, until)) expect(figuresAt(steps, t)).toEqual(figures(columns, t));
    expect(figuresAt(steps, until - 1)).toEqual(figures(columns, until - 1));
    expect(figuresAt(steps, until)).toBeNull();
    // A few kilobytes, where the week's own events are tens of them.
    expect(JSON.stringify(steps).length).toBeLessThan(12_000);
  });

  it('do not answer for a moment before the log was written', () => {
    const steps = figureSteps(toColumns(randomLog(50, 5)), NOW);
    expect(figuresAt(steps, NOW)).not.toBeNull();
    expect(figuresAt(steps, NOW - 1)).toBeNull();
  });

  it('hold an empty log: nothing counted, for as long as it stays empty', () => {
    const steps = figureSteps(toColumns([]), NOW);
    expect(steps).toEqual({ from: [NOW], until: null, guarded: [0], handoffs: [0], medianFillSeconds: [-1] });
    expect(figuresAt(steps, NOW + DAY_MS)).toEqual({
      handoffs: 0,
      guarded: 0,
      completionRate: null,
      medianFillSeconds: null,
    });
  });

  it('are refused, not misread, when their columns do not line up', () => {
    const steps = figureSteps(toColumns(randomLog(50, 6)), NOW);
    expect(figuresAt({ ...steps, guarded: steps.guarded.slice(1) }, NOW)).toBeNull();
    expect(figuresAt({ ...steps, medianFillSeconds: [] }, NOW)).toBeNull();
    expect(figuresAt({ ...steps, from: [] }, NOW)).toBeNull();
  });
});
