import { browser } from 'wxt/browser';
import type { PostFailure } from '../messaging';
import { sendToTab } from '../messaging';
import { type OutboxEntry, outboxItem } from '../storage/items';

// Comments whose reassign already went ahead are retried here, through any open tab of the same host
// (posting needs the user's session, which only a page of that host has).

export const RETRY_ALARM = 'outbox-retry';
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

async function tabFor(origin: string): Promise<number | null> {
  const tabs = await browser.tabs.query({ url: `${origin}/*` });
  return tabs.find((tab) => tab.id !== undefined && tab.status === 'complete')?.id ?? null;
}

async function attempt(entry: OutboxEntry): Promise<void> {
  const tabId = await tabFor(entry.origin);
  const result =
    tabId === null
      ? { ok: false as const, failure: { kind: 'no_tab' as const } }
      : await sendToTab(tabId, 0, 'outbox:post', {
          handoffId: entry.handoffId,
          ticketKey: entry.ticketKey,
          body: entry.body,
          checkFirst: entry.attempts > 0,
        }).catch(() => ({ ok: false as const, failure: { kind: 'no_tab' as const } }));
  await outboxItem.update((outbox) =>
    result.ok
      ? outbox.filter((e) => !(e.handoffId === entry.handoffId && e.ticketKey === entry.ticketKey))
      : outbox.map((e) =>
          e.handoffId === entry.handoffId && e.ticketKey === entry.ticketKey
            ? {
                ...e,
                attempts: e.attempts + 1,
                lastFailure: result.failure,
                nextAttemptAt: Date.now() + backoffMs(e.attempts + 1, result.failure),
              }
            : e,
        ),
  );
}

export async function retryDue(now = Date.now()): Promise<void> {
  const due = (await outboxItem.get()).filter(
    (entry) => entry.released && entry.nextAttemptAt <= now && !isPermanent(entry.lastFailure),
  );
  for (const entry of due) await attempt(entry);
}

const sameEntry = (entry: OutboxEntry, key: { handoffId: string; ticketKey: string }) =>
  entry.handoffId === key.handoffId && entry.ticketKey === key.ticketKey;

/** The popup's Retry: posts now through an open tab of the host, whatever the backoff or an earlier refusal says. */
export async function retryOutboxEntry(key: {
  handoffId: string;
  ticketKey: string;
}): Promise<{ ok: boolean }> {
  const entry = (await outboxItem.get()).find((e) => sameEntry(e, key));
  // An entry whose reassign still waits in an open dialog is retried there, never twice at once.
  if (!entry?.released && !entry?.stranded) return { ok: false };
  await attempt(entry);
  return { ok: !(await outboxItem.get()).some((e) => sameEntry(e, key)) };
}

export async function discardOutboxEntry(key: {
  handoffId: string;
  ticketKey: string;
}): Promise<{ ok: boolean }> {
  await outboxItem.update((outbox) => outbox.filter((e) => !sameEntry(e, key)));
  return { ok: true };
}
