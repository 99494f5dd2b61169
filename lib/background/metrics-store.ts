import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import {
  decodeDigest,
  decodeWeek,
  encodeDigest,
  encodeWeek,
  type FigureDigest,
  figureDigestSchema,
} from '../metrics/digest';
import type { MetricEvent } from '../metrics/event';
import { type FigureSteps, figureSteps, NO_STEPS } from '../metrics/figure-steps';
import { currentZone } from '../metrics/local-day';
import { applyRetention, needsRetention } from '../metrics/retention';
import { WEEK_MS } from '../metrics/summary';
import { effectiveSettings } from '../storage/effective-settings';
import {
  archiveItem,
  bucketsItem,
  digestItem,
  EVENT_LIMIT,
  eventsItem,
  figureDigestItem,
  figureStepsItem,
} from '../storage/items';
import { areaName, KEYS } from '../storage/keys';
import { type ItemWrite, writeTogether } from '../storage/validated-item';

// The metrics log, bounded however long Baton is used: recent events, an archive, and day buckets
// that keep the counts of what was dropped, plus the digest of the recent log that the popup reads.
// Every write goes through one queue, so events recorded from several tabs at once are each counted
// exactly once and retention never loses one.

export const RETENTION_ALARM = 'metrics-retention';
/** Works the popup's main figures out again shortly before those written last run out. */
export const FIGURE_STEPS_ALARM = 'metrics-figure-steps';
const FIGURE_STEPS_AHEAD_MS = 60_000;
/** Chrome fires an alarm no sooner than 30 s after it is set. */
const ALARM_MIN_DELAY_MS = 30_000;

let queue: Promise<unknown> = Promise.resolve();

function serial<T>(task: () => Promise<T>): Promise<T> {
  const next = queue.then(task);
  queue = next.catch(() => undefined);
  return next;
}

// The log as this worker last read or wrote it: reading and parsing 50,000 events (13 MB) again for
// every recorded handoff cost the worker seconds. Each write stores a new stamp with the log, so a
// copy is used only while the stored stamp is still the one written with it (one small read).
let known: { stamp: string; events: MetricEvent[] } | undefined;

async function readLog(): Promise<MetricEvent[]> {
  const stamp = await storage.getItem<string>(KEYS.eventLogStamp);
  if (known && stamp === known.stamp) return known.events;
  const events = await eventsItem.get();
  known = stamp === null ? undefined : { stamp, events };
  return events;
}

/**
 * The main figures from `now` on, from the last week as the popup would read it (so the two always
 * agree), or none when it does not decode: the popup then counts the week itself.
 */
function stepsOf(week: FigureDigest, now: number): FigureSteps {
  const columns = decodeWeek(week);
  return columns ? figureSteps(columns, now) : NO_STEPS;
}

/** Sets the alarm that works the figures out again before `steps` run out; none for steps that last. */
function refreshBefore(steps: FigureSteps): void {
  if (steps.until === null) void browser.alarms.clear(FIGURE_STEPS_ALARM);
  else {
    const when = Math.max(steps.until - FIGURE_STEPS_AHEAD_MS, Date.now() + ALARM_MIN_DELAY_MS);
    void browser.alarms.create(FIGURE_STEPS_ALARM, { when });
  }
}

/**
 * The popup's digests of the log: the whole of it, the last week that its first figures count, and
 * those figures worked out ahead (also returned, for the alarm that renews them).
 */
function digestEntries(events: readonly MetricEvent[]): { entries: ItemWrite[]; steps: FigureSteps } {
  const now = Date.now();
  const week = encodeWeek(events, now, WEEK_MS);
  const steps = stepsOf(week, now);
  return {
    entries: [
      digestItem.entry(encodeDigest(events)),
      figureDigestItem.entry(week),
      figureStepsItem.entry(steps),
    ],
    steps,
  };
}

/** The recent log and its digests, with other items: one storage write, so they never disagree. */
async function writeLog(events: MetricEvent[], others: ItemWrite[] = []): Promise<void> {
  const stamp = crypto.randomUUID();
  known = undefined;
  const digests = digestEntries(events);
  await writeTogether([
    eventsItem.entry(events),
    ...digests.entries,
    { key: KEYS.eventLogStamp, value: stamp },
    ...others,
  ]);
  known = { stamp, events };
  refreshBefore(digests.steps);
}

/** Applies retention to the log about to be stored; false when nothing had to change. */
async function retain(events: MetricEvent[]): Promise<boolean> {
  const [archive, buckets, { settings }] = await Promise.all([
    archiveItem.get(),
    bucketsItem.get(),
    effectiveSettings(),
  ]);
  const result = applyRetention(
    { events, archive, buckets },
    { now: Date.now(), zone: currentZone(), retentionDays: settings.retentionDays, maxEvents: EVENT_LIMIT },
  );
  if (!result.changed) return false;
  // One write for every part, so a stop of the service worker cannot leave an event counted twice.
  await writeLog(result.events, [archiveItem.entry(result.archive), bucketsItem.entry(result.buckets)]);
  return true;
}

export function recordEvents(events: readonly MetricEvent[]): Promise<void> {
  return serial(async () => {
    const next = [...(await readLog()), ...events];
    const { settings } = await effectiveSettings();
    const policy = { now: Date.now(), retentionDays: settings.retentionDays, maxEvents: EVENT_LIMIT };
    if (needsRetention(next, policy) && (await retain(next))) return;
    await writeLog(next);
  });
}

export function runRetention(): Promise<void> {
  return serial(async () => {
    await retain(await readLog());
  });
}

export function clearMetrics(): Promise<void> {
  return serial(() => writeLog([], [archiveItem.entry([]), bucketsItem.entry([])]));
}

/**
 * Rewrites the digest when it does not describe the stored log: written by a version of Baton that
 * kept none, or `events` written by something other than the functions above.
 */
export function refreshDigest(): Promise<void> {
  return serial(async () => {
    known = undefined;
    const [events, digest, stored, recent, steps] = await Promise.all([
      readLog(),
      digestItem.get(),
      storage.getItem<unknown>(KEYS.eventDigest),
      storage.getItem<unknown>(KEYS.figureDigest),
      storage.getItem<unknown>(KEYS.figureSteps),
    ]);
    const log = decodeDigest(digest);
    const current =
      stored !== null &&
      recent !== null &&
      steps !== null &&
      log !== null &&
      log.count === events.length &&
      events.every((event, i) => log.at[i] === Math.round(event.at));
    if (!current) await writeDigests(events);
  });
}

async function writeDigests(events: readonly MetricEvent[]): Promise<void> {
  const digests = digestEntries(events);
  await writeTogether(digests.entries);
  refreshBefore(digests.steps);
}

/**
 * After a browser start or an update, either of which can clear alarms: the figures are renewed within
 * a minute, unless an alarm already will.
 */
export async function keepFigureStepsRenewed(): Promise<void> {
  if (await browser.alarms.get(FIGURE_STEPS_ALARM)) return;
  await browser.alarms.create(FIGURE_STEPS_ALARM, { delayInMinutes: 1 });
}

/**
 * Works the popup's main figures out again from now on, from the last week as stored with the log;
 * from the log itself when that does not decode.
 */
export function refreshFigureSteps(): Promise<void> {
  return serial(async () => {
    const parsed = z.safeParse(figureDigestSchema, await storage.getItem<unknown>(KEYS.figureDigest));
    const week = parsed.success ? decodeWeek(parsed.data) : null;
    if (!week) return writeDigests(await readLog());
    const steps = figureSteps(week, Date.now());
    await figureStepsItem.set(steps);
    refreshBefore(steps);
  });
}

/** For storage.onChanged: whether the log changed without its digest. */
export function logChangedAlone(changes: Record<string, unknown>, area: string): boolean {
  return area === 'local' && areaName(KEYS.events) in changes && !(areaName(KEYS.eventDigest) in changes);
}

/** Keeps the digest, and this worker's copy of the log, true to a log written from elsewhere. */
export function followOutsideWrites(): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (logChangedAlone(changes, area)) void refreshDigest();
  });
}
