// @vitest-environment happy-dom
import { act } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { formats } from '../../../components/popup/format';
import { OutboxList } from '../../../components/popup/outbox-list';
import type { PostFailure } from '../../../lib/messaging';
import type { OutboxEntry } from '../../../lib/storage/items';
import { useLocale } from '../support/i18n';
import { reactRoot } from '../support/react-root';

const NOW = Date.parse('2026-11-23T12:00:00Z');
const mounted = reactRoot();

beforeEach(() => {
  fakeBrowser.reset();
});

const entry = (ticketKey: string, lastFailure: PostFailure): OutboxEntry => ({
  handoffId: `h-${ticketKey}`,
  holdId: `hold-${ticketKey}`,
  site: 'zendesk',
  origin: 'https://acme.zendesk.com',
  ticketKey,
  body: '<p>x</p>',
  summaryText: 'summary',
  createdAt: NOW - 3_600_000,
  attempts: 2,
  nextAttemptAt: NOW,
  released: true,
  lastFailure,
});

const itemText = (ticketKey: string) =>
  [...mounted.container.querySelectorAll('.outbox li')].find((li) => li.textContent?.includes(ticketKey))
    ?.textContent ?? '';

describe('the popup outbox', () => {
  it.each([
    ['en', 'The host refused this comment for good'],
    ['ko', '재시도를 멈췄습니다'],
  ] as const)('says in %s which comments need a hand and which are still retried', (locale, needsHand) => {
    useLocale(locale);
    act(() =>
      mounted.root.render(
        <OutboxList
          entries={[entry('404', { kind: 'http', status: 404 }), entry('503', { kind: 'http', status: 503 })]}
          format={formats(locale)}
          now={NOW}
        />,
      ),
    );
    expect(itemText('404')).toContain(needsHand);
    expect(itemText('503')).not.toContain(needsHand);
  });
});
