import type { Locale } from '../../lib/checklist/template';
import { dayKeyToUtc } from '../../lib/metrics/local-day';

// Numbers and dates in the reader's language, by Intl: no date words live in the locale files.

export interface Formats {
  number(value: number): string;
  /** A calendar day, short: "Nov 24" / "11월 24일". */
  day(day: string): string;
  /** A calendar day in digits, for chart axes: "11/24" / "11. 24.". */
  dayDigits(day: string): string;
  /** A calendar day with its weekday: "Tue, Nov 24" / "11월 24일 (화)". */
  dayLong(day: string): string;
  /** A calendar day with its year: "Nov 24, 2026" / "2026년 11월 24일". */
  dayWithYear(day: string): string;
  /** An instant relative to now: "3 hours ago" / "3시간 전", or a date when older than a month. */
  ago(at: number, now: number): string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function formats(locale: Locale): Formats {
  const numbers = new Intl.NumberFormat(locale);
  // Day keys are calendar dates: format them at UTC midnight in UTC so no zone shifts the date.
  const day = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' });
  const dayDigits = new Intl.DateTimeFormat(locale, { month: 'numeric', day: 'numeric', timeZone: 'UTC' });
  const dayLong = new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
  const dayWithYear = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
  const date = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric' });
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  return {
    number: (value) => numbers.format(value),
    day: (key) => day.format(dayKeyToUtc(key)),
    dayDigits: (key) => dayDigits.format(dayKeyToUtc(key)),
    dayLong: (key) => dayLong.format(dayKeyToUtc(key)),
    dayWithYear: (key) => dayWithYear.format(dayKeyToUtc(key)),
    ago(at, now) {
      const elapsed = Math.max(0, now - at);
      if (elapsed < MINUTE) return relative.format(0, 'second');
      if (elapsed < HOUR) return relative.format(-Math.floor(elapsed / MINUTE), 'minute');
      if (elapsed < DAY) return relative.format(-Math.floor(elapsed / HOUR), 'hour');
      if (elapsed < 30 * DAY) return relative.format(-Math.floor(elapsed / DAY), 'day');
      return date.format(at);
    },
  };
}
