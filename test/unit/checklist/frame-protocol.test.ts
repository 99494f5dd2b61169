import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ASK_AFTER_MS,
  changedMessage,
  type FrameBackground,
  isSettledMessage,
  learnHold,
  pageRequests,
  readyFrameId,
  readyMessage,
  showMessage,
} from '../../../lib/checklist/frame-protocol';

// The checklist page tells its parent when it may be removed: only once the request that ended the hold
// and every other request still waiting have their answers (Firefox logs an error for each answer that
// finds its page gone).

function deferred() {
  let resolve: (value: unknown) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('pageRequests', () => {
  it('tells the parent once the ending request and a draft still being saved are both answered', async () => {
    const postMessage = vi.fn();
    const { tracked, ending } = pageRequests({ parent: { postMessage } } as unknown as Window);
    const draft = deferred();
    const complete = deferred();
    void tracked(draft.promise);
    void ending(complete.promise);
    complete.resolve({ status: 'done' });
    await settle();
    expect(postMessage).not.toHaveBeenCalled();
    draft.reject(new Error('the background went away'));
    await settle();
    expect(postMessage).toHaveBeenCalledTimes(1);
    expect(isSettledMessage(postMessage.mock.calls[0]?.[0])).toBe(true);
  });

  it('says nothing while only drafts are saved, and hands the ending answer back unchanged', async () => {
    const postMessage = vi.fn();
    const { tracked, ending } = pageRequests({ parent: { postMessage } } as unknown as Window);
    await tracked(Promise.resolve({ ok: true }));
    await settle();
    expect(postMessage).not.toHaveBeenCalled();
    await expect(ending(Promise.reject(new Error('lost')))).rejects.toThrow('lost');
    await settle();
    expect(postMessage).toHaveBeenCalledTimes(1);
  });
});

// The checklist frame loaded ahead learns its hold from the background, never from what its parent posts.

/** A frame's window: messages arrive from its parent (the host page or the content script, alike). */
function frameWindow() {
  const target = new EventTarget();
  const parent = { postMessage: vi.fn() };
  const win = Object.assign(target, { parent }) as unknown as Window;
  const post = (data: unknown) =>
    target.dispatchEvent(Object.assign(new Event('message'), { data, source: parent }));
  return { win, parent, post };
}

/** Past the moment a poked frame that was handed nothing asks for itself. */
const flush = () => vi.advanceTimersByTimeAsync(ASK_AFTER_MS);

describe('learnHold', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reports its frame id to its parent, and shows only the hold the background names', async () => {
    const { win, parent, post } = frameWindow();
    let mine: string | null = null;
    const background: FrameBackground<string> = {
      frameId: async () => 9,
      holdFor: vi.fn(async () => mine),
      handed: () => undefined,
    };
    const show = vi.fn();
    learnHold(win, background, show, vi.fn());
    await flush();
    expect(parent.postMessage).toHaveBeenCalledWith(readyMessage(9), '*');

    // The page pokes the frame, even naming a hold of its choosing: the background has none for it.
    post({ baton: 'baton:checklist-show', holdId: 'forged' });
    await flush();
    expect(show).not.toHaveBeenCalled();

    mine = 'hold-1';
    post({ baton: 'baton:checklist-show' });
    await flush();
    expect(show).toHaveBeenCalledWith('hold-1');
    post({ baton: 'baton:checklist-show' });
    await flush();
    expect(show).toHaveBeenCalledTimes(1);
  });

  it('asks again after a miss when it was poked while asking', async () => {
    const { win, post } = frameWindow();
    const answers: ((holdId: string | null) => void)[] = [];
    const background: FrameBackground<string> = {
      frameId: async () => 9,
      holdFor: () => new Promise((resolve) => answers.push(resolve)),
      handed: () => undefined,
    };
    const show = vi.fn();
    learnHold(win, background, show, vi.fn());
    post({ baton: 'baton:checklist-show' });
    post({ baton: 'baton:checklist-show' });
    await flush();
    expect(answers).toHaveLength(1);
    answers[0]?.(null);
    await flush();
    expect(answers).toHaveLength(2);
    answers[1]?.('hold-1');
    await flush();
    expect(show).toHaveBeenCalledWith('hold-1');
  });

  it('once shown, asks again and updates on each poke saying the hold changed, and on no other', async () => {
    const { win, post } = frameWindow();
    let mine = { id: 'hold-1', to: 'Bob' };
    const background: FrameBackground<typeof mine> = {
      frameId: async () => 9,
      holdFor: async () => mine,
      handed: () => undefined,
    };
    const show = vi.fn();
    const update = vi.fn();
    learnHold(win, background, show, update);
    // Shows nothing by itself: it only makes a shown frame ask again.
    post(changedMessage());
    await flush();
    expect(show).not.toHaveBeenCalled();

    post(showMessage());
    await flush();
    await flush();
    expect(show).toHaveBeenCalledWith({ id: 'hold-1', to: 'Bob' });
    update.mockClear();
    mine = { id: 'hold-1', to: 'Bob Chen (acc-42)' };
    post(showMessage());
    await flush();
    expect(update).not.toHaveBeenCalled();
    post(changedMessage());
    await flush();
    expect(update).toHaveBeenCalledWith({ id: 'hold-1', to: 'Bob Chen (acc-42)' });
    expect(show).toHaveBeenCalledTimes(1);
  });

  it('asks again once shown when the hold changed while it was being asked for', async () => {
    const { win, post } = frameWindow();
    const answers: ((hold: string | null) => void)[] = [];
    const background: FrameBackground<string> = {
      frameId: async () => 9,
      holdFor: () => new Promise((resolve) => answers.push(resolve)),
      handed: () => undefined,
    };
    const show = vi.fn();
    const update = vi.fn();
    learnHold(win, background, show, update);
    post(showMessage());
    post(changedMessage());
    await flush();
    answers[0]?.('as opened');
    await flush();
    expect(show).toHaveBeenCalledWith('as opened');
    expect(answers).toHaveLength(2);
    answers[1]?.('completed');
    await flush();
    expect(update).toHaveBeenCalledWith('completed');
  });

  it('shows a hold the background hands over unasked at once, and only once', async () => {
    const { win, post } = frameWindow();
    const answers: ((hold: string | null) => void)[] = [];
    let hand: (hold: string) => void = () => undefined;
    const background: FrameBackground<string> = {
      frameId: async () => 9,
      holdFor: () => new Promise((resolve) => answers.push(resolve)),
      handed: (take) => {
        hand = take;
      },
    };
    const show = vi.fn();
    const update = vi.fn();
    learnHold(win, background, show, update);
    // Poked, the frame waits a moment to ask; the background hands the hold over meanwhile.
    post(showMessage());
    post(changedMessage());
    hand('handed');
    expect(show).toHaveBeenCalledWith('handed');
    // The change heard before the dialog showed is asked for at once, as when the answer comes first;
    // the poke's own question never goes.
    expect(answers).toHaveLength(1);
    await flush();
    expect(answers).toHaveLength(1);
    answers[0]?.('completed');
    hand('handed again');
    await flush();
    expect(show).toHaveBeenCalledTimes(1);
    expect(update).toHaveBeenCalledWith('completed');
  });

  it('asks for itself only when nothing was handed over a moment after the poke', async () => {
    const { win, post } = frameWindow();
    const holdFor = vi.fn(async () => 'asked');
    const show = vi.fn();
    learnHold(win, { frameId: async () => 9, holdFor, handed: () => undefined }, show, vi.fn());
    post(showMessage());
    await vi.advanceTimersByTimeAsync(ASK_AFTER_MS - 1);
    expect(holdFor).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(holdFor).toHaveBeenCalledTimes(1);
    expect(show).toHaveBeenCalledWith('asked');
  });

  it('reads a ready message only when it names a frame', () => {
    expect(readyFrameId(readyMessage(4))).toBe(4);
    for (const bad of [
      null,
      {},
      { baton: 'baton:checklist-frame' },
      { baton: 'baton:checklist-frame', frameId: 0 },
      { baton: 'x', frameId: 4 },
    ]) {
      expect(readyFrameId(bad)).toBeNull();
    }
  });
});
