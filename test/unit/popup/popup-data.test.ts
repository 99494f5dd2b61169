import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadHistory, loadPopupData } from '../../../components/popup/popup-data';
import { encodeDigest, encodeWeek, toColumns } from '../../../lib/metrics/digest';
import type { MetricEvent } from '../../../lib/metrics/event';
import { DAY_MS, figures, WEEK_MS } from '../../../lib/metrics/summary';
import { digestItem, eventsItem, figureDigestItem } from '../../../lib/storage/items';
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

async function storeAsTheBackgroundDoes(events: MetricEvent[]) {
  await eventsItem.set(events);
  await digestItem.set(encodeDigest(events));
  await figureDigestItem.set(encodeWeek(events, WRITTEN, WEEK_MS));
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('the popup reads the last week first', () => {
  it('shows the same main figures as the whole log, when written and days later, then gets the rest', async () => {
    const events = month();
    await storeAsTheBackgroundDoes(events);
    for (const now of [WRITTEN, WRITTEN + 2 * DAY_MS, WRITTEN + 9 * DAY_MS]) {
      const first = await loadPopupData(now);
      expect(first.complete).toBe(false);
      expect(first.week.count).toBeLessThan(events.length / 3);
      expect(figures(first.week, now)).toEqual(figures(toColumns(events), now));
    }
    expect((await loadHistory()).events).toEqual(toColumns(events));
  });

  it('reads the whole log at once when the clock has gone back before the last write', async () => {
    const events = month();
    await storeAsTheBackgroundDoes(events);
    const first = await loadPopupData(WRITTEN - DAY_MS);
    expect(first.complete).toBe(true);
    expect(first.events).toEqual(toColumns(events));
    expect(first.week).toEqual(toColumns(events));
  });

  it('reads the whole log at once when there is no digest of the last week (written by an older version)', async () => {
    const events = month();
    await eventsItem.set(events);
    await digestItem.set(encodeDigest(events));
    const first = await loadPopupData(WRITTEN);
    expect(first.complete).toBe(true);
    expect(figures(first.week, WRITTEN)).toEqual(figures(toColumns(events), WRITTEN));
  });
});
