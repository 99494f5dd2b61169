import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import {
  decodeDigest,
  decodeWeek,
  digestSchema,
  type EventColumns,
  figureDigestSchema,
  toColumns,
} from '../../lib/metrics/digest';
import { figureStepsSchema, figuresAt } from '../../lib/metrics/figure-steps';
import { type DayBucket, dayBucketsSchema } from '../../lib/metrics/retention';
import { type Figures, figures, WEEK_MS } from '../../lib/metrics/summary';
import { eventsItem, healthItem, type OutboxEntry, outboxItem } from '../../lib/storage/items';
import { KEYS, type StorageKey } from '../../lib/storage/keys';

// What the popup shows, read without React so the entrypoint can start the read before React has
// loaded. Pages only read: a value that does not parse counts as empty here, and the background,
// which owns the items, sets it aside when it next reads it.

export type Health = Awaited<ReturnType<typeof healthItem.get>>;

export interface PopupData {
  /** The main figures, over the week before the data was read. */
  figures: Figures;
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

/** The main figures worked out ahead, or null when they are missing, broken or do not reach `now`. */
function parseSteps(raw: unknown, now: number): Figures | null {
  const parsed = z.safeParse(figureStepsSchema, raw);
  return parsed.success ? figuresAt(parsed.data, now) : null;
}

/**
 * The figures counted from the last week of the log, or null when it is missing, broken, or does not
 * reach back to `now`'s week.
 */
function parseWeek(raw: unknown, now: number): Figures | null {
  const parsed = z.safeParse(figureDigestSchema, raw);
  const week = parsed.success && parsed.data.since <= now - WEEK_MS ? decodeWeek(parsed.data) : null;
  return week && figures(week, now);
}

async function readAll(keys: readonly StorageKey[]): Promise<Map<string, unknown>> {
  return new Map((await storage.getItems([...keys])).map(({ key, value }) => [key, value]));
}

/** The whole recent log and the day buckets: what the popup needs beyond the main figures. */
export async function loadHistory(
  now = Date.now(),
): Promise<Pick<PopupData, 'figures' | 'events' | 'buckets' | 'complete'>> {
  const values = await readAll([KEYS.eventDigest, KEYS.eventBuckets]);
  // The log itself only when the digest is missing or broken, until the background has rebuilt it:
  // the digest is fast at any size, the log is not.
  const events = parseDigest(values.get(KEYS.eventDigest)) ?? toColumns(await eventsItem.get());
  return {
    figures: figures(events, now),
    events,
    buckets: parseBuckets(values.get(KEYS.eventBuckets)),
    complete: true,
  };
}

/**
 * What the popup paints first, in one storage read of a few kilobytes: the main figures worked out
 * ahead, the outbox and site health. When those figures do not reach now, they are counted from the
 * last week of the log (a quarter of it, or less), and failing that from everything at once.
 */
export async function loadPopupData(now = Date.now()): Promise<PopupData> {
  const values = await readAll([KEYS.figureSteps, outboxItem.key, healthItem.key]);
  const rest = {
    outbox: outboxItem.parse(values.get(outboxItem.key)),
    health: healthItem.parse(values.get(healthItem.key)),
    events: toColumns([]),
    complete: false,
    buckets: [],
  };
  const ahead = parseSteps(values.get(KEYS.figureSteps), now);
  if (ahead) return { figures: ahead, ...rest };
  const week = parseWeek(await storage.getItem<unknown>(KEYS.figureDigest), now);
  if (week) return { figures: week, ...rest };
  return { ...rest, ...(await loadHistory(now)) };
}
