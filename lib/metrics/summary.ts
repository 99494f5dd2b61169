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

/** The figures from the period's counts and the fill times (seconds) of its completed handoffs. */
export function weekFigures(handoffs: number, guarded: number, fillSeconds: readonly number[]): Figures {
  const medianFill = median(fillSeconds);
  return {
    handoffs,
    guarded,
    completionRate: guarded === 0 ? null : Math.round((handoffs / guarded) * 100),
    medianFillSeconds: medianFill === null ? null : Math.round(medianFill),
  };
}
