// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { awaitOutcome } from '../../../lib/guard/reassign-outcome';
import type { ContentScriptContext } from '../../../lib/host-page/page-context';
import { liveContext } from '../support/guard-parts';

// Whether the host really performed a released reassign: the answer to its request, or what it shows.

let ctx: ContentScriptContext;

beforeEach(() => {
  vi.useFakeTimers();
  ctx = liveContext();
});

afterEach(() => {
  ctx.notifyInvalidated();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the outcome of a released reassign', () => {
  it('is done on a 2xx answer, and refused with the status otherwise (0: a network error)', async () => {
    await expect(awaitOutcome(ctx, Promise.resolve(204))).resolves.toEqual({ ok: true });
    await expect(awaitOutcome(ctx, Promise.resolve(403))).resolves.toEqual({
      ok: false,
      failure: { kind: 'reassign', status: 403 },
    });
    await expect(awaitOutcome(ctx, Promise.resolve(0))).resolves.toEqual({
      ok: false,
      failure: { kind: 'reassign', status: 0 },
    });
  });

  it('is refused when no answer comes within 20 s', async () => {
    const outcome = awaitOutcome(ctx, new Promise<number>(() => undefined));
    await vi.advanceTimersByTimeAsync(20_000);
    await expect(outcome).resolves.toEqual({ ok: false, failure: { kind: 'reassign' } });
  });

  it('is done as soon as the host shows it, where the request may not be seen', async () => {
    let shown = false;
    const landed = vi.fn(async () => shown);
    const outcome = awaitOutcome(ctx, new Promise<number>(() => undefined), landed);
    await vi.advanceTimersByTimeAsync(100);
    expect(landed).toHaveBeenCalled();
    shown = true;
    await vi.advanceTimersByTimeAsync(400);
    await expect(outcome).resolves.toEqual({ ok: true });
  });

  it('is refused when the host does not show it within 6 s', async () => {
    const outcome = awaitOutcome(ctx, new Promise<number>(() => undefined), async () => false);
    await vi.advanceTimersByTimeAsync(7000);
    await expect(outcome).resolves.toEqual({ ok: false, failure: { kind: 'reassign' } });
  });
});
