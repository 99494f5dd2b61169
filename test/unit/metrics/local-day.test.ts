import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayKeyAt,
  dayKeyer,
  isoWeek,
  isoWeekStart,
  startOfDay,
} from '../../../lib/metrics/local-day';

const HOUR = 60 * 60 * 1000;
const iso = (at: number) => new Date(at).toISOString();

describe('local days', () => {
  it('reads the local date in a zone ahead of UTC', () => {
    // 00:30 in Seoul is still the previous day in UTC.
    expect(dayKeyAt(Date.parse('2026-11-23T15:30:00Z'), 'Asia/Seoul')).toBe('2026-11-24');
    expect(dayKeyAt(Date.parse('2026-11-23T14:59:59Z'), 'Asia/Seoul')).toBe('2026-11-23');
    expect(dayKeyAt(Date.parse('2026-11-23T15:30:00Z'), 540)).toBe('2026-11-24');
    expect(dayKeyAt(Date.parse('2026-11-23T15:30:00Z'), 'UTC')).toBe('2026-11-23');
  });

  it('starts days at local midnight, 23 and 25 hours long across New York DST changes', () => {
    const zone = 'America/New_York';
    expect(iso(startOfDay('2026-03-08', zone))).toBe('2026-03-08T05:00:00.000Z'); // EST
    expect(iso(startOfDay('2026-03-09', zone))).toBe('2026-03-09T04:00:00.000Z'); // EDT
    expect(startOfDay('2026-03-09', zone) - startOfDay('2026-03-08', zone)).toBe(23 * HOUR);
    expect(startOfDay('2026-11-02', zone) - startOfDay('2026-11-01', zone)).toBe(25 * HOUR);
    expect(iso(startOfDay('2026-11-24', 'Asia/Seoul'))).toBe('2026-11-23T15:00:00.000Z');
    expect(iso(startOfDay('2026-11-24', -300))).toBe('2026-11-24T05:00:00.000Z');
  });

  it('finds the first instant of a day whose midnight does not exist', () => {
    // Chile moved its clocks from 00:00 to 01:00 on 8 September 2024.
    const start = startOfDay('2024-09-08', 'America/Santiago');
    expect(iso(start)).toBe('2024-09-08T04:00:00.000Z');
    expect(dayKeyAt(start, 'America/Santiago')).toBe('2024-09-08');
    expect(dayKeyAt(start - 1, 'America/Santiago')).toBe('2024-09-07');
  });

  it('gives ISO 8601 weeks, including weeks that belong to the neighbouring year', () => {
    expect(isoWeek('2026-11-24')).toEqual({ year: 2026, week: 48 });
    expect(isoWeek('2021-01-01')).toEqual({ year: 2020, week: 53 }); // a Friday
    expect(isoWeek('2024-12-30')).toEqual({ year: 2025, week: 1 }); // a Monday
    expect(isoWeek('2026-12-31')).toEqual({ year: 2026, week: 53 }); // 2026 starts on a Thursday
    expect(isoWeek('2027-01-03')).toEqual({ year: 2026, week: 53 }); // a Sunday
    expect(isoWeek('2027-01-04')).toEqual({ year: 2027, week: 1 });
    expect(isoWeekStart('2026-11-29')).toBe('2026-11-23'); // Sunday → its Monday
    expect(isoWeekStart('2026-11-23')).toBe('2026-11-23');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('keys many instants the same as one at a time, in or out of order', () => {
    const zone = 'America/New_York';
    const instants = [];
    for (
      let at = Date.parse('2026-10-30T00:00:00Z');
      at < Date.parse('2026-11-04T00:00:00Z');
      at += 37 * 60_000
    ) {
      instants.push(at);
    }
    const shuffled = [...instants].reverse();
    const keyOf = dayKeyer(zone);
    for (const at of [...instants, ...shuffled]) expect(keyOf(at)).toBe(dayKeyAt(at, zone));
  });
});
