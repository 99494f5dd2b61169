import { readThread } from '../receiver/thread';
import type { ReceiverSite } from '../sites/receiver-site';
import { fitHistory, type HandsChange, type TicketHistory } from './ticket-history';

// Runs in the host tab (injected by the background when a checklist opens, never on every page): reads
// the ticket's history with the user's session, and finds the latest Baton handoff in the comments the
// receiver's side reads, the same way it does (lib/receiver/thread.ts).

/** A host's history of who held a ticket (lib/sites/<site>-history.ts). */
export interface HistorySource {
  /** Every change of who held the ticket, in any order; null when the host would not say. */
  changes(ticketKey: string): Promise<HandsChange[] | null>;
  /** An address that opens this comment, where the host has one. */
  commentUrl(ticketKey: string, commentId: string): string | null;
}

/** Null when the history cannot be read: the checklist then shows no line, never an error. */
export async function readTicketHistory(
  source: HistorySource,
  comments: ReceiverSite,
  ticketKey: string,
): Promise<TicketHistory | null> {
  const [changes, thread] = await Promise.all([
    source.changes(ticketKey).catch(() => null),
    comments.comments(ticketKey).catch(() => null),
  ]);
  if (!changes) return null;
  const handoff = thread ? readThread(thread)?.handoff : null;
  if (!handoff) return fitHistory({ changes, lastHandoff: null });
  const author =
    handoff.from ||
    (handoff.fromId && comments.nameOf ? await comments.nameOf(handoff.fromId).catch(() => null) : null) ||
    '';
  return fitHistory({
    changes,
    lastHandoff: {
      at: handoff.at,
      author,
      nextAction: handoff.nextAction,
      url: source.commentUrl(ticketKey, handoff.commentId),
    },
  });
}

declare global {
  // What the background calls, once this script is in the tab (lib/background/history.ts).
  var batonHistory: ((ticketKey: string) => Promise<TicketHistory | null>) | undefined;
}

export function installHistoryReader(source: () => HistorySource, comments: () => ReceiverSite): void {
  if (globalThis.batonHistory) return;
  const made = { source: source(), comments: comments() };
  globalThis.batonHistory = (ticketKey) => readTicketHistory(made.source, made.comments, ticketKey);
}
