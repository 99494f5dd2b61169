import { describe, expect, it } from 'vitest';
import { backoffMs } from '../../../lib/background/outbox-retry';

describe('outbox backoff', () => {
  it('doubles from 30 s up to an hour', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, { kind: 'offline' }))).toEqual([
      30_000, 60_000, 120_000, 240_000,
    ]);
    expect(backoffMs(20, { kind: 'http', status: 500 })).toBe(60 * 60 * 1000);
  });

  it('waits at least as long as Retry-After asks', () => {
    expect(backoffMs(1, { kind: 'http', status: 429, retryAfterSeconds: 600 })).toBe(600_000);
    expect(backoffMs(5, { kind: 'http', status: 429, retryAfterSeconds: 10 })).toBe(480_000);
  });
});
