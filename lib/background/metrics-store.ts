import { browser } from 'wxt/browser';
import type { MetricEvent } from '../metrics/event';
import { currentZone } from '../metrics/local-day';
import { applyRetention, needsRetention } from '../metrics/retention';
import { effectiveSettings } from '../storage/effective-settings';
import { archiveItem, bucketsItem, EVENT_LIMIT, eventsItem } from '../storage/items';

// The metrics log, bounded however long Baton is used: recent events, an archive, and day buckets
// that keep the counts of what was dropped. Every write goes through one queue, so events recorded
// from several tabs at once are each counted exactly once and retention never loses one.

export const RETENTION_ALARM = 'metrics-retention';

let queue: Promise<unknown> = Promise.resolve();

function serial<T>(task: () => Promise<T>): Promise<T> {
  const next = queue.then(task);
  queue = next.catch(() => undefined);
  return next;
}

const key = (item: { key: string }) => item.key.slice('local:'.length);

async function retain(events: MetricEvent[]): Promise<void> {
  const [archive, buckets, { settings }] = await Promise.all([
    archiveItem.get(),
    bucketsItem.get(),
    effectiveSettings(),
  ]);
  const result = applyRetention(
    { events, archive, buckets },
    { now: Date.now(), zone: currentZone(), retentionDays: settings.retentionDays, maxEvents: EVENT_LIMIT },
  );
  if (!result.changed) return;
  // One write for the three parts, so a stop of the service worker cannot leave an event counted twice.
  await browser.storage.local.set({
    [key(eventsItem)]: result.events,
    [key(archiveItem)]: result.archive,
    [key(bucketsItem)]: result.buckets,
  });
}

export function recordEvents(events: readonly MetricEvent[]): Promise<void> {
  return serial(async () => {
    const next = [...(await eventsItem.get()), ...events];
    await eventsItem.set(next);
    const { settings } = await effectiveSettings();
    if (
      needsRetention(next, { now: Date.now(), retentionDays: settings.retentionDays, maxEvents: EVENT_LIMIT })
    ) {
      await retain(next);
    }
  });
}

export function runRetention(): Promise<void> {
  return serial(async () => retain(await eventsItem.get()));
}

export function clearMetrics(): Promise<void> {
  return serial(async () => {
    await Promise.all([eventsItem.set([]), archiveItem.set([]), bucketsItem.set([])]);
  });
}
