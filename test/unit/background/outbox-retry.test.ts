import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { backoffMs, isPermanent, retryDue, retryOutboxEntry } from '../../../lib/background/outbox-retry';
import type { PostFailure } from '../../../lib/messaging';
import { type OutboxEntry, outboxItem } from '../../../lib/storage/items';

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

const entry = (ticketKey: string, lastFailure?: PostFailure): OutboxEntry => ({
  handoffId: `h-${ticketKey}`,
  holdId: `hold-${ticketKey}`,
  site: 'jira',
  origin: 'https://acme.atlassian.net',
  ticketKey,
  body: { type: 'doc' },
  summaryText: 'summary',
  createdAt: 0,
  attempts: lastFailure ? 3 : 0,
  nextAttemptAt: 0,
  released: true,
  ...(lastFailure ? { lastFailure } : {}),
});

describe('retrying the outbox', () => {
  let posted: string[];
  beforeEach(() => {
    fakeBrowser.reset();
    posted = [];
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 3, status: 'complete' }] as never);
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (
      _tab: number,
      message: { ticketKey: string },
    ) => {
      posted.push(message.ticketKey);
      return { ok: false, failure: { kind: 'http', status: 503 } };
    }) as never);
  });

  it('stops on its own for a refused comment, still tries the others, and leaves both listed', async () => {
    await outboxItem.set([
      entry('GONE-1', { kind: 'http', status: 404 }),
      entry('BAD-1', { kind: 'http', status: 422 }),
      entry('DOWN-1', { kind: 'http', status: 503 }),
    ]);
    await retryDue(Date.now());
    expect(posted).toEqual(['DOWN-1']);
    expect((await outboxItem.get()).map((e) => e.ticketKey)).toEqual(['GONE-1', 'BAD-1', 'DOWN-1']);
  });

  it('still posts a refused comment when the user asks for it from the popup', async () => {
    await outboxItem.set([entry('GONE-1', { kind: 'http', status: 404 })]);
    await retryOutboxEntry({ handoffId: 'h-GONE-1', ticketKey: 'GONE-1' });
    expect(posted).toEqual(['GONE-1']);
  });
});
