// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ChecklistFrame } from '../../../lib/guard/checklist-frame';
import { type HoldRequest, type Holds, holds as openHolds } from '../../../lib/guard/holds';
import type { Outcome } from '../../../lib/guard/reassign-outcome';
import type { ContentScriptContext } from '../../../lib/host-page/page-context';
import { answerAsksWith } from '../support/ask-port';
import { fakeFrames, issueContext, liveContext, stubAdapter } from '../support/guard-parts';

// The one hold open on a page: its dialog opens with the background told, and ends exactly once.

const context = issueContext;
const adapter = stubAdapter();

let ctx: ContentScriptContext;
let log: string[];
let sent: { type: string; holdId?: string; held?: { id: string } }[];
let enforced: boolean;
let holds: Holds;

function frame(): ChecklistFrame {
  return {
    element: document.createElement('iframe'),
    ready: Promise.resolve(7),
    show: () => log.push('frame:show'),
    poke: () => log.push('frame:poke'),
    changed: () => log.push('frame:changed'),
    focus: () => log.push('frame:focus'),
    close: () => log.push('frame:close'),
    remove: () => log.push('frame:remove'),
  } as ChecklistFrame;
}

function request(outcomes: Outcome[] = [{ ok: true }], extra: Partial<HoldRequest> = {}): HoldRequest {
  return {
    via: 'ui',
    tickets: ['ACME-1'],
    context,
    release: async () => {
      log.push('release');
      return outcomes.shift() ?? { ok: true };
    },
    abort: () => log.push('abort'),
    ...extra,
  };
}

async function opened(): Promise<string> {
  await vi.waitFor(() => expect(sent.map((m) => m.type)).toContain('hold:open'));
  return sent.find((m) => m.type === 'hold:open')?.held?.id ?? '';
}

beforeEach(() => {
  ctx = liveContext();
  log = [];
  sent = [];
  enforced = true;
  answerAsksWith(async (message) => {
    sent.push(message as (typeof sent)[0]);
    return { ok: true };
  });
  const frames = { ...fakeFrames(), take: frame, prepareNow: () => log.push('frames:prepare') };
  holds = openHolds({
    ctx,
    adapter,
    enforced: () => enforced,
    frames,
    watch: () => {
      log.push('heartbeat');
      return () => log.push('heartbeat:stop');
    },
    listen: () => log.push('listen'),
  });
});

afterEach(() => {
  ctx.notifyInvalidated();
  vi.restoreAllMocks();
});

describe('a hold', () => {
  it('shows its frame, hears the background, and tells it about the hold with the frame’s id', async () => {
    void holds.start(request());
    const id = await opened();
    expect(sent[0]).toMatchObject({
      type: 'hold:open',
      frameId: 7,
      held: { id, site: 'jira', via: 'ui', tickets: ['ACME-1'] },
    });
    expect(log).toEqual(['frame:show', 'heartbeat', 'listen', 'frame:poke']);
    expect(holds.busy()).toBe(true);
  });

  it('ends once the host has done the reassign: dialog gone, the tab announces it, a frame is loaded ahead', async () => {
    void holds.start(request());
    const id = await opened();
    await expect(holds.release(id, true)).resolves.toEqual({ ok: true });
    expect(log.slice(-4)).toEqual(['release', 'heartbeat:stop', 'frame:close', 'frames:prepare']);
    await vi.waitFor(() => expect(sent.at(-1)).toEqual({ type: 'hold:done', holdId: id }));
    expect(holds.busy()).toBe(false);
    await expect(holds.release(id, true)).resolves.toEqual({ ok: false, failure: { kind: 'lost' } });
  });

  it('stays open when the host refuses, so that the user may retry', async () => {
    const refusal: Outcome = { ok: false, failure: { kind: 'reassign', status: 409 } };
    void holds.start(request([refusal, { ok: true }]));
    const id = await opened();
    await expect(holds.release(id, true)).resolves.toEqual(refusal);
    expect(holds.busy()).toBe(true);
    await expect(holds.release(id, false)).resolves.toEqual({ ok: true });
    expect(sent.map((m) => m.type)).toEqual(['hold:open']);
  });

  it('releases once when Complete is pressed twice', async () => {
    void holds.start(request());
    const id = await opened();
    await Promise.all([holds.release(id, true), holds.release(id, true)]);
    expect(log.filter((entry) => entry === 'release')).toEqual(['release']);
  });

  it('aborted, leaves the host as it was', async () => {
    void holds.start(request());
    const id = await opened();
    expect(holds.abort(id)).toBe(true);
    expect(log.slice(-4)).toEqual(['heartbeat:stop', 'frame:close', 'frames:prepare', 'abort']);
    expect(holds.abort(id)).toBe(false);
  });

  it('goes through as if Baton were off when the settings turn it off, unless its comment is posting', async () => {
    void holds.start(request());
    const id = await opened();
    enforced = false;
    holds.posting(id);
    holds.releaseIfOff();
    expect(holds.busy()).toBe(true);

    holds.abort(id);
    enforced = true;
    void holds.start(request());
    await vi.waitFor(() => expect(sent.filter((m) => m.type === 'hold:open')).toHaveLength(2));
    enforced = false;
    holds.releaseIfOff();
    expect(holds.busy()).toBe(false);
    expect(log.at(-1)).toBe('release');
    await vi.waitFor(() => expect(sent.at(-1)?.type).toBe('hold:off'));
  });

  it('leaves the host as it was when the background cannot be reached', async () => {
    vi.spyOn(fakeBrowser.runtime, 'connect').mockImplementation(() => {
      throw new Error('Extension context invalidated');
    });
    await holds.start(request());
    expect(log).toContain('abort');
    expect(holds.busy()).toBe(false);
  });

  it('does not open when Baton was turned off meanwhile: the reassign goes through', async () => {
    enforced = false;
    await holds.start(request());
    expect(log).toEqual(['release']);
    expect(sent).toEqual([]);
  });
});
