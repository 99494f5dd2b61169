import type { PostFailure } from '../messaging';
import { type OutboxEntry, outboxItem } from '../storage/items';

// One outbox entry's life after an attempt to post it, whoever made the attempt (the dialog's Complete
// or the background's retry): taken out once the host has the comment, otherwise counted and given its
// next time. An entry is named by its handoff and ticket (one entry per ticket).

export interface OutboxKey {
  handoffId: string;
  ticketKey: string;
}

const BASE_MS = 30_000;
const MAX_MS = 60 * 60 * 1000;
/** Each wait is this much shorter or longer at random, so tabs and browsers that failed together do not retry together. */
const JITTER = 0.2;

/**
 * Answers that say the comment itself will never be taken, however often it is sent: the ticket is
 * gone or out of reach (404, 410), or the host refused the body (400, 422). Retrying those hourly
 * forever helps no one; the popup asks the user instead.
 */
const PERMANENT_STATUSES = new Set([400, 404, 410, 422]);

export function isPermanent(failure: PostFailure | undefined): boolean {
  return failure?.kind === 'http' && failure.status !== undefined && PERMANENT_STATUSES.has(failure.status);
}

/** How long to wait before the next attempt; `random` is in [0, 1), as Math.random gives. */
export function backoffMs(attempts: number, failure: PostFailure, random = Math.random()): number {
  const exponential = Math.min(MAX_MS, BASE_MS * 2 ** Math.max(0, attempts - 1));
  const jittered = Math.round(exponential * (1 - JITTER + 2 * JITTER * random));
  // Retry-After is the host's floor: never earlier than it asked.
  const asked = (failure.retryAfterSeconds ?? 0) * 1000;
  return Math.max(jittered, asked);
}

export const sameEntry = (entry: OutboxEntry, key: OutboxKey): boolean =>
  entry.handoffId === key.handoffId && entry.ticketKey === key.ticketKey;

/** The host has the comment, or the user discarded it. */
export async function removeEntry(key: OutboxKey): Promise<void> {
  await outboxItem.update((outbox) => outbox.filter((e) => !sameEntry(e, key)));
}

/** An attempt failed: counted, with the failure the popup shows and the time of the next attempt. */
export async function noteFailedAttempt(key: OutboxKey, failure: PostFailure): Promise<void> {
  await outboxItem.update((outbox) =>
    outbox.map((e) =>
      sameEntry(e, key)
        ? {
            ...e,
            attempts: e.attempts + 1,
            lastFailure: failure,
            nextAttemptAt: Date.now() + backoffMs(e.attempts + 1, failure),
          }
        : e,
    ),
  );
}
