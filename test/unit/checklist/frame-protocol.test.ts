import { describe, expect, it, vi } from 'vitest';
import { isSettledMessage, pageRequests } from '../../../lib/checklist/frame-protocol';

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
