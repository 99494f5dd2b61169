import type * as z from 'zod/mini';
import type { HandsChange, handsSummarySchema, TicketHistory } from './ticket-history';

// How often a ticket changed hands lately, from its history. Pure, so it is tested directly.
//
// A change counts when the ticket goes to someone other than whoever held it last: the first
// assignment does (the example in issue 18 names three people for three changes), a reassign to the
// same person does not, and an unassign does not either — the ticket waits, and whoever takes it next
// is the next change (A → nobody → A is no change; A → nobody → B is one).

export const WINDOW_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Baton posts its comment just before the reassign it announces: within this, the two are one handoff. */
const HANDOFF_MATCH_MS = 15 * 60 * 1000;
/** Hosts stamp the comment and the reassign separately; allow their clocks this much disagreement. */
const CLOCK_SLACK_MS = 60 * 1000;
/** The line stays compact: the most recent holders only. */
const NAMES_SHOWN = 6;

/**
 * `names`: the holders in order, the one before the first counted change first ('' for nobody);
 * `more`: earlier holders were left out; `lastHandoff`: the last change was a Baton handoff, and what
 * its comment said.
 */
export type HandsSummary = z.infer<typeof handsSummarySchema>;

export interface HandsOptions {
  now: number;
  /** Whether a change of this kind counts at all (Trello: a list move only into a handoff list). */
  countable?: (change: HandsChange) => boolean;
}

const timeOf = (change: HandsChange) => Date.parse(change.at);

/** Null when the ticket has not changed hands in the window (nothing to show). */
export function handsChanged(history: TicketHistory, options: HandsOptions): HandsSummary | null {
  const since = options.now - WINDOW_DAYS * DAY_MS;
  // A change the site does not count (a Trello move between ordinary lists) says nothing about who holds it.
  const changes = history.changes
    .filter((change) => !Number.isNaN(timeOf(change)) && (options.countable?.(change) ?? true))
    .sort((a, b) => timeOf(a) - timeOf(b));
  let holder = changes[0]?.from ?? '';
  let before = '';
  const counted: HandsChange[] = [];
  for (const change of changes) {
    if (change.to === '' || change.to === holder) continue;
    // Taking a ticket oneself is not being handed it, but from then on they hold it.
    if (change.self) {
      holder = change.to;
      continue;
    }
    if (timeOf(change) >= since) {
      if (counted.length === 0) before = holder;
      counted.push(change);
    }
    holder = change.to;
  }
  const last = counted.at(-1);
  if (!last) return null;
  const chain = [...(before === '' ? [] : [before]), ...counted.map((change) => change.to)];
  const handoff = history.lastHandoff;
  const fromBaton =
    handoff !== null &&
    timeOf(last) - handoff.at >= -CLOCK_SLACK_MS &&
    timeOf(last) - handoff.at <= HANDOFF_MATCH_MS;
  return {
    count: counted.length,
    names: chain.slice(-NAMES_SHOWN),
    more: chain.length > NAMES_SHOWN,
    lastHandoff: fromBaton ? handoff : null,
  };
}

/** From this many changes in the window, the line is highlighted and the reason field asks why. */
export const HOT_COUNT = 2;
