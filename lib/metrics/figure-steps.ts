import * as z from 'zod/mini';
import type { FigureColumns } from './digest';
import { COMPLETED, type Figures, figuresOf, medianOfSorted, WEEK_MS } from './summary';

// The popup's main figures worked out ahead, for each moment from when the log was written until it
// has changed a few hundred times. Over a week that slides with the clock, the figures change only when
// an event leaves the week (or, with a clock set back, comes into it), and the background rewrites them
// with every event it records, so the popup reads a few kilobytes and picks the step that holds now,
// however many events are stored: counting them itself costs it a read and a pass that grow with the
// log. Pure.

/** Steps kept: at 50,000 events in 30 days the week changes about every 50 s, so 256 last some 3.5 hours. */
export const FIGURE_STEP_LIMIT = 256;

const count = z.number().check(z.int(), z.nonnegative());

export const figureStepsSchema = z.object({
  /** When each step starts, ascending; the first is when the log was written. */
  from: z.array(z.number()),
  /** When the last step ends (that moment excluded); null: it holds until the log is written again. */
  until: z.nullable(z.number()),
  guarded: z.array(count),
  handoffs: z.array(count),
  /** Whole seconds; -1: none. */
  medianFillSeconds: z.array(z.number().check(z.int(), z.gte(-1))),
});
export type FigureSteps = z.infer<typeof figureStepsSchema>;

/** No steps: the popup counts the figures itself. */
export const NO_STEPS: FigureSteps = {
  from: [],
  until: null,
  guarded: [],
  handoffs: [],
  medianFillSeconds: [],
};

/** Ascending numbers, with room for `capacity`: values go in and out where they belong. */
function sortedValues(capacity: number) {
  const values = new Float64Array(capacity);
  let length = 0;
  const place = (value: number) => {
    let low = 0;
    let high = length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((values[middle] as number) < value) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  return {
    add(value: number) {
      const at = place(value);
      values.copyWithin(at + 1, at, length);
      values[at] = value;
      length += 1;
    },
    remove(value: number) {
      const at = place(value);
      values.copyWithin(at, at + 1, length);
      length -= 1;
    },
    median: () => medianOfSorted(values, length),
  };
}

/** An event coming into the week or leaving it, at `time`. */
interface Change {
  time: number;
  event: number;
  comes: boolean;
}

/**
 * The figures over the `periodMs` before any moment from `now` on: summary.ts's figures(log, t) for
 * each t in a step, until `until`. An event counts at t when t - periodMs < at <= t.
 */
export function figureSteps(
  log: FigureColumns,
  now: number,
  periodMs = WEEK_MS,
  limit = FIGURE_STEP_LIMIT,
): FigureSteps {
  let guarded = 0;
  let handoffs = 0;
  const fills = sortedValues(log.count);
  const move = (i: number, sign: 1 | -1) => {
    guarded += sign;
    if (log.outcome[i] !== COMPLETED) return;
    handoffs += sign;
    const fill = log.fillMs[i] as number;
    if (Number.isNaN(fill)) return;
    if (sign === 1) fills.add(fill / 1000);
    else fills.remove(fill / 1000);
  };
  const changes: Change[] = [];
  for (let i = 0; i < log.count; i += 1) {
    const at = log.at[i] as number;
    if (at <= now - periodMs) continue;
    if (at > now) changes.push({ time: at, event: i, comes: true });
    else move(i, 1);
    changes.push({ time: at + periodMs, event: i, comes: false });
  }
  changes.sort((a, b) => a.time - b.time);

  const steps: FigureSteps = { from: [], until: null, guarded: [], handoffs: [], medianFillSeconds: [] };
  const step = (from: number) => {
    const figures: Figures = figuresOf(guarded, handoffs, fills.median());
    steps.from.push(from);
    steps.guarded.push(figures.guarded);
    steps.handoffs.push(figures.handoffs);
    steps.medianFillSeconds.push(figures.medianFillSeconds ?? -1);
  };
  step(now);
  for (let next = 0; next < changes.length; ) {
    const { time } = changes[next] as Change;
    if (steps.from.length === limit) {
      steps.until = time;
      break;
    }
    for (let change = changes[next]; change?.time === time; change = changes[++next]) {
      move(change.event, change.comes ? 1 : -1);
    }
    step(time);
  }
  return steps;
}

/** The figures at `now`, or null when the steps do not reach it or do not hold together. */
export function figuresAt(steps: FigureSteps, now: number): Figures | null {
  const { from, until, guarded, handoffs, medianFillSeconds } = steps;
  const length = from.length;
  if (guarded.length !== length || handoffs.length !== length || medianFillSeconds.length !== length) {
    return null;
  }
  if (length === 0 || now < (from[0] as number) || (until !== null && now >= until)) return null;
  let low = 0;
  let high = length - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if ((from[middle] as number) <= now) low = middle;
    else high = middle - 1;
  }
  const median = medianFillSeconds[low] as number;
  return figuresOf(guarded[low] as number, handoffs[low] as number, median < 0 ? null : median);
}
