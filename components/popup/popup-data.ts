import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import {
  decodeDigest,
  decodeWeek,
  digestSchema,
  type EventColumns,
  type FigureColumns,
  figureDigestSchema,
  toColumns,
} from '../../lib/metrics/digest';
import { type DayBucket, dayBucketsSchema } from '../../lib/metrics/retention';
import { WEEK_MS } from '../../lib/metrics/summary';
import { eventsItem, healthItem, type OutboxEntry, outboxItem } from '../../lib/storage/items';
import { KEYS, type StorageKey } from '../../lib/storage/keys';

// What the popup shows, read without React so the entrypoint can start the read before React has
// loaded. Pages only read: a value that does not parse counts as empty here, and the background,
// which owns the items, sets it aside when it next reads it.

export type Health = Awaited<ReturnType<typeof healthItem.get>>;

export interface PopupData {
  /** What the main figures count: at first the last week's times, outcomes and fill times only. */
  week: FigureColumns;
  /**
   * The recent event log (retention moves older events to the archive, which the popup never reads),
   * once `complete`; empty until then.
   */
  events: EventColumns;
  /** The whole recent log and the day buckets are in: the trend and breakdowns can be worked out. */
  complete: boolean;
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

/** The last week of the log, or null when the digest of it is missing, broken, or does not reach back to `now`'s week. */
function parseWeek(raw: unknown, now: number): FigureColumns | null {
  const parsed = z.safeParse(figureDigestSchema, raw);
  return parsed.success && parsed.data.since <= now - WEEK_MS ? decodeWeek(parsed.data) : null;
}

async function readAll(keys: readonly StorageKey[]): Promise<Map<string, unknown>> {
  return new Map((await storage.getItems([...keys])).map(({ key, value }) => [key, value]));
}

/** The whole recent log and the day buckets: what the popup needs beyond the main figures. */
export async function loadHistory(): Promise<Pick<PopupData, 'week' | 'events' | 'buckets' | 'complete'>> {
  const values = await readAll([KEYS.eventDigest, KEYS.eventBuckets]);
  // The log itself only when the digest is missing or broken, until the background has rebuilt it:
  // the digest is fast at any size, the log is not.
  const events = parseDigest(values.get(KEYS.eventDigest)) ?? toColumns(await eventsItem.get());
  return { week: events, events, buckets: parseBuckets(values.get(KEYS.eventBuckets)), complete: true };
}

/**
 * What the popup paints first, in one storage read: the last week of the log (a quarter of it, or less),
 * the outbox and site health. Everything at once when there is no usable digest of the last week.
 */
export async function loadPopupData(now = Date.now()): Promise<PopupData> {
  const values = await readAll([KEYS.figureDigest, outboxItem.key, healthItem.key]);
  const week = parseWeek(values.get(KEYS.figureDigest), now);
  const rest = {
    outbox: outboxItem.parse(values.get(outboxItem.key)),
    health: healthItem.parse(values.get(healthItem.key)),
  };
  if (week) return { week, events: toColumns([]), complete: false, buckets: [], ...rest };
  return { ...(await loadHistory()), ...rest };
}
