// @vitest-environment happy-dom
import { act } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { formats } from '../../../components/popup/format';
import { HOT_SHOWN, HotPotatoes } from '../../../components/popup/hot-potatoes';
import type { HotPotato } from '../../../lib/metrics/aggregate';
import { useLocale } from '../support/i18n';
import { reactRoot } from '../support/react-root';

const NOW = Date.parse('2026-11-23T12:00:00Z');
const mounted = reactRoot();

beforeEach(() => {
  fakeBrowser.reset();
  useLocale('en');
});

const tickets = (count: number): HotPotato[] =>
  Array.from({ length: count }, (_, i) => ({
    site: 'jira',
    ticketKey: `ACME-${i + 1}`,
    url: `https://acme.atlassian.net/browse/ACME-${i + 1}`,
    count: 3,
    lastAt: NOW - i * 60_000,
  }));

const listed = () =>
  [...mounted.container.querySelectorAll('ol.hot a.ticket')].map((a) => a.firstChild?.textContent);

describe('hot potatoes in the popup', () => {
  it('lists the newest few and shows all of a long list on request', () => {
    act(() => mounted.root.render(<HotPotatoes tickets={tickets(1500)} format={formats('en')} now={NOW} />));
    expect(listed()).toHaveLength(HOT_SHOWN);
    expect(listed()[0]).toBe('ACME-1');
    const more = [...mounted.container.querySelectorAll('button')].find(
      (b) => b.textContent === 'Show all 1,500 tickets',
    );
    if (!more) throw new Error('no "Show all" button');
    act(() => more.click());
    expect(listed()).toHaveLength(1500);
    expect(mounted.container.querySelector('button')).toBeNull();
  });

  it('offers nothing more when every ticket is already listed', () => {
    act(() =>
      mounted.root.render(<HotPotatoes tickets={tickets(HOT_SHOWN)} format={formats('en')} now={NOW} />),
    );
    expect(listed()).toHaveLength(HOT_SHOWN);
    expect(mounted.container.querySelector('button')).toBeNull();
  });
  it("marks the host's own count, and lists a ticket only the host says was passed around", () => {
    const seen = {
      site: 'jira',
      ticketKey: 'ACME-77',
      url: 'https://acme.atlassian.net/browse/ACME-77',
      count: 4,
      at: NOW - 60_000,
    };
    act(() =>
      mounted.root.render(
        <HotPotatoes tickets={tickets(1)} hostCounts={[seen]} format={formats('en')} now={NOW} />,
      ),
    );
    expect(listed()).toEqual(['ACME-1', 'ACME-77']);
    const items = [...mounted.container.querySelectorAll('ol.hot li')];
    expect(items[1]?.querySelector('.host-count')?.textContent).toBe('host: 4 changes');
    expect(items[1]?.querySelector('.count')).toBeNull();
    expect(items[0]?.querySelector('.host-count')).toBeNull();
  });
});
