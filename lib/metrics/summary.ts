import type { FigureColumns } from './digest';

// The popup's main figures (DESIGN.md §6): pure, so they are tested without a browser.
export const DAY_MS = 24 * 60 * 60 * 1000;
export const WEEK_MS = 7 * DAY_MS;

export interface Figures {
  /** Completed handoffs in the period. */
  handoffs: number;
  /** Guarded reassigns in the period, whatever their outcome. */
  guarded: number;
  /** completed ÷ guarded as a whole percent, null when nothing was guarded. */
  completionRate: number | null;
  /** Median seconds from dialog shown to Complete over completed handoffs, null when there are none. */
  medianFillSeconds: number | null;
}

/** A typed array sorts numerically in native code: sort() with a comparator calls back into JS for every comparison. */
export function median(values: ArrayLike<number>): number | null {
  return medianOfSorted(Float64Array.from(values).sort(), values.length);
}

/** The median of the first `length` of `sorted` (ascending), null when there are none. */
export function medianOfSorted(sorted: ArrayLike<number>, length: number): number | null {
  if (length === 0) return null;
  const middle = Math.floor(length / 2);
  return length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** The figures from what they count: guarded reassigns, completed ones, and their median fill in seconds. */
export function figuresOf(guarded: number, handoffs: number, medianFill: number | null): Figures {
  return {
    handoffs,
    guarded,
    completionRate: guarded === 0 ? null : Math.round((handoffs / guarded) * 100),
    medianFillSeconds: medianFill === null ? null : Math.round(medianFill),
  };
}

/** Completed is OUTCOMES[0] (lib/metrics/digest.ts). */
export const COMPLETED = 0;

/**
 * The main figures over the `periodMs` before `now`: one pass over the times, outcomes and fill times
 * only, so the popup can show them before it has worked out the rest.
 */
export function figures(log: FigureColumns, now: number, periodMs = WEEK_MS): Figures {
  let guarded = 0;
  let handoffs = 0;
  const fillSeconds = new Float64Array(log.count);
  let fills = 0;
  for (let i = 0; i < log.count; i += 1) {
    const at = log.at[i] as number;
    if (at <= now - periodMs || at > now) continue;
    guarded += 1;
    if (log.outcome[i] !== COMPLETED) continue;
    handoffs += 1;
    const fill = log.fillMs[i] as number;
    if (!Number.isNaN(fill)) fillSeconds[fills++] = fill / 1000;
  }
  return figuresOf(guarded, handoffs, median(fillSeconds.subarray(0, fills)));
}
