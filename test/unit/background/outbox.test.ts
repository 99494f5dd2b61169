import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { backoffMs, isPermanent, noteFailedAttempt, removeEntry } from '../../../lib/background/outbox';
import type { PostFailure } from '../../../lib/messaging';
import { outboxItem } from '../../../lib/storage/items';
import { outboxEntry } from './outbox-entry';

const MIDDLE = 0.5;

describe('outbox backoff', () => {
  it('doubles from 30 s up to an hour', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, { kind: 'offline' }, MIDDLE))).toEqual([
      30_000, 60_000, 120_000, 240_000,
    ]);
    expect(backoffMs(20, { kind: 'http', status: 500 }, MIDDLE)).toBe(60 * 60 * 1000);
  });

  it('spreads each wait by up to a fifth either way, so failures that came together do not retry together', () => {
    expect(backoffMs(1, { kind: 'offline' }, 0)).toBe(24_000);
    expect(backoffMs(1, { kind: 'offline' }, 0.999_999)).toBe(36_000);
    const waits = new Set(Array.from({ length: 50 }, () => backoffMs(3, { kind: 'offline' })));
    expect(waits.size).toBeGreaterThan(1);
    for (const wait of waits) {
      expect(wait).toBeGreaterThanOrEqual(96_000);
      expect(wait).toBeLessThanOrEqual(144_000);
    }
  });

  it('waits at least as long as Retry-After asks', () => {
    expect(backoffMs(1, { kind: 'http', status: 429, retryAfterSeconds: 600 }, 0.999)).toBe(600_000);
    expect(backoffMs(5, { kind: 'http', status: 429, retryAfterSeconds: 10 }, MIDDLE)).toBe(480_000);
  });
});

describe('a comment the host refused for good', () => {
  it.each<[PostFailure, boolean]>([
    [{ kind: 'http', status: 400, detail: 'comment: invalid' }, true],
    [{ kind: 'http', status: 404 }, true],
    [{ kind: 'http', status: 410 }, true],
    [{ kind: 'http', status: 422 }, true],
    [{ kind: 'http', status: 401 }, false],
    [{ kind: 'http', status: 403 }, false],
    [{ kind: 'http', status: 409 }, false],
    [{ kind: 'http', status: 429, retryAfterSeconds: 60 }, false],
    [{ kind: 'http', status: 503 }, false],
    [{ kind: 'offline' }, false],
    [{ kind: 'logged_out' }, false],
  ])('%j is permanent: %s', (failure, permanent) => {
    expect(isPermanent(failure)).toBe(permanent);
  });
});

const entry = (handoffId: string, ticketKey: string) => outboxEntry(handoffId, ticketKey);

describe('an outbox entry after an attempt', () => {
  const NOW = Date.parse('2026-11-24T12:00:00Z');
  beforeEach(async () => {
    fakeBrowser.reset();
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    // Same handoff on two tickets, and another handoff on the first ticket: only the named one may change.
    await outboxItem.set([entry('h1', 'ACME-1'), entry('h1', 'ACME-2'), entry('h2', 'ACME-1')]);
    return () => vi.useRealTimers();
  });

  it('is taken out once the host has the comment, and only that entry', async () => {
    await removeEntry({ handoffId: 'h1', ticketKey: 'ACME-1' });
    expect((await outboxItem.get()).map((e) => [e.handoffId, e.ticketKey])).toEqual([
      ['h1', 'ACME-2'],
      ['h2', 'ACME-1'],
    ]);
  });

  it('counts a failure, keeps it for the popup and waits the backoff before the next attempt', async () => {
    const failure: PostFailure = { kind: 'http', status: 429, retryAfterSeconds: 600 };
    await noteFailedAttempt({ handoffId: 'h1', ticketKey: 'ACME-2' }, failure);
    await noteFailedAttempt({ handoffId: 'h1', ticketKey: 'ACME-2' }, { kind: 'offline' });
    const [first, second, other] = await outboxItem.get();
    expect(second).toMatchObject({ attempts: 2, lastFailure: { kind: 'offline' } });
    // The second wait doubles from 30 s, a fifth either way.
    expect(second?.nextAttemptAt).toBeGreaterThanOrEqual(NOW + 48_000);
    expect(second?.nextAttemptAt).toBeLessThanOrEqual(NOW + 72_000);
    expect(first).toEqual(entry('h1', 'ACME-1'));
    expect(other).toEqual(entry('h2', 'ACME-1'));
  });
});
