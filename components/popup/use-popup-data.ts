import { useEffect, useState } from 'react';
import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import type { MetricEvent } from '../../lib/metrics/event';
import { BUCKETS_STORAGE_KEY, type DayBucket, dayBucketsSchema } from '../../lib/metrics/retention';
import { eventsItem, healthItem, type OutboxEntry, outboxItem } from '../../lib/storage/items';

export type Health = Awaited<ReturnType<typeof healthItem.get>>;

export interface PopupData {
  /** The recent event log (retention moves older events to the archive, which the popup never reads). */
  events: MetricEvent[];
  buckets: DayBucket[];
  outbox: OutboxEntry[];
  health: Health;
}

// The day buckets are read here without writing anything back (pages only read); a value that does not
// parse counts as no buckets. The background owns the item under the same key.
function parseBuckets(raw: unknown): DayBucket[] {
  const parsed = z.safeParse(dayBucketsSchema, raw ?? []);
  return parsed.success ? parsed.data : [];
}

/** Reads everything the popup shows, in parallel. */
export async function loadPopupData(): Promise<PopupData> {
  const [events, buckets, outbox, health] = await Promise.all([
    eventsItem.get(),
    storage.getItem<unknown>(BUCKETS_STORAGE_KEY),
    outboxItem.get(),
    healthItem.get(),
  ]);
  return { events, buckets: parseBuckets(buckets), outbox, health };
}

/**
 * Everything the popup shows, delivered in one render so the first figures appear as soon as storage
 * answers; afterwards each part follows its own storage changes. `first` lets the entrypoint start the
 * reads before React has even rendered once.
 */
export function usePopupData(first?: Promise<PopupData>): PopupData | null {
  const [data, setData] = useState<PopupData | null>(null);

  useEffect(() => {
    let live = true;
    const update = (change: Partial<PopupData>) =>
      setData((current) => (current ? { ...current, ...change } : current));
    void (first ?? loadPopupData()).then((loaded) => {
      if (live) setData((current) => current ?? loaded);
    });
    const stops = [
      eventsItem.watch((events) => update({ events })),
      storage.watch<unknown>(BUCKETS_STORAGE_KEY, (buckets) => update({ buckets: parseBuckets(buckets) })),
      outboxItem.watch((outbox) => update({ outbox })),
      healthItem.watch((health) => update({ health })),
    ];
    return () => {
      live = false;
      for (const stop of stops) stop();
    };
  }, [first]);

  return data;
}
