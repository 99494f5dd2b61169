import { browser } from 'wxt/browser';
import type { PostFailure } from '../messaging';
import { sendToTab } from '../messaging';
import { type OutboxEntry, outboxItem } from '../storage/items';

// Comments whose reassign already went ahead are retried here, through any open tab of the same host
// (posting needs the user's session, which only a page of that host has).

export const RETRY_ALARM = 'outbox-retry';
const BASE_MS = 30_000;
const MAX_MS = 60 * 60 * 1000;

export function backoffMs(attempts: number, failure: PostFailure): number {
  const exponential = Math.min(MAX_MS, BASE_MS * 2 ** Math.max(0, attempts - 1));
  const asked = (failure.retryAfterSeconds ?? 0) * 1000;
  return Math.max(exponential, asked);
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
  const due = (await outboxItem.get()).filter((entry) => entry.released && entry.nextAttemptAt <= now);
  for (const entry of due) await attempt(entry);
}

const sameEntry = (entry: OutboxEntry, key: { handoffId: string; ticketKey: string }) =>
  entry.handoffId === key.handoffId && entry.ticketKey === key.ticketKey;

/** The popup's Retry: posts now through an open tab of the host, whatever the backoff says. */
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
