import { parseHttpUrl } from '../checklist/url';
import { type EventColumns, type EventFacts, OUTCOMES, toColumns } from './digest';
import type { Outcome } from './event';
import { addDays, type DayKey, dayKeyAt, isoWeek, isoWeekStart, startOfDay, type Zone } from './local-day';
import type { DayBucket } from './retention';
import { type Figures, figures } from './summary';

// Everything the popup shows, computed in one pass over the stored events (up to 50,000) plus the
// per-day buckets that retention folded older events into. Pure: `now` and the zone are passed in.
//
// Windows (DESIGN.md §6):
// - the three main figures: the last 7 × 24 hours, through figures();
// - the trend, the breakdowns and hot potatoes: the last TREND_DAYS local calendar days, today included;
// - "this week": the ISO week (Monday to Sunday, local) that holds today.

export const TREND_DAYS = 30;
export const HOT_POTATO_THRESHOLD = 3;

export type OutcomeCounts = Record<Outcome, number>;

export interface DayCounts extends OutcomeCounts {
  day: DayKey;
  /** ISO week of the day, for week marks on the trend. */
  isoWeek: number;
  /** Monday: the day starts an ISO week. */
  weekStart: boolean;
}

export interface SiteCounts extends OutcomeCounts {
  site: string;
  /** All guarded reassigns on the site in the window, whatever their outcome. */
  guarded: number;
}

export interface ReasonCount {
  /** A choice id of the template's reason field (e.g. 'escalation'). */
  reason: string;
  completed: number;
}

export interface HotPotato {
  site: string;
  ticketKey: string;
  /** The ticket's address as last recorded; only http(s) addresses are kept. */
  url?: string;
  /** Completed handoffs of this ticket in the window. */
  count: number;
  lastAt: number;
}

export interface Aggregate {
  /** The three main figures over the last 7 days. */
  figures: Figures;
  /** TREND_DAYS entries, oldest first, the last one today. */
  days: DayCounts[];
  thisWeek: { isoYear: number; isoWeek: number; firstDay: DayKey } & OutcomeCounts;
  /** Over the trend window: totals per outcome. */
  window: OutcomeCounts & { guarded: number };
  /** Over the trend window, most guarded first. */
  bySite: SiteCounts[];
  /** Completed handoffs over the trend window by reason, most frequent first. */
  byReason: ReasonCount[];
  /** Tickets with HOT_POTATO_THRESHOLD or more completed handoffs in the trend window, newest first. */
  hotPotatoes: HotPotato[];
  /** Everything ever recorded, stored events plus folded buckets. */
  allTime: OutcomeCounts & { guarded: number; firstDay: DayKey | null };
}

export interface AggregateOptions {
  now: number;
  zone: Zone;
  buckets?: readonly DayBucket[];
  trendDays?: number;
  hotPotatoThreshold?: number;
}

function zeroCounts(): OutcomeCounts {
  return { completed: 0, cancelled: 0, bypassed: 0, post_failed: 0 };
}

/** The one rule for links (lib/checklist/url.ts): an address that parses as http(s), nothing else. */
function isWebAddress(url: string | undefined): boolean {
  return url !== undefined && parseHttpUrl(url) !== null;
}

/** Index of the last boundary ≤ at; boundaries ascend. */
function dayIndex(boundaries: readonly number[], at: number): number {
  let low = 0;
  let high = boundaries.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((boundaries[middle] as number) <= at) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The log as the popup has it (columns, from the digest) or as events (tests, and a log with no digest yet). */
export type EventLog = EventColumns | readonly EventFacts[];

export function aggregate(log: EventLog, options: AggregateOptions): Aggregate {
  const { now, zone } = options;
  const trendDays = options.trendDays ?? TREND_DAYS;
  const threshold = options.hotPotatoThreshold ?? HOT_POTATO_THRESHOLD;
  const columns = isColumns(log) ? log : toColumns(log);
  const { strings } = columns;

  // The window's day boundaries are computed once (trendDays + 1 zone lookups), so placing an event
  // in its day is a binary search over ~31 numbers instead of a time-zone conversion per event.
  const today = dayKeyAt(now, zone);
  const firstDay = addDays(today, 1 - trendDays);
  const dayKeys: DayKey[] = [];
  const boundaries: number[] = [];
  for (let i = 0; i < trendDays; i += 1) {
    const day = addDays(firstDay, i);
    dayKeys.push(day);
    boundaries.push(startOfDay(day, zone));
  }
  const windowStart = boundaries[0] as number;
  const days: DayCounts[] = dayKeys.map((day) => ({
    day,
    isoWeek: isoWeek(day).week,
    weekStart: isoWeekStart(day) === day,
    ...zeroCounts(),
  }));
  const dayByKey = new Map(days.map((entry) => [entry.day, entry]));

  const weekFirstDay = isoWeekStart(today);
  const weekStart = startOfDay(weekFirstDay, zone);
  const thisWeekCounts = zeroCounts();
  const windowCounts = zeroCounts();
  const allTime = zeroCounts();
  let oldest = Number.POSITIVE_INFINITY;
  const sites = new Map<string, SiteCounts>();
  // Text is interned in the columns, so per-event lookups go by index, not by string.
  const siteAt: (SiteCounts | undefined)[] = [];
  const reasons = new Map<number, number>();
  const tickets = new Map<number, HotPotato & { urlAt: number }>();
  const webAddress = new Int8Array(strings.length); // 0: not looked at yet, 1: http(s), -1: not

  for (let i = 0; i < columns.count; i += 1) {
    const at = columns.at[i] as number;
    if (at > now) continue; // recorded under a clock that was ahead; counted once it is in the past
    const outcome = OUTCOMES[columns.outcome[i] as number] as Outcome;
    allTime[outcome] += 1;
    if (at < oldest) oldest = at;
    if (at < windowStart) continue;

    (days[dayIndex(boundaries, at)] as DayCounts)[outcome] += 1;
    windowCounts[outcome] += 1;
    if (at >= weekStart) thisWeekCounts[outcome] += 1;

    const siteIndex = columns.site[i] as number;
    let site = siteAt[siteIndex];
    if (!site) {
      site = siteCounts(sites, strings[siteIndex] as string);
      siteAt[siteIndex] = site;
    }
    site.guarded += 1;
    site[outcome] += 1;

    if (outcome !== 'completed') continue;
    const reason = columns.reason[i] as number;
    if (reason >= 0) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    const ticketIndex = columns.ticket[i] as number;
    const ticketId = siteIndex * strings.length + ticketIndex;
    let ticket = tickets.get(ticketId);
    if (!ticket) {
      ticket = {
        site: strings[siteIndex] as string,
        ticketKey: strings[ticketIndex] as string,
        count: 0,
        lastAt: at,
        urlAt: Number.NEGATIVE_INFINITY,
      };
      tickets.set(ticketId, ticket);
    }
    ticket.count += 1;
    if (at > ticket.lastAt) ticket.lastAt = at;
    const url = columns.url[i] as number;
    if (url < 0 || at < ticket.urlAt) continue;
    if (webAddress[url] === 0) webAddress[url] = isWebAddress(strings[url]) ? 1 : -1;
    if (webAddress[url] === 1) {
      ticket.url = strings[url] as string;
      ticket.urlAt = at;
    }
  }

  // Buckets hold events that retention dropped from the log: disjoint from the events, so they add.
  let firstBucketDay: DayKey | null = null;
  for (const bucket of options.buckets ?? []) {
    if (firstBucketDay === null || bucket.day < firstBucketDay) firstBucketDay = bucket.day;
    const inWindow = dayByKey.get(bucket.day);
    let site: SiteCounts | undefined;
    if (inWindow) site = siteCounts(sites, bucket.site);
    for (const outcome of OUTCOMES) {
      const count = bucket[outcome];
      allTime[outcome] += count;
      if (!inWindow || !site) continue;
      inWindow[outcome] += count;
      windowCounts[outcome] += count;
      site[outcome] += count;
      site.guarded += count;
      if (bucket.day >= weekFirstDay) thisWeekCounts[outcome] += count;
    }
  }

  const firstEventDay = oldest === Number.POSITIVE_INFINITY ? null : dayKeyAt(oldest, zone);
  const allTimeFirstDay =
    firstBucketDay === null
      ? firstEventDay
      : firstEventDay === null || firstBucketDay < firstEventDay
        ? firstBucketDay
        : firstEventDay;
  const week = isoWeek(today);

  return {
    figures: figures(columns, now),
    days,
    thisWeek: { isoYear: week.year, isoWeek: week.week, firstDay: weekFirstDay, ...thisWeekCounts },
    window: { ...windowCounts, guarded: sum(windowCounts) },
    bySite: [...sites.values()].sort((a, b) => b.guarded - a.guarded || a.site.localeCompare(b.site)),
    byReason: [...reasons]
      .map(([reason, completed]) => ({ reason: strings[reason] as string, completed }))
      .sort((a, b) => b.completed - a.completed || a.reason.localeCompare(b.reason)),
    hotPotatoes: [...tickets.values()]
      .filter((ticket) => ticket.count >= threshold)
      .map(({ urlAt: _, ...ticket }) => ticket)
      .sort(
        (a, b) =>
          b.lastAt - a.lastAt ||
          b.count - a.count ||
          a.ticketKey.localeCompare(b.ticketKey) ||
          a.site.localeCompare(b.site),
      ),
    allTime: { ...allTime, guarded: sum(allTime), firstDay: allTimeFirstDay },
  };
}

function isColumns(log: EventLog): log is EventColumns {
  return !Array.isArray(log);
}

function siteCounts(sites: Map<string, SiteCounts>, name: string): SiteCounts {
  let site = sites.get(name);
  if (!site) {
    site = { site: name, guarded: 0, ...zeroCounts() };
    sites.set(name, site);
  }
  return site;
}

function sum(counts: OutcomeCounts): number {
  return counts.completed + counts.cancelled + counts.bypassed + counts.post_failed;
}
