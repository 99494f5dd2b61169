// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext, type PageContext } from '../../../lib/host-page/page-context';

// Baton's stand-in for WXT's content-script context on host pages (wxt.config.ts): it must end what the
// guard started once the extension is gone, and otherwise stay out of the way.

beforeEach(() => {
  // An extension that is there, as the page sees it; happy-dom has no idle callbacks.
  fakeBrowser.runtime.id = 'baton';
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 3,
    name: 'Baton',
    version: '1.0.0',
  });
  window.requestIdleCallback ??= (callback) =>
    window.setTimeout(() => callback({ didTimeout: false, timeRemaining: () => 50 }));
  window.cancelIdleCallback ??= (id) => window.clearTimeout(id);
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

/** A context with a timer due in 1 s and a resize listener, and what each has seen. */
function contextInUse() {
  const ctx = new ContentScriptContext();
  const timed = vi.fn();
  const heard = vi.fn();
  ctx.setTimeout(timed, 1000);
  ctx.addEventListener(window, 'resize', heard);
  return { ctx, timed, heard };
}

/** What the extension going away looks like from an orphaned content script. */
function extensionGoesAway() {
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockImplementation(() => {
    throw new Error('Extension context invalidated.');
  });
}

describe("the host pages' content-script context", () => {
  it('is valid while the extension is there, and takes the same shape as WXT gives the guard', () => {
    const ctx: PageContext = new ContentScriptContext();
    expect(ctx.isInvalid).toBe(false);
    expect(ctx.signal.aborted).toBe(false);
  });

  it('notices the extension gone when asked, once, and ends timers, listeners and callbacks', () => {
    vi.useFakeTimers();
    const { ctx, timed, heard } = contextInUse();
    const ended = vi.fn();
    ctx.onInvalidated(ended);

    extensionGoesAway();
    expect(ctx.isInvalid).toBe(true);
    expect(ctx.isInvalid).toBe(true);
    expect(ended).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(2000);
    window.dispatchEvent(new Event('resize'));
    expect(timed).not.toHaveBeenCalled();
    expect(heard).not.toHaveBeenCalled();
  });

  it('runs its timers and listeners while valid; a removed onInvalidated callback is not called', () => {
    vi.useFakeTimers();
    const { ctx, timed, heard } = contextInUse();
    const removed = vi.fn();
    ctx.onInvalidated(removed)();
    vi.advanceTimersByTime(1000);
    window.dispatchEvent(new Event('resize'));
    expect(timed).toHaveBeenCalledTimes(1);
    expect(heard).toHaveBeenCalledTimes(1);
    ctx.notifyInvalidated();
    expect(removed).not.toHaveBeenCalled();
    expect(ctx.isInvalid).toBe(true);
  });

  it('does not run an idle callback once invalidated', async () => {
    const ctx = new ContentScriptContext();
    const idle = vi.fn();
    ctx.requestIdleCallback(idle);
    ctx.notifyInvalidated();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(idle).not.toHaveBeenCalled();
  });
});
