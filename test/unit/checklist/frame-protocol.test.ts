import { describe, expect, it, vi } from 'vitest';
import {
  type FrameBackground,
  isSettledMessage,
  learnHold,
  pageRequests,
  readyFrameId,
  readyMessage,
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

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('learnHold', () => {
  it('reports its frame id to its parent, and shows only the hold the background names', async () => {
    const { win, parent, post } = frameWindow();
    let mine: string | null = null;
    const background: FrameBackground = { frameId: async () => 9, holdFor: vi.fn(async () => mine) };
    const show = vi.fn();
    learnHold(win, background, show);
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
    const background: FrameBackground = {
      frameId: async () => 9,
      holdFor: () => new Promise((resolve) => answers.push(resolve)),
    };
    const show = vi.fn();
    learnHold(win, background, show);
    post({ baton: 'baton:checklist-show' });
    post({ baton: 'baton:checklist-show' });
    expect(answers).toHaveLength(1);
    answers[0]?.(null);
    await flush();
    expect(answers).toHaveLength(2);
    answers[1]?.('hold-1');
    await flush();
    expect(show).toHaveBeenCalledWith('hold-1');
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
