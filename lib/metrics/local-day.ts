// Calendar days in the user's time zone, without a date library. Days are what people count in
// ("3 handoffs on Tuesday"), so a day is a local date, 23 or 25 hours long across a DST change.
// Intl is the only source of zone rules here; its formatters are cached because creating one costs
// far more than using it, and callers look up day *boundaries* once rather than a day per event.

/** An IANA zone such as 'Asia/Seoul', or a fixed offset in minutes east of UTC (Seoul is 540). */
export type Zone = string | number;

/** 'YYYY-MM-DD', a local calendar date. Compares correctly as a string. */
export type DayKey = string;

export const DAY_KEY = /^\d{4}-\d{2}-\d{2}$/;

const HOUR_MS = 60 * 60 * 1000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone the runtime runs in (the browser's, in the extension). */
export function currentZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function formatter(zone: string): Intl.DateTimeFormat {
  let cached = formatters.get(zone);
  if (!cached) {
    cached = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, cached);
  }
  return cached;
}

/** The zone's wall clock at an instant, read back as if it were UTC. */
function wallClockAsUtc(at: number, zone: Zone): number {
  if (typeof zone === 'number') return at + zone * 60_000;
  const parts: Record<string, number> = {};
  for (const part of formatter(zone).formatToParts(at)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wholeSeconds = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return wholeSeconds + (((at % 1000) + 1000) % 1000);
}

/** Milliseconds the zone is ahead of UTC at an instant. */
function offsetAt(at: number, zone: Zone): number {
  return wallClockAsUtc(at, zone) - at;
}

function keyOfUtcDate(utc: number): DayKey {
  return new Date(utc).toISOString().slice(0, 10);
}

/** The local date of an instant. */
export function dayKeyAt(at: number, zone: Zone): DayKey {
  return keyOfUtcDate(wallClockAsUtc(at, zone));
}

/** Midnight UTC of a day key: plain calendar arithmetic, no zone involved. */
export function dayKeyToUtc(day: DayKey): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

export function addDays(day: DayKey, days: number): DayKey {
  return keyOfUtcDate(dayKeyToUtc(day) + days * 24 * HOUR_MS);
}

/** The first instant whose local date is `day` (usually local midnight; later where midnight was skipped). */
export function startOfDay(day: DayKey, zone: Zone): number {
  const midnight = dayKeyToUtc(day);
  // Fast path: two rounds of "midnight minus the offset there" settle on the answer in every zone whose
  // offset does not change at midnight itself.
  let guess = midnight - offsetAt(midnight, zone);
  guess = midnight - offsetAt(guess, zone);
  if (dayKeyAt(guess, zone) === day && dayKeyAt(guess - 1, zone) < day) return guess;
  // A transition at midnight (e.g. clocks jumping from 00:00 to 01:00): search for the first instant
  // of the day. Local dates only move forward within the ±16 h around UTC midnight, so this terminates.
  let low = midnight - 16 * HOUR_MS; // before the day in every zone
  let high = midnight + 16 * HOUR_MS; // inside or after the day in every zone
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (dayKeyAt(middle, zone) < day) low = middle;
    else high = middle;
  }
  return high;
}

/** ISO 8601 week of a calendar date: weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeek(day: DayKey): { year: number; week: number } {
  const date = new Date(dayKeyToUtc(day));
  const weekday = date.getUTCDay() || 7; // Monday 1 … Sunday 7
  date.setUTCDate(date.getUTCDate() + 4 - weekday); // the Thursday of the same week
  const year = date.getUTCFullYear();
  const week = Math.floor((date.getTime() - Date.UTC(year, 0, 1)) / (7 * 24 * HOUR_MS)) + 1;
  return { year, week };
}

/** The Monday that starts the ISO week holding `day`. */
export function isoWeekStart(day: DayKey): DayKey {
  const weekday = new Date(dayKeyToUtc(day)).getUTCDay() || 7;
  return addDays(day, 1 - weekday);
}

/**
 * Local date of many instants, cheaply when they come roughly in order (as stored events do): the
 * boundaries of the last day seen are kept, so most lookups are two comparisons and no Intl call.
 */
export function dayKeyer(zone: Zone): (at: number) => DayKey {
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  let key: DayKey = '';
  return (at) => {
    if (at >= start && at < end) return key;
    key = dayKeyAt(at, zone);
    start = startOfDay(key, zone);
    end = startOfDay(addDays(key, 1), zone);
    return key;
  };
}
