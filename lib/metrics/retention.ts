import * as z from 'zod/mini';
import type { MetricEvent, Outcome } from './event';
import { addDays, DAY_KEY, type DayKey, dayKeyAt, dayKeyer, type Zone } from './local-day';

// Storage that stays bounded however long Baton is used (DESIGN.md §6), and a popup that opens fast
// however much is stored (§9). Three stored parts:
// - `events`: the last HOT_DAYS days of events, all the popup needs (trend, hot potatoes, 7-day
//   figures). Reading 30,000 events from storage.local takes ~600 ms, so the popup must not read more.
// - `archive`: older events, kept for export only, until they are older than the retention period or
//   the log holds more than `maxEvents` events in all.
// - `buckets`: per-day, per-site counts of every event that has left `events` (archived or dropped),
//   so long-term totals survive. They carry no ticket keys, names or addresses. Buckets older than
//   BUCKET_DAILY_DAYS are merged by month (day 'YYYY-MM-01'): at most 12 more per site a year.
// Invariant: `events` and `buckets` never count the same event, and together count every event.
// Pure: the background calls applyRetention and writes the three results in one storage write.

const count = z.number().check(z.int(), z.nonnegative());

const dayBucketSchema = z.object({
  /** Local calendar date in the zone the event was folded in; 'YYYY-MM-01' for a month-merged bucket. */
  day: z.string().check(z.regex(DAY_KEY)),
  site: z.string(),
  completed: count,
  cancelled: count,
  bypassed: count,
  post_failed: count,
});
export type DayBucket = z.infer<typeof dayBucketSchema>;
export const dayBucketsSchema = z.array(dayBucketSchema);

const DEFAULT_MAX_EVENTS = 50_000;
/** Buckets of days older than this are merged by month. */
const BUCKET_DAILY_DAYS = 400;
/** Days of events the popup reads: the 30-day trend's first local midnight is at most 31 days back. */
const HOT_DAYS = 32;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface RetentionPolicy {
  now: number;
  /** Zone that folded events' days are counted in: the browser's. */
  zone: Zone;
  /** Events kept at most, in `events` and `archive` together: the newest. */
  maxEvents?: number;
  /** Events older than this many days are dropped (settings.retentionDays). */
  retentionDays: number;
  /** Events older than this many days move from `events` to `archive`. */
  hotDays?: number;
}

export interface EventStore {
  events: MetricEvent[];
  archive: MetricEvent[];
  buckets: DayBucket[];
}

/**
 * Splits the log into what stays and what goes: events older than the retention period go, then the
 * oldest of the rest beyond `maxEvents`. Kept events keep their stored order.
 */
export function capEvents(
  events: readonly MetricEvent[],
  policy: Pick<RetentionPolicy, 'now' | 'maxEvents' | 'retentionDays'>,
): { kept: MetricEvent[]; dropped: MetricEvent[] } {
  const maxEvents = Math.max(0, Math.floor(policy.maxEvents ?? DEFAULT_MAX_EVENTS));
  const cutoff = policy.now - policy.retentionDays * DAY_MS;
  const young: MetricEvent[] = [];
  const dropped: MetricEvent[] = [];
  for (const event of events) (event.at >= cutoff ? young : dropped).push(event);
  if (young.length <= maxEvents) return { kept: young, dropped };

  // Too many: the newest maxEvents stay. Events are appended in time order, so usually the oldest are
  // at the front; sort positions by time only when they are not.
  let ordered = true;
  for (let i = 1; i < young.length && ordered; i += 1) {
    ordered = (young[i - 1] as MetricEvent).at <= (young[i] as MetricEvent).at;
  }
  if (ordered) {
    const excess = young.length - maxEvents;
    return { kept: young.slice(excess), dropped: dropped.concat(young.slice(0, excess)) };
  }
  const byAge = young.map((event, index) => ({ at: event.at, index }));
  byAge.sort((a, b) => a.at - b.at || a.index - b.index);
  const drop = new Uint8Array(young.length);
  for (let i = 0; i < young.length - maxEvents; i += 1) drop[(byAge[i] as { index: number }).index] = 1;
  const kept: MetricEvent[] = [];
  young.forEach((event, index) => {
    (drop[index] ? dropped : kept).push(event);
  });
  return { kept, dropped };
}

function bucketId(day: DayKey, site: string): string {
  return `${day}\u0000${site}`;
}

/** Adds events to the day buckets (local dates in `zone`). Returns new buckets sorted by day, then site. */
export function foldIntoBuckets(
  buckets: readonly DayBucket[],
  events: readonly MetricEvent[],
  zone: Zone,
): DayBucket[] {
  const merged = new Map<string, DayBucket>();
  for (const bucket of buckets) add(merged, bucket.day, bucket.site, bucket);
  const dayOf = dayKeyer(zone);
  for (const event of events) {
    const one: Partial<Record<Outcome, number>> = { [event.outcome]: 1 };
    add(merged, dayOf(event.at), event.site, one);
  }
  return sortBuckets([...merged.values()]);
}

/** Merges the buckets of days more than `dailyDays` before today into one bucket per month and site. */
export function compactBuckets(
  buckets: readonly DayBucket[],
  policy: { now: number; zone: Zone; dailyDays?: number },
): DayBucket[] {
  const limit = addDays(dayKeyAt(policy.now, policy.zone), -(policy.dailyDays ?? BUCKET_DAILY_DAYS));
  const merged = new Map<string, DayBucket>();
  for (const bucket of buckets) {
    const day = bucket.day < limit ? `${bucket.day.slice(0, 7)}-01` : bucket.day;
    add(merged, day, bucket.site, bucket);
  }
  return sortBuckets([...merged.values()]);
}

/**
 * The one call the background makes: once a day from an alarm (ages apply while Baton is idle), and
 * after recording events when needsRetention() says so. It reads the archive, which is large, so not
 * after every event. When `changed`, write the three parts in one storage.local.set, serialised with
 * the writes that record events. Counts of what moved are returned for logging and tests.
 */
export function applyRetention(
  store: Readonly<EventStore>,
  policy: RetentionPolicy,
): EventStore & { changed: boolean; archived: number; dropped: number } {
  const hotCutoff = policy.now - (policy.hotDays ?? HOT_DAYS) * DAY_MS;
  const keepCutoff = policy.now - policy.retentionDays * DAY_MS;
  const maxEvents = Math.max(0, Math.floor(policy.maxEvents ?? DEFAULT_MAX_EVENTS));

  let events: MetricEvent[] = [];
  const leaving: MetricEvent[] = []; // leave `events`: to be counted in buckets
  const toArchive: MetricEvent[] = [];
  for (const event of store.events) {
    if (event.at >= hotCutoff && event.at >= keepCutoff) events.push(event);
    else {
      leaving.push(event);
      if (event.at >= keepCutoff) toArchive.push(event);
    }
  }
  let dropped = leaving.length - toArchive.length;

  // The archive's events are already in the buckets: dropping them changes no count.
  let archive: MetricEvent[] = [];
  for (const event of store.archive) {
    if (event.at >= keepCutoff) archive.push(event);
    else dropped += 1;
  }
  archive = archive.concat(toArchive);

  const excess = events.length + archive.length - maxEvents;
  if (excess > 0) {
    const fromArchive = capEvents(archive, {
      now: policy.now,
      retentionDays: Number.POSITIVE_INFINITY,
      maxEvents: Math.max(0, archive.length - excess),
    });
    archive = fromArchive.kept;
    dropped += fromArchive.dropped.length;
    if (events.length > maxEvents) {
      const fromEvents = capEvents(events, {
        now: policy.now,
        retentionDays: Number.POSITIVE_INFINITY,
        maxEvents,
      });
      events = fromEvents.kept;
      leaving.push(...fromEvents.dropped);
      dropped += fromEvents.dropped.length;
    }
  }

  const folded =
    leaving.length === 0 ? [...store.buckets] : foldIntoBuckets(store.buckets, leaving, policy.zone);
  const buckets = compactBuckets(folded, policy);
  const changed =
    leaving.length > 0 ||
    archive.length !== store.archive.length ||
    dropped > 0 ||
    buckets.length !== store.buckets.length;
  return { events, archive, buckets, changed, archived: toArchive.length, dropped };
}

/**
 * Whether the recent log should go through applyRetention now: an event is more than `slackDays` past
 * the recent window or the retention period, or the log is over the limit. Cheap (the recent log only),
 * so the background can check it after each recorded event and leave the archive unread otherwise.
 */
export function needsRetention(
  events: readonly MetricEvent[],
  policy: Omit<RetentionPolicy, 'zone'>,
  slackDays = 1,
): boolean {
  if (events.length > Math.floor(policy.maxEvents ?? DEFAULT_MAX_EVENTS)) return true;
  const days = Math.min(policy.hotDays ?? HOT_DAYS, policy.retentionDays) + slackDays;
  const cutoff = policy.now - days * DAY_MS;
  return events.some((event) => event.at < cutoff);
}

function add(
  into: Map<string, DayBucket>,
  day: DayKey,
  site: string,
  counts: Partial<Record<Outcome, number>>,
): void {
  const id = bucketId(day, site);
  let bucket = into.get(id);
  if (!bucket) {
    bucket = { day, site, completed: 0, cancelled: 0, bypassed: 0, post_failed: 0 };
    into.set(id, bucket);
  }
  bucket.completed += counts.completed ?? 0;
  bucket.cancelled += counts.cancelled ?? 0;
  bucket.bypassed += counts.bypassed ?? 0;
  bucket.post_failed += counts.post_failed ?? 0;
}

function sortBuckets(buckets: DayBucket[]): DayBucket[] {
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return buckets.sort((a, b) => order(a.day, b.day) || order(a.site, b.site));
}
