import { browser } from 'wxt/browser';
import { sendToTab } from '../messaging';
import { type OutboxEntry, outboxItem } from '../storage/items';
import { isPermanent, noteFailedAttempt, type OutboxKey, removeEntry, sameEntry } from './outbox';

// Comments whose reassign already went ahead are retried here, through any open tab of the same host
// (posting needs the user's session, which only a page of that host has).

export const RETRY_ALARM = 'outbox-retry';

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
  if (result.ok) await removeEntry(entry);
  else await noteFailedAttempt(entry, result.failure);
}

export async function retryDue(now = Date.now()): Promise<void> {
  const due = (await outboxItem.get()).filter(
    (entry) => entry.released && entry.nextAttemptAt <= now && !isPermanent(entry.lastFailure),
  );
  for (const entry of due) await attempt(entry);
}

/** The popup's Retry: posts now through an open tab of the host, whatever the backoff or an earlier refusal says. */
export async function retryOutboxEntry(key: OutboxKey): Promise<{ ok: boolean }> {
  const entry = (await outboxItem.get()).find((e) => sameEntry(e, key));
  // An entry whose reassign still waits in an open dialog is retried there, never twice at once.
  if (!entry?.released && !entry?.stranded) return { ok: false };
  await attempt(entry);
  return { ok: !(await outboxItem.get()).some((e) => sameEntry(e, key)) };
}

export async function discardOutboxEntry(key: OutboxKey): Promise<{ ok: boolean }> {
  await removeEntry(key);
  return { ok: true };
}
