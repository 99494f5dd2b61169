import type { MetricEvent } from './event';

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

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function figures(events: readonly MetricEvent[], now: number, periodMs = WEEK_MS): Figures {
  const inPeriod = events.filter((event) => event.at > now - periodMs && event.at <= now);
  const completed = inPeriod.filter((event) => event.outcome === 'completed');
  const fills = completed.flatMap((event) => (event.fillMs === undefined ? [] : [event.fillMs / 1000]));
  const medianFill = median(fills);
  return {
    handoffs: completed.length,
    guarded: inPeriod.length,
    completionRate: inPeriod.length === 0 ? null : Math.round((completed.length / inPeriod.length) * 100),
    medianFillSeconds: medianFill === null ? null : Math.round(medianFill),
  };
}
