import * as z from 'zod/mini';
import type { MetricEvent, Outcome } from './event';

// The popup's copy of the recent event log: only the facts aggregate() reads, as columns of small
// integers. Reading 50,000 events as objects from storage.local takes over a second (the browser
// builds ~13 MB of objects); the digest is a few strings of ~25 bytes an event in all, read in a few
// milliseconds and unpacked into typed arrays in a few more, so the popup's figures stay within
// DESIGN.md §9's 200 ms. The background writes it together with the log, in the same storage write,
// so the two never disagree. Pure.

/** What the popup's aggregation needs of an event. */
export type EventFacts = Pick<
  MetricEvent,
  'at' | 'site' | 'ticketKey' | 'url' | 'outcome' | 'reason' | 'fillMs'
>;

export const OUTCOMES: readonly Outcome[] = ['completed', 'cancelled', 'bypassed', 'post_failed'];

/** The log as columns: one entry per event in each array; text as indexes into `strings`. */
export interface EventColumns {
  count: number;
  /** Sites, ticket keys, reasons and addresses, each once. */
  strings: readonly string[];
  /** Epoch milliseconds. */
  at: Float64Array;
  site: Uint32Array;
  /** Index into OUTCOMES. */
  outcome: Uint8Array;
  ticket: Uint32Array;
  /** -1: none. */
  reason: Int32Array;
  /** NaN: none. */
  fillMs: Float64Array;
  /** -1: none. */
  url: Int32Array;
}

export function toColumns(events: readonly EventFacts[]): EventColumns {
  const count = events.length;
  const strings: string[] = [];
  const indexOf = new Map<string, number>();
  const intern = (value: string): number => {
    let index = indexOf.get(value);
    if (index === undefined) {
      index = strings.length;
      strings.push(value);
      indexOf.set(value, index);
    }
    return index;
  };
  const columns: EventColumns = {
    count,
    strings,
    at: new Float64Array(count),
    site: new Uint32Array(count),
    outcome: new Uint8Array(count),
    ticket: new Uint32Array(count),
    reason: new Int32Array(count),
    fillMs: new Float64Array(count),
    url: new Int32Array(count),
  };
  events.forEach((event, i) => {
    columns.at[i] = event.at;
    columns.site[i] = intern(event.site);
    columns.outcome[i] = OUTCOMES.indexOf(event.outcome);
    columns.ticket[i] = intern(event.ticketKey);
    columns.reason[i] = event.reason === undefined ? -1 : intern(event.reason);
    columns.fillMs[i] = event.fillMs ?? Number.NaN;
    columns.url[i] = event.url === undefined ? -1 : intern(event.url);
  });
  return columns;
}

const DIGEST_VERSION = 1;

/** A column: one base-36 integer per event, comma-separated; an empty entry for "none". */
const column = z.string().check(z.regex(/^[0-9a-z,]*$/));

export const digestSchema = z.object({
  v: z.literal(DIGEST_VERSION),
  count: z.number().check(z.int(), z.nonnegative()),
  /** Epoch milliseconds every time counts from: the oldest event's. */
  base: z.number().check(z.int()),
  strings: z.array(z.string()),
  at: column,
  site: column,
  outcome: column,
  ticket: column,
  reason: column,
  fillMs: column,
  url: column,
});
export type Digest = z.infer<typeof digestSchema>;

/** What the popup's main figures count of each event (summary.ts): its time, outcome and fill time. */
export type FigureColumns = Pick<EventColumns, 'count' | 'at' | 'outcome' | 'fillMs'>;

/** A column of integers as JSON writes them, comma-separated: JSON.parse reads it without a loop in script. */
const integers = z.string().check(z.regex(/^[0-9,-]*$/));

/**
 * The popup's first read: the time, outcome and fill time of every event after `since` (a week before
 * the log was last written). The main figures count only those, over the last week: no ticket, site or
 * address text, and a quarter of the log at most, so the popup paints them from a small read before it
 * reads the whole digest for the rest. Unlike the digest it is in decimal, which JSON.parse reads in
 * native code: unpacking base 36 a character at a time in script, still cold on the popup's first
 * render, took ~6 ms at 50,000 events, most of what the stored events added to the figures' first paint.
 */
export const figureDigestSchema = z.object({
  since: z.number(),
  count: z.number().check(z.int(), z.nonnegative()),
  /**
   * Each time in epoch milliseconds as its difference from the one before (the first from 0): a few
   * digits each, as the log is in order.
   */
  at: integers,
  /** One digit per event, its index into OUTCOMES: no commas needed between them. */
  outcome: z.string().check(z.regex(/^[0-9]*$/)),
  /** Milliseconds; -1: none. */
  fillMs: integers,
});
export type FigureDigest = z.infer<typeof figureDigestSchema>;

const RADIX = 36;
const pack = (values: ArrayLike<number>, none: (value: number) => boolean): string =>
  Array.from(values, (value) => (none(value) ? '' : Math.round(value).toString(RADIX))).join(',');
const never = () => false;

/** Packs the log. Times and fill durations are kept to the millisecond (rounded, as Date.now() gives them). */
export function encodeDigest(events: readonly EventFacts[]): Digest {
  const columns = toColumns(events);
  const base = columns.count === 0 ? 0 : Math.floor(oldest(columns.at));
  return {
    v: DIGEST_VERSION,
    count: columns.count,
    base,
    strings: [...columns.strings],
    at: pack(
      columns.at.map((at) => at - base),
      never,
    ),
    site: pack(columns.site, never),
    outcome: pack(columns.outcome, never),
    ticket: pack(columns.ticket, never),
    reason: pack(columns.reason, (index) => index < 0),
    fillMs: pack(columns.fillMs, Number.isNaN),
    url: pack(columns.url, (index) => index < 0),
  };
}

/** The events after `now - periodMs`: all the main figures can count at `now` or any time after. */
export function encodeWeek(events: readonly EventFacts[], now: number, periodMs: number): FigureDigest {
  const since = now - periodMs;
  const week = events.filter((event) => event.at > since);
  let previous = 0;
  const differences = week.map((event) => {
    const at = Math.round(event.at);
    const difference = at - previous;
    previous = at;
    return difference;
  });
  return {
    since,
    count: week.length,
    at: differences.join(','),
    outcome: week.map((event) => OUTCOMES.indexOf(event.outcome)).join(''),
    fillMs: week.map((event) => (event.fillMs === undefined ? -1 : Math.round(event.fillMs))).join(','),
  };
}

function oldest(times: Float64Array): number {
  let min = Number.POSITIVE_INFINITY;
  for (const at of times) if (at < min) min = at;
  return min;
}

/**
 * One column's numbers, or null when it does not have one per event; an empty entry reads as NaN
 * ("none"). Read character by character: splitting 50,000 entries into strings first costs ten times
 * as much. The schema allows only digits and commas, so every character is one or the other.
 */
function unpack(text: string, count: number): Float64Array | null {
  const values = new Float64Array(count);
  let index = 0;
  let value = 0;
  let digits = 0;
  for (let i = 0; i <= text.length; i += 1) {
    const code = i < text.length ? text.charCodeAt(i) : COMMA;
    if (code === COMMA) {
      if (index === count) return null;
      values[index] = digits === 0 ? Number.NaN : value;
      index += 1;
      value = 0;
      digits = 0;
    } else {
      value = value * RADIX + (code <= NINE ? code - ZERO : code - LOWER_A + 10);
      digits += 1;
    }
  }
  return index === count ? values : null;
}

const COMMA = 44;
const ZERO = 48;
const NINE = 57;
const LOWER_A = 97;

/** A column's integers, or null when it does not hold `count` of them. */
function integersOf(text: string, count: number): number[] | null {
  if (text === '') return count === 0 ? [] : null;
  try {
    // The schema lets through digits, commas and minus signs only: what parses is an array of integers.
    const values = JSON.parse(`[${text}]`) as number[];
    return values.length === count ? values : null;
  } catch {
    return null;
  }
}

/** Unpacks the last week's figures, or null when they do not hold together. */
export function decodeWeek(week: FigureDigest): FigureColumns | null {
  const { count } = week;
  const differences = integersOf(week.at, count);
  const fills = integersOf(week.fillMs, count);
  // The digits' character codes, read natively; each is turned into its index in the loop below.
  const outcomes = new TextEncoder().encode(week.outcome);
  if (!differences || !fills || outcomes.length !== count) return null;
  const at = new Float64Array(count);
  const outcome = new Uint8Array(count);
  const fillMs = new Float64Array(count);
  let time = 0;
  for (let i = 0; i < count; i += 1) {
    const index = (outcomes[i] as number) - ZERO;
    if (!(index >= 0 && index < OUTCOMES.length)) return null;
    time += differences[i] as number;
    at[i] = time;
    outcome[i] = index;
    const fill = fills[i] as number;
    fillMs[i] = fill < 0 ? Number.NaN : fill;
  }
  return { count, at, outcome, fillMs };
}

/** Unpacks the log, or null when the digest does not hold together (a bad write or an old bug). */
export function decodeDigest(digest: Digest): EventColumns | null {
  const { count, strings } = digest;
  const empty = count === 0;
  const names = ['at', 'site', 'outcome', 'ticket', 'reason', 'fillMs', 'url'] as const;
  if (empty) return names.every((name) => digest[name] === '') ? toColumns([]) : null;
  const [at, site, outcome, ticket, reason, fillMs, url] = names.map((name) => unpack(digest[name], count));
  if (!at || !site || !outcome || !ticket || !reason || !fillMs || !url) return null;

  const text = (index: number) => Number.isInteger(index) && index < strings.length;
  const optionalText = (index: number) => Number.isNaN(index) || text(index);
  for (let i = 0; i < count; i += 1) {
    const valid =
      !Number.isNaN(at[i] as number) &&
      text(site[i] as number) &&
      (outcome[i] as number) < OUTCOMES.length &&
      text(ticket[i] as number) &&
      optionalText(reason[i] as number) &&
      optionalText(url[i] as number);
    if (!valid) return null;
  }
  const orNone = (values: Float64Array) => values.map((value) => (Number.isNaN(value) ? -1 : value));
  return {
    count,
    strings,
    at: at.map((delta) => digest.base + delta),
    site: Uint32Array.from(site),
    outcome: Uint8Array.from(outcome),
    ticket: Uint32Array.from(ticket),
    reason: Int32Array.from(orNone(reason)),
    fillMs,
    url: Int32Array.from(orNone(url)),
  };
}
