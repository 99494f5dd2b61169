// @vitest-environment happy-dom
import { act } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { formats } from '../../../components/popup/format';
import { TrendChart } from '../../../components/popup/trend-chart';
import { aggregate } from '../../../lib/metrics/aggregate';
import { metricEvent } from '../metrics/events';
import { useLocale } from '../support/i18n';
import { reactRoot } from '../support/react-root';

const NOW = Date.parse('2026-11-23T12:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const mounted = reactRoot();

beforeEach(() => {
  fakeBrowser.reset();
  useLocale('en');
});

describe('the trend chart in the popup', () => {
  it('builds its table of numbers when it is first opened, and keeps it', () => {
    const result = aggregate([metricEvent(NOW - DAY), metricEvent(NOW - DAY), metricEvent(NOW - 3 * DAY)], {
      now: NOW,
      zone: 'UTC',
    });
    act(() => mounted.root.render(<TrendChart aggregate={result} format={formats('en')} />));
    const details = mounted.container.querySelector('details') as HTMLDetailsElement;
    expect(details.querySelector('summary')?.textContent).toBe('Show the numbers');
    expect(details.querySelector('table')).toBeNull();

    const toggle = (open: boolean) =>
      act(() => {
        details.open = open;
        details.dispatchEvent(new Event('toggle'));
      });
    toggle(true);
    const rows = [...details.querySelectorAll('tbody tr')];
    expect(rows).toHaveLength(result.days.length);
    expect(rows[1]?.querySelector('td')?.textContent).toBe('2');
    toggle(false);
    expect(details.querySelector('table')).not.toBeNull();
  });
});
