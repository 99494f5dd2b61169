// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { framePool } from '../../../lib/guard/frame-pool';
import type { ContentScriptContext } from '../../../lib/host-page/page-context';
import { liveContext } from '../support/guard-parts';
import { useLocale } from '../support/i18n';

// One checklist frame loaded ahead, when the page is idle, so that a hold's dialog shows at once.

const frames = () => document.querySelectorAll('iframe[data-baton^="checklist"]');
let ctx: ContentScriptContext;
let idle: (() => void)[];

beforeEach(() => {
  useLocale('en');
  ctx = liveContext();
  idle = [];
  vi.spyOn(ctx, 'requestIdleCallback').mockImplementation((callback) => {
    idle.push(() => callback({ didTimeout: false, timeRemaining: () => 50 }));
    return idle.length;
  });
});

afterEach(() => {
  ctx.notifyInvalidated();
  for (const frame of frames()) frame.remove();
  vi.restoreAllMocks();
});

describe('the frame loaded ahead', () => {
  it('is loaded once the page is idle, once however often it is planned, and taken by the next hold', () => {
    const pool = framePool(ctx);
    pool.plan();
    pool.plan();
    expect(frames()).toHaveLength(0);
    expect(idle).toHaveLength(1);
    idle[0]?.();
    expect(frames()).toHaveLength(1);
    const loaded = frames()[0];
    expect(pool.take().element).toBe(loaded);
    // Taken: the hold after it gets a frame of its own.
    expect(pool.take().element).not.toBe(loaded);
  });

  it('is loaded for the next reassign while a hold shows its own, and a hold with none gets a new frame', () => {
    const pool = framePool(ctx);
    const shown = pool.take();
    expect(shown.element.isConnected).toBe(true);
    pool.plan();
    idle[0]?.();
    expect(frames()).toHaveLength(2);
    const loaded = frames()[1];
    expect(pool.take().element).toBe(loaded);
    expect(loaded).not.toBe(shown.element);
  });

  it('is loaded at once when a reassign is pressed, once, and the idle plan adds no second one', () => {
    const pool = framePool(ctx);
    pool.plan();
    pool.prepareNow();
    pool.prepareNow();
    expect(frames()).toHaveLength(1);
    idle[0]?.();
    expect(frames()).toHaveLength(1);
    expect(pool.take().element).toBe(frames()[0]);
  });

  it('goes with the extension', () => {
    const pool = framePool(ctx);
    pool.plan();
    idle[0]?.();
    pool.dispose();
    expect(frames()).toHaveLength(0);
  });
});
