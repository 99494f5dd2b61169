import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { recordEvents } from '../../../lib/background/metrics-store';
import type { MetricEvent } from '../../../lib/metrics/event';
import { eventsItem } from '../../../lib/storage/items';

beforeEach(() => fakeBrowser.reset());

const event = (n: number, site: string): MetricEvent => ({
  id: `e${n}`,
  site,
  ticketKey: `T-${n}`,
  outcome: 'completed',
  fieldsFilled: 6,
  at: Date.now(),
});

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
