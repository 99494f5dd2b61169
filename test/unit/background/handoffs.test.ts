import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  abandonHoldsOfTab,
  cancelHold,
  completeContext,
  completeHold,
  dropHoldTurnedOff,
  findMine,
  openHold,
  releaseWithoutComment,
  saveDraft,
  strandUnposted,
} from '../../../lib/background/handoffs';
import { retryDue, retryOutboxEntry } from '../../../lib/background/outbox-retry';
import type { HeldAction, PostResult } from '../../../lib/messaging';
import { draftsItem, eventsItem, holdsItem, outboxItem } from '../../../lib/storage/items';
import { useLocale } from '../support/i18n';
import { slowManagedStorage } from '../support/slow-managed';

const TAB = 7;
/** The checklist frame that shows the hold, as it reported itself to the content script. */
const FRAME = 3;

const held: HeldAction = {
  id: 'hold-1',
  site: 'jira',
  via: 'ui',
  tickets: ['ACME-1'],
  context: {
    site: 'jira',
    ticketKey: 'ACME-1',
    title: 'Checkout fails',
    url: 'https://acme.atlassian.net/browse/ACME-1',
    from: { name: 'Alice Park' },
    to: { id: 'b0b', name: 'Bob Chen' },
    at: '2026-11-23T10:00:00.000Z',
  },
};

const answers = {
  reason: 'expertise',
  situation: 'Customer cannot pay with saved cards.',
  impact: 'Acme Corp',
  done: 'Reproduced on staging.',
  next: 'Check the tokeniser logs.',
  told: 'Update by 5 pm.',
};

type Sent = { type: string; [key: string]: unknown };
let sent: Sent[];
let postResults: PostResult[];

beforeEach(() => {
  fakeBrowser.reset();
  useLocale('en');
  sent = [];
  postResults = [];
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (_tabId: number, message: Sent) => {
    // What the background tells the tab's content script; the hold handed to the checklist frame is
    // tested on its own.
    if (message.type === 'hold:yours') return undefined;
    sent.push(message);
    if (message.type === 'hold:post') return postResults.shift() ?? { ok: true };
    return { ok: true };
  }) as never);
  vi.spyOn(fakeBrowser.action, 'setBadgeText').mockResolvedValue(undefined);
  vi.spyOn(fakeBrowser.action, 'setBadgeBackgroundColor').mockResolvedValue(undefined);
  vi.spyOn(fakeBrowser.action, 'setTitle').mockResolvedValue(undefined);
});

describe('a held reassign in the background', () => {
  it('is shown with its template, enforcement and draft', async () => {
    await openHold({ held, frameId: FRAME }, TAB, 0);
    await saveDraft({ holdId: held.id, answers: { situation: 'half typed' } }, TAB);
    expect(await findMine(TAB, FRAME)).toMatchObject({
      found: true,
      held: { id: held.id, context: { ticketKey: 'ACME-1' } },
      template: { fields: expect.arrayContaining([expect.objectContaining({ id: 'situation' })]) },
      enforcement: 'block',
      draft: { situation: 'half typed' },
    });
  });

  it('is named to the checklist frame its content script opened it for, and to no other frame or tab', async () => {
    vi.useFakeTimers();
    try {
      await openHold({ held, frameId: FRAME }, TAB, 0);
      expect(await findMine(TAB, FRAME)).toMatchObject({ found: true, held: { id: held.id } });
      const otherFrame = findMine(TAB, FRAME + 1);
      const otherTab = findMine(TAB + 1, FRAME);
      await vi.advanceTimersByTimeAsync(5000);
      expect(await otherFrame).toEqual({ found: false });
      expect(await otherTab).toEqual({ found: false });
    } finally {
      vi.useRealTimers();
    }
  });

  it('tells a frame that asks before the hold is stored once it is', async () => {
    const asked = findMine(TAB, FRAME);
    await openHold({ held, frameId: FRAME }, TAB, 0);
    expect(await asked).toMatchObject({ found: true, held: { id: held.id } });
  });

  it('tells a frame that asked first what a frame asking later is told, the draft left on the ticket included', async () => {
    await openHold({ held: { ...held, id: 'hold-0' }, frameId: FRAME - 1 }, TAB, 0);
    await saveDraft({ holdId: 'hold-0', answers: { situation: 'left from before' } }, TAB);
    await cancelHold({ holdId: 'hold-0' }, TAB);
    const asked = findMine(TAB, FRAME);
    await openHold({ held, frameId: FRAME }, TAB, 0);
    const first = await asked;
    expect(first).toMatchObject({
      found: true,
      enforcement: 'block',
      draft: { situation: 'left from before' },
    });
    expect(first).toEqual(await findMine(TAB, FRAME));
  });

  it('answers a frame that asked first before the hold is written, and what the frame asks next finds the hold', async () => {
    const original = fakeBrowser.storage.session.set.bind(fakeBrowser.storage.session);
    let release = () => {};
    const written = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slowWrite = vi.spyOn(fakeBrowser.storage.session, 'set').mockImplementation(async (items) => {
      if ('holds' in items) await written;
      return original(items);
    });
    try {
      const asked = findMine(TAB, FRAME);
      const opening = openHold({ held, frameId: FRAME }, TAB, 0);
      expect(await asked).toMatchObject({ found: true, held: { id: held.id } });
      const saving = saveDraft({ holdId: held.id, answers: { situation: 'typed at once' } }, TAB);
      release();
      expect(await opening).toEqual({ ok: true });
      expect(await saving).toEqual({ ok: true });
      expect(await findMine(TAB, FRAME)).toMatchObject({
        found: true,
        draft: { situation: 'typed at once' },
      });
    } finally {
      release();
      slowWrite.mockRestore();
    }
  });

  it('answers a frame that asks only after its hold was opened from what was opened, without reading it back', async () => {
    await openHold({ held, frameId: FRAME }, TAB, 0);
    const reads = vi.spyOn(fakeBrowser.storage.session, 'get');
    const localReads = vi.spyOn(fakeBrowser.storage.local, 'get');
    try {
      expect(await findMine(TAB, FRAME)).toMatchObject({
        found: true,
        held: { id: held.id },
        enforcement: 'block',
        template: { id: 'service-handoff' },
      });
      expect([reads.mock.calls.length, localReads.mock.calls.length]).toEqual([0, 0]);
    } finally {
      reads.mockRestore();
      localReads.mockRestore();
    }
  });

  it('hands a frame that has not asked yet its hold unasked, to that frame of its tab only', async () => {
    const pushed: unknown[][] = [];
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (...call: unknown[]) => {
      pushed.push(call);
    }) as never);
    // Sent to every Baton page, the hold reached every checklist frame of every open tab, and each read
    // it before the one it was meant for could (tens of ms with a few host tabs open).
    const broadcast = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    await openHold({ held, frameId: FRAME }, TAB, 0);
    expect(pushed).toEqual([
      [
        TAB,
        expect.objectContaining({
          type: 'hold:yours',
          tabId: TAB,
          frameId: FRAME,
          hold: expect.objectContaining({ found: true, held, enforcement: 'block' }),
        }),
        { frameId: FRAME },
      ],
    ]);
    expect(broadcast).not.toHaveBeenCalled();
    // A frame that asked first is answered, and not handed the hold a second time.
    pushed.length = 0;
    const asked = findMine(TAB, FRAME + 1);
    await openHold({ held: { ...held, id: 'hold-2' }, frameId: FRAME + 1 }, TAB, 0);
    expect(await asked).toMatchObject({ found: true, held: { id: 'hold-2' } });
    expect(pushed).toEqual([]);
  });

  it('does not show a frame that asks late a hold that has ended or changed meanwhile', async () => {
    await openHold({ held, frameId: FRAME }, TAB, 0);
    await cancelHold({ holdId: held.id }, TAB);
    vi.useFakeTimers();
    try {
      const asked = findMine(TAB, FRAME);
      await vi.advanceTimersByTimeAsync(5000);
      expect(await asked).toEqual({ found: false });
    } finally {
      vi.useRealTimers();
    }
    const read = { ...held.context, to: { id: 'acc-bob-42', name: 'Bob Chen' } };
    await openHold({ held: { ...held, id: 'hold-2' }, frameId: FRAME, contextPending: true }, TAB, 0);
    await completeContext({ holdId: 'hold-2', context: read }, TAB, 0);
    expect(await findMine(TAB, FRAME)).toMatchObject({ held: { context: { to: { id: 'acc-bob-42' } } } });
  });

  it('hears of a hold handed over while its frame was still reading the holds', async () => {
    const original = fakeBrowser.storage.session.get.bind(fakeBrowser.storage.session);
    let reads = 0;
    const slowFirstRead = vi.spyOn(fakeBrowser.storage.session, 'get').mockImplementation((async (
      keys: Parameters<typeof original>[0],
    ) => {
      const value = await original(keys);
      if (reads++ === 0) await new Promise((resolve) => setTimeout(resolve, 50));
      return value;
    }) as typeof original);
    try {
      const asked = findMine(TAB, FRAME);
      await openHold({ held, frameId: FRAME }, TAB, 0);
      const answer = await Promise.race([
        asked,
        new Promise((resolve) => setTimeout(() => resolve('still waiting'), 1000)),
      ]);
      expect(answer).toMatchObject({ found: true, held: { id: held.id } });
    } finally {
      slowFirstRead.mockRestore();
    }
  });

  describe('whose context the page completes after the dialog opened', () => {
    const shown = { ...held, context: { ...held.context, to: { name: 'Bob Chen' } } };
    const read = { ...held.context, to: { id: 'acc-bob-42', name: 'Bob Chen' } };

    it('posts the comment with the whole context when Complete is pressed before the page read it', async () => {
      await openHold({ held: shown, frameId: FRAME, contextPending: true }, TAB, 0);
      const completing = completeHold({ holdId: held.id, answers }, TAB);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(sent).toEqual([]);
      expect(await completeContext({ holdId: held.id, context: read }, TAB, 0)).toEqual({ ok: true });
      expect(await completing).toEqual({ status: 'done' });
      expect(JSON.stringify(sent[0]?.body)).toContain('acc-bob-42');
    });

    it('posts with what it has when the page never says more', async () => {
      vi.useFakeTimers();
      try {
        await openHold({ held: shown, frameId: FRAME, contextPending: true }, TAB, 0);
        const completing = completeHold({ holdId: held.id, answers }, TAB);
        await vi.advanceTimersByTimeAsync(5000);
        expect(await completing).toEqual({ status: 'done' });
        expect(sent.map((m) => m.type)).toEqual(['hold:post']);
        expect(JSON.stringify(sent[0]?.body)).toContain('Bob Chen');
      } finally {
        vi.useRealTimers();
      }
    });

    it('takes the context only from the content script that opened the hold, and never for another ticket', async () => {
      await openHold({ held: shown, frameId: FRAME, contextPending: true }, TAB, 2);
      expect(await completeContext({ holdId: held.id, context: read }, TAB + 1, 2)).toEqual({ ok: false });
      expect(await completeContext({ holdId: held.id, context: read }, TAB, 0)).toEqual({ ok: false });
      const other = { ...read, ticketKey: 'ACME-2' };
      expect(await completeContext({ holdId: held.id, context: other }, TAB, 2)).toEqual({ ok: false });
      expect((await holdsItem.get())[held.id]?.held.context.to).toEqual({ name: 'Bob Chen' });

      expect(await completeContext({ holdId: held.id, context: read }, TAB, 2)).toEqual({ ok: true });
      expect(await findMine(TAB, FRAME)).toMatchObject({ held: { context: { to: read.to } } });
      // Once complete, it is not changed again.
      expect(await completeContext({ holdId: held.id, context: shown.context }, TAB, 2)).toEqual({
        ok: false,
      });
    });
  });

  it('posts the comment, releases with the last post, records a completed event and drops the draft', async () => {
    await openHold({ held, frameId: FRAME }, TAB, 0);
    await saveDraft({ holdId: held.id, answers }, TAB);
    expect(await completeHold({ holdId: held.id, answers }, TAB)).toEqual({ status: 'done' });
    expect(sent.map((m) => m.type)).toEqual(['hold:post']);
    expect(sent[0]).toMatchObject({ ticketKey: 'ACME-1', release: true });
    expect(await outboxItem.get()).toEqual([]);
    expect(await draftsItem.get()).toEqual({});
    expect(await holdsItem.get()).toEqual({});
    const [event] = await eventsItem.get();
    expect(event).toMatchObject({
      outcome: 'completed',
      ticketKey: 'ACME-1',
      reason: 'expertise',
      fieldsFilled: 6,
    });
  });

  it('refuses invalid answers without posting anything', async () => {
    await openHold({ held, frameId: FRAME }, TAB, 0);
    const result = await completeHold({ holdId: held.id, answers: { ...answers, situation: 'short' } }, TAB);
    expect(result).toEqual({ status: 'invalid', fields: ['situation'] });
    expect(sent).toEqual([]);
  });

  it('keeps a failed comment in the outbox and posts the same handoff on retry', async () => {
    await openHold({ held, frameId: FRAME }, TAB, 0);
    postResults.push({ ok: false, failure: { kind: 'http', status: 500, detail: 'boom' } });
    const failed = await completeHold({ holdId: held.id, answers }, TAB);
    expect(failed).toMatchObject({ status: 'failed', failure: { status: 500 } });
    expect(failed.status === 'failed' && failed.summaryText).toContain('Check the tokeniser logs.');
    const [waiting] = await outboxItem.get();
    expect(waiting).toMatchObject({ ticketKey: 'ACME-1', attempts: 1, released: false });
    expect(await findMine(TAB, FRAME)).toMatchObject({ failure: { status: 500 } });

    expect(await completeHold({ holdId: held.id, answers }, TAB)).toEqual({ status: 'done' });
    const posts = sent.filter((m) => m.type === 'hold:post');
    expect(posts).toHaveLength(2);
    expect(posts[1]?.handoffId).toBe(posts[0]?.handoffId);
    expect(await outboxItem.get()).toEqual([]);
  });

  it('releases without the comment on request, keeping the comment for later and counting post_failed', async () => {
    await openHold({ held, frameId: FRAME }, TAB, 0);
    postResults.push({ ok: false, failure: { kind: 'offline' } });
    await completeHold({ holdId: held.id, answers }, TAB);
    expect(await releaseWithoutComment({ holdId: held.id }, TAB)).toEqual({ ok: true });
    expect(sent.at(-1)).toMatchObject({ type: 'hold:release', holdId: held.id });
    expect(await outboxItem.get()).toMatchObject([{ released: true }]);
    expect((await eventsItem.get()).map((e) => e.outcome)).toEqual(['post_failed']);
  });

  it('cancels: tells the tab to drop the reassign, forgets queued comments, keeps the draft', async () => {
    await openHold({ held, frameId: FRAME }, TAB, 0);
    await saveDraft({ holdId: held.id, answers: { situation: 'keep me' } }, TAB);
    expect(await cancelHold({ holdId: held.id }, TAB)).toEqual({ ok: true });
    expect(sent).toEqual([{ type: 'hold:abort', holdId: held.id }]);
    expect(Object.values(await draftsItem.get())[0]?.answers).toEqual({ situation: 'keep me' });
    expect((await eventsItem.get()).map((e) => e.outcome)).toEqual(['cancelled']);
  });

  it('counts a hold whose tab closed as cancelled', async () => {
    await openHold({ held, frameId: FRAME }, TAB, 0);
    await abandonHoldsOfTab(TAB);
    expect(await holdsItem.get()).toEqual({});
    expect((await eventsItem.get()).map((e) => e.outcome)).toEqual(['cancelled']);
  });

  it('counts a cancel racing the tab closing once', async () => {
    await openHold({ held, frameId: FRAME }, TAB, 0);
    await Promise.all([cancelHold({ holdId: held.id }, TAB), abandonHoldsOfTab(TAB)]);
    expect(await holdsItem.get()).toEqual({});
    expect((await eventsItem.get()).map((e) => e.outcome)).toEqual(['cancelled']);
  });

  it('after an update keeps a comment that was waiting for its checklist, not posted on its own, until the popup posts it', async () => {
    await openHold({ held, frameId: FRAME }, TAB, 0);
    postResults.push({ ok: false, failure: { kind: 'offline' } });
    await completeHold({ holdId: held.id, answers }, TAB);
    // Before: the entry waited for a dialog that an update closed, and the popup could not retry it.
    expect(
      await retryOutboxEntry({
        handoffId: (await outboxItem.get())[0]?.handoffId ?? '',
        ticketKey: 'ACME-1',
      }),
    ).toEqual({ ok: false });

    await strandUnposted();
    expect(await holdsItem.get()).toEqual({});
    expect((await eventsItem.get()).map((e) => e.outcome)).toEqual(['cancelled']);
    const [kept] = await outboxItem.get();
    expect(kept).toMatchObject({ ticketKey: 'ACME-1', released: false, stranded: true });
    expect(await draftsItem.get()).not.toEqual({});

    sent = [];
    await retryDue(Date.now() + 24 * 60 * 60 * 1000);
    expect(sent).toEqual([]);

    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: TAB, status: 'complete' }] as never);
    expect(await retryOutboxEntry({ handoffId: kept?.handoffId ?? '', ticketKey: 'ACME-1' })).toEqual({
      ok: true,
    });
    expect(sent).toMatchObject([{ type: 'outbox:post', ticketKey: 'ACME-1', handoffId: kept?.handoffId }]);
    expect(await outboxItem.get()).toEqual([]);
  });

  it('goes without a trace when the policy turned its site off while it was open, the draft kept', async () => {
    await openHold({ held, frameId: FRAME }, TAB, 0);
    await saveDraft({ holdId: held.id, answers: { situation: 'keep me' } }, TAB);
    await fakeBrowser.storage.managed.set({ enforcement: { jira: 'off' } });
    expect(await dropHoldTurnedOff({ holdId: held.id }, TAB + 1)).toEqual({ ok: false });
    expect(await dropHoldTurnedOff({ holdId: held.id }, TAB)).toEqual({ ok: true });
    expect(await holdsItem.get()).toEqual({});
    expect(await eventsItem.get()).toEqual([]);
    expect(sent).toEqual([]);
    expect(Object.values(await draftsItem.get())[0]?.answers).toEqual({ situation: 'keep me' });
  });

  it('stays, and counts as before, when the site is not off after all', async () => {
    await openHold({ held, frameId: FRAME }, TAB, 0);
    expect(await dropHoldTurnedOff({ holdId: held.id }, TAB)).toEqual({ ok: false });
    expect(Object.keys(await holdsItem.get())).toEqual([held.id]);
    await abandonHoldsOfTab(TAB);
    expect((await eventsItem.get()).map((e) => e.outcome)).toEqual(['cancelled']);
  });
});

describe('a held reassign right after the browser started', () => {
  afterEach(() => vi.restoreAllMocks());

  it('opens and shows without waiting for managed storage, blocking while no policy was ever seen', async () => {
    await fakeBrowser.storage.local.set({ settings: { enforcement: { jira: 'remind' } } });
    slowManagedStorage();
    // A worker just started: managed storage has not answered in it yet.
    vi.resetModules();
    const background = await import('../../../lib/background/handoffs');
    expect(await background.openHold({ held, frameId: FRAME }, TAB, 0)).toEqual({ ok: true });
    expect(await background.findMine(TAB, FRAME)).toMatchObject({
      found: true,
      enforcement: 'block',
    });
  });

  it('shows what the policy last seen says while managed storage has not answered', async () => {
    await fakeBrowser.storage.local.set({ policyCache: { enforcement: { jira: 'remind' } } });
    slowManagedStorage();
    vi.resetModules();
    const background = await import('../../../lib/background/handoffs');
    await background.openHold({ held, frameId: FRAME }, TAB, 0);
    expect(await background.findMine(TAB, FRAME)).toMatchObject({ enforcement: 'remind' });
  });
});
