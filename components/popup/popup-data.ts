import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import {
  DIGEST_KEY,
  decodeDigest,
  digestSchema,
  type EventColumns,
  toColumns,
} from '../../lib/metrics/digest';
import { BUCKETS_STORAGE_KEY, type DayBucket, dayBucketsSchema } from '../../lib/metrics/retention';
import { eventsItem, healthItem, type OutboxEntry, outboxItem } from '../../lib/storage/items';

// What the popup shows, read without React so the entrypoint can start the read before React has
// loaded. Pages only read: a value that does not parse counts as empty here, and the background,
// which owns the items, sets it aside when it next reads it.

export type Health = Awaited<ReturnType<typeof healthItem.get>>;

export interface PopupData {
  /** The recent event log (retention moves older events to the archive, which the popup never reads). */
  events: EventColumns;
  buckets: DayBucket[];
  outbox: OutboxEntry[];
  health: Health;
}

export function parseBuckets(raw: unknown): DayBucket[] {
  const parsed = z.safeParse(dayBucketsSchema, raw ?? []);
  return parsed.success ? parsed.data : [];
}

/** The recent log from its digest, or null when there is none that holds together. */
export function parseDigest(raw: unknown): EventColumns | null {
  const parsed = z.safeParse(digestSchema, raw);
  return parsed.success ? decodeDigest(parsed.data) : null;
}

const KEYS = [DIGEST_KEY, BUCKETS_STORAGE_KEY, outboxItem.key, healthItem.key] as const;

/** Reads everything the popup shows in one storage read. */
export async function loadPopupData(): Promise<PopupData> {
  const values = new Map((await storage.getItems([...KEYS])).map(({ key, value }) => [key, value]));
  return {
    // The log itself only when the digest is missing or broken, until the background has rebuilt it:
    // the digest is fast at any size, the log is not.
    events: parseDigest(values.get(DIGEST_KEY)) ?? toColumns(await eventsItem.get()),
    buckets: parseBuckets(values.get(BUCKETS_STORAGE_KEY)),
    outbox: outboxItem.parse(values.get(outboxItem.key)),
    health: healthItem.parse(values.get(healthItem.key)),
  };
}
