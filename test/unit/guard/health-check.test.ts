// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scheduleHealthCheck } from '../../../lib/guard/health-check';
import type { ContentScriptContext } from '../../../lib/host-page/page-context';
import { answerAsksWith } from '../support/ask-port';
import { liveContext, stubAdapter } from '../support/guard-parts';

// The page elements an adapter expects and does not find are reported, well after the page has loaded.

let ctx: ContentScriptContext;
let sent: unknown[];

function adapter(missing: string[] | null) {
  return stubAdapter({ id: 'zendesk', missingElements: () => missing });
}

beforeEach(() => {
  vi.useFakeTimers();
  ctx = liveContext();
  sent = [];
  answerAsksWith(async (message) => {
    sent.push(message);
    return { ok: true };
  });
  vi.spyOn(ctx, 'requestIdleCallback').mockImplementation((callback) => {
    callback({ didTimeout: false, timeRemaining: () => 50 });
    return 1;
  });
});

afterEach(() => {
  ctx.notifyInvalidated();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the health check', () => {
  it('reports what is missing 4 s after the page has loaded, when it is idle, hearing the background first', async () => {
    const listen = vi.fn();
    scheduleHealthCheck(ctx, adapter(['assignee field']), listen);
    await vi.advanceTimersByTimeAsync(3999);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(listen).toHaveBeenCalled();
    expect(sent).toEqual([{ type: 'health:report', site: 'zendesk', missing: ['assignee field'] }]);
  });

  it('reports nothing on a page the adapter finds whole, or does not know', async () => {
    scheduleHealthCheck(ctx, adapter(null), () => undefined);
    await vi.advanceTimersByTimeAsync(5000);
    expect(sent).toEqual([]);
  });
});
