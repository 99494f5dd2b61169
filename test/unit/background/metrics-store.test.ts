import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  clearMetrics,
  FIGURE_STEPS_ALARM,
  followOutsideWrites,
  keepFigureStepsRenewed,
  logChangedAlone,
  recordEvents,
  refreshDigest,
  refreshFigureSteps,
  runRetention,
} from '../../../lib/background/metrics-store';
import { decodeDigest, decodeWeek, encodeDigest, toColumns } from '../../../lib/metrics/digest';
import type { MetricEvent } from '../../../lib/metrics/event';
import { figuresAt } from '../../../lib/metrics/figure-steps';
import { figures, WEEK_MS } from '../../../lib/metrics/summary';
import {
  archiveItem,
  digestItem,
  eventsItem,
  figureDigestItem,
  figureStepsItem,
} from '../../../lib/storage/items';

beforeEach(() => {
  fakeBrowser.reset();
  // As the background does: a log written from elsewhere is followed.
  followOutsideWrites();
});

const event = (n: number, site: string, at = Date.now()): MetricEvent => ({
  id: `e${n}`,
  site,
  ticketKey: `T-${n}`,
  outcome: 'completed',
  fieldsFilled: 6,
  at,
});

/** The popup's view of the log: what the digest decodes to. */
async function popupSees(): Promise<string[] | undefined> {
  const log = decodeDigest(await digestItem.get());
  return log ? Array.from(log.ticket, (index) => log.strings[index] as string) : undefined;
}

describe('the metrics log', () => {
  it('counts 200 events recorded at once from several tabs exactly once each', async () => {
    const sites = ['jira', 'zendesk', 'trello'];
    await Promise.all(
      Array.from({ length: 200 }, (_, n) => recordEvents([event(n, sites[n % 3] ?? 'jira')])),
    );
    const stored = await eventsItem.get();
    expect(stored).toHaveLength(200);
    expect(new Set(stored.map((e) => e.id)).size).toBe(200);
  });
});

describe('the digest the popup reads', () => {
  const DAY = 24 * 60 * 60 * 1000;

  it('follows every recorded event, however many tabs record at once', async () => {
    await Promise.all(Array.from({ length: 50 }, (_, n) => recordEvents([event(n, 'jira')])));
    const stored = (await eventsItem.get()).map((e) => e.ticketKey);
    expect(stored).toHaveLength(50);
    expect(await popupSees()).toEqual(stored);
  });

  it('drops what retention moves to the archive, and empties when metrics are cleared', async () => {
    await eventsItem.set([event(1, 'jira', Date.now() - 40 * DAY), event(2, 'zendesk')]);
    await runRetention();
    expect((await archiveItem.get()).map((e) => e.ticketKey)).toEqual(['T-1']);
    expect(await popupSees()).toEqual(['T-2']);
    await clearMetrics();
    expect(await popupSees()).toEqual([]);
  });

  it('is rebuilt when the log was written without it (an update from a version that kept none)', async () => {
    await fakeBrowser.storage.local.set({ events: [event(1, 'jira'), event(2, 'trello')] });
    await vi.waitFor(async () => expect(await popupSees()).toEqual(['T-1', 'T-2']));
  });

  it('counts on from a log written from elsewhere, not from what the worker remembered', async () => {
    await recordEvents([event(1, 'jira')]);
    await fakeBrowser.storage.local.set({ events: [event(2, 'trello')] });
    await recordEvents([event(3, 'zendesk')]);
    expect((await eventsItem.get()).map((e) => e.ticketKey)).toEqual(['T-2', 'T-3']);
    expect(await popupSees()).toEqual(['T-2', 'T-3']);
  });

  it('is rebuilt when it disagrees with the log, and left alone when it agrees', async () => {
    const log = [event(1, 'jira'), event(2, 'trello')];
    await eventsItem.set(log);
    await digestItem.set(encodeDigest([event(3, 'jira')]));
    await refreshDigest();
    expect(await popupSees()).toEqual(['T-1', 'T-2']);

    let writes = 0;
    const stop = digestItem.watch(() => {
      writes += 1;
    });
    await refreshDigest();
    stop();
    expect(writes).toBe(0);
  });

  it('comes with the last week of the log, which the popup reads first, also when rebuilt', async () => {
    const recorded = [event(1, 'jira', Date.now() - 10 * DAY), event(2, 'trello', Date.now() - DAY)];
    const lastWeek = async () => {
      const week = await figureDigestItem.get();
      const log = decodeWeek(week);
      return { since: week.since, at: log && Array.from(log.at) };
    };
    await recordEvents(recorded);
    const written = Date.now();
    expect(await lastWeek()).toEqual({ since: expect.any(Number), at: [recorded[1]?.at] });
    expect((await lastWeek()).since).toBeGreaterThan(written - WEEK_MS - 1000);

    await fakeBrowser.storage.local.remove('figureDigest');
    await refreshDigest();
    expect((await lastWeek()).at).toEqual([recorded[1]?.at]);
  });

  it('comes with the main figures worked out ahead, renewed by an alarm before they run out', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      // A week of 600 events: more changes to the figures than are worked out at once.
      const start = Date.now();
      const log = Array.from({ length: 600 }, (_, n) => ({
        ...event(n, 'jira', start - WEEK_MS + (n + 1) * 1_000_000),
        ...(n % 4 === 0 ? { outcome: 'cancelled' as const } : { fillMs: 1_000 * (n % 90) }),
      }));
      await recordEvents(log);
      const countedNow = () => figures(toColumns(log), Date.now());
      const stored = await figureStepsItem.get();
      expect(figuresAt(stored, Date.now())).toEqual(countedNow());
      expect(countedNow().guarded).toBe(600);
      const until = stored.until as number;
      expect(until).toBeGreaterThan(Date.now());
      const alarm = await fakeBrowser.alarms.get(FIGURE_STEPS_ALARM);
      expect(alarm?.scheduledTime).toBe(until - 60_000);

      // The alarm fires; then the popup opens after the first steps would have run out.
      vi.setSystemTime(alarm?.scheduledTime as number);
      await refreshFigureSteps();
      vi.setSystemTime(until + 1);
      expect(figuresAt(stored, Date.now())).toBeNull();
      const renewed = await figureStepsItem.get();
      expect(figuresAt(renewed, Date.now())).toEqual(countedNow());
      expect((await fakeBrowser.alarms.get(FIGURE_STEPS_ALARM))?.scheduledTime).toBe(
        (renewed.until as number) - 60_000,
      );
    } finally {
      vi.useRealTimers();
    }
  });

  it('works the figures out from the log itself when the last week stored with it is broken', async () => {
    const log = [event(1, 'jira', Date.now() - DAY), event(2, 'trello', Date.now() - 2 * DAY)];
    await recordEvents(log);
    await fakeBrowser.storage.local.set({ figureDigest: { since: 0 } });
    await fakeBrowser.storage.local.remove('figureSteps');
    await refreshFigureSteps();
    expect(figuresAt(await figureStepsItem.get(), Date.now())?.guarded).toBe(2);
    expect(decodeWeek(await figureDigestItem.get())?.count).toBe(2);
  });

  it('sets the alarm that renews the figures after a start that lost it, and keeps one already set', async () => {
    await keepFigureStepsRenewed();
    const set = await fakeBrowser.alarms.get(FIGURE_STEPS_ALARM);
    expect(set?.scheduledTime).toBeGreaterThan(Date.now() + 50_000);
    await fakeBrowser.alarms.create(FIGURE_STEPS_ALARM, { when: Date.now() + 3_600_000 });
    await keepFigureStepsRenewed();
    expect((await fakeBrowser.alarms.get(FIGURE_STEPS_ALARM))?.scheduledTime).toBeGreaterThan(
      Date.now() + 3_000_000,
    );
  });

  it('tells a write of the log alone from Baton writing both', () => {
    expect(logChangedAlone({ events: {} }, 'local')).toBe(true);
    expect(logChangedAlone({ events: {}, eventDigest: {} }, 'local')).toBe(false);
    expect(logChangedAlone({ outbox: {} }, 'local')).toBe(false);
    expect(logChangedAlone({ events: {} }, 'session')).toBe(false);
  });
});
