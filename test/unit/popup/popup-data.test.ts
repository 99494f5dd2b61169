import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { loadHistory, loadPopupData } from '../../../components/popup/popup-data';
import { refreshDigest } from '../../../lib/background/metrics-store';
import { encodeDigest, toColumns } from '../../../lib/metrics/digest';
import type { MetricEvent } from '../../../lib/metrics/event';
import { DAY_MS, figures } from '../../../lib/metrics/summary';
import { digestItem, eventsItem } from '../../../lib/storage/items';
import { KEYS } from '../../../lib/storage/keys';
import { metricEvent } from '../metrics/events';

const WRITTEN = Date.parse('2026-11-23T12:00:00Z');

/** Thirty days of handoffs, one every ~4 hours, with every outcome and a spread of fill times. */
function month(): MetricEvent[] {
  const outcomes = ['completed', 'completed', 'cancelled', 'bypassed', 'post_failed'] as const;
  return Array.from({ length: 180 }, (_, i) => {
    const outcome = outcomes[i % outcomes.length] as MetricEvent['outcome'];
    return metricEvent(WRITTEN - 30 * DAY_MS + i * 4 * 60 * 60 * 1000, {
      outcome,
      ...(outcome === 'completed' ? { fillMs: 20_000 + ((i * 7919) % 180_000) } : {}),
    });
  });
}

/** The log, and the digests the background writes of it at WRITTEN. */
async function storeAsTheBackgroundDoes(events: MetricEvent[]) {
  vi.setSystemTime(WRITTEN);
  await eventsItem.set(events);
  await refreshDigest();
  vi.useRealTimers();
}

const figuresOfLog = (events: MetricEvent[], now: number) => figures(toColumns(events), now);

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the popup reads its main figures first', () => {
  it('shows the same main figures as the whole log, when written and days later, then gets the rest', async () => {
    const events = month();
    await storeAsTheBackgroundDoes(events);
    for (const now of [WRITTEN, WRITTEN + 60 * 60 * 1000, WRITTEN + 2 * DAY_MS, WRITTEN + 9 * DAY_MS]) {
      const first = await loadPopupData(now);
      expect(first.complete).toBe(false);
      expect(first.figures).toEqual(figuresOfLog(events, now));
    }
    expect((await loadHistory()).events).toEqual(toColumns(events));
  });

  it('needs neither the log nor its digests while the figures worked out ahead reach now', async () => {
    const events = month();
    await storeAsTheBackgroundDoes(events);
    await storage.removeItems([KEYS.events, KEYS.eventDigest, KEYS.figureDigest]);
    const first = await loadPopupData(WRITTEN + DAY_MS);
    expect(first.figures).toEqual(figuresOfLog(events, WRITTEN + DAY_MS));
    expect(first.figures.guarded).toBeGreaterThan(30);
  });

  it('counts the last week itself when there are no figures worked out ahead (written by an older version)', async () => {
    const events = month();
    await storeAsTheBackgroundDoes(events);
    await storage.removeItems([KEYS.figureSteps, KEYS.events, KEYS.eventDigest]);
    const first = await loadPopupData(WRITTEN + DAY_MS);
    expect(first.complete).toBe(false);
    expect(first.figures).toEqual(figuresOfLog(events, WRITTEN + DAY_MS));
  });

  it('reads the whole log at once when the clock has gone back before the last write', async () => {
    const events = month();
    await storeAsTheBackgroundDoes(events);
    const first = await loadPopupData(WRITTEN - DAY_MS);
    expect(first.complete).toBe(true);
    expect(first.events).toEqual(toColumns(events));
    expect(first.figures).toEqual(figuresOfLog(events, WRITTEN - DAY_MS));
  });

  it('reads the whole log at once when there is no digest of the last week (written by an older version)', async () => {
    const events = month();
    await eventsItem.set(events);
    await digestItem.set(encodeDigest(events));
    const first = await loadPopupData(WRITTEN);
    expect(first.complete).toBe(true);
    expect(first.figures).toEqual(figuresOfLog(events, WRITTEN));
  });
});
