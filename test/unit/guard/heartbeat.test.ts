// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startHeartbeat } from '../../../lib/guard/heartbeat';
import { HEARTBEAT_MS } from '../../../lib/guard/net-protocol';
import type { ContentScriptContext } from '../../../lib/host-page/page-context';
import { fakeLink, liveContext } from '../support/guard-parts';

// While a dialog is open the MAIN-world net hears from the guard every second, and the guard notices
// its extension going away.

let ctx: ContentScriptContext;

beforeEach(() => {
  vi.useFakeTimers();
  ctx = liveContext();
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the heartbeat', () => {
  it('beats at once and every second, and says idle when stopped', () => {
    const log: string[] = [];
    const stop = startHeartbeat(ctx, fakeLink(log));
    vi.advanceTimersByTime(3 * HEARTBEAT_MS);
    stop();
    vi.advanceTimersByTime(3 * HEARTBEAT_MS);
    expect(log).toEqual(['net:alive', 'net:alive', 'net:alive', 'net:alive', 'net:idle']);
  });

  it('ends the script’s context when the extension is gone (updated, reloaded or removed)', () => {
    const log: string[] = [];
    const gone = vi.fn();
    ctx.onInvalidated(gone);
    startHeartbeat(ctx, fakeLink(log));
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue(undefined as never);
    vi.advanceTimersByTime(HEARTBEAT_MS);
    expect(gone).toHaveBeenCalled();
    expect(log).toEqual(['net:alive']);
  });
});
