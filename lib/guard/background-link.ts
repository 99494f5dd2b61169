import { browser } from 'wxt/browser';
import type { ToContent } from '../content-messaging';
import type { PageContext } from '../host-page/page-context';
import type { PostResult } from '../messaging';
import type { SiteAdapter } from './adapter';
import { parseToContent } from './background-messages';
import type { Holds } from './holds';

// What the background asks of this page: post (or take back) a hold's comment through the host's API,
// release or abort the hold. Heard only from the first hold or from when the page is idle (listen).

export interface BackgroundLink {
  /** From now on the background's messages are heard (the first use of the runtime API costs the page). */
  listen(): void;
}

export function backgroundLink(ctx: PageContext, adapter: SiteAdapter, holds: Holds): BackgroundLink {
  /** Posts once: a retry first looks for the comment its lost answer may have left. */
  async function post(message: {
    ticketKey: string;
    handoffId: string;
    body: unknown;
    checkFirst: boolean;
  }): Promise<PostResult> {
    if (
      message.checkFirst &&
      (await adapter.hasComment(message.ticketKey, message.handoffId).catch(() => false))
    ) {
      return { ok: true };
    }
    return adapter.postComment(message.ticketKey, message.body);
  }

  async function unpost(comments: { ticketKey: string; commentId: string }[]): Promise<{ ok: boolean }> {
    const remove = adapter.removeComment;
    if (!remove) return { ok: false };
    const results = await Promise.all(
      comments.map(({ ticketKey, commentId }) =>
        remove(ticketKey, commentId).catch((): PostResult => ({ ok: false, failure: { kind: 'offline' } })),
      ),
    );
    return { ok: results.every((result) => result.ok) };
  }

  async function onMessage(message: ToContent): Promise<PostResult | { ok: boolean }> {
    switch (message.type) {
      case 'hold:post': {
        const request = holds.posting(message.holdId);
        if (!request) return { ok: false, failure: { kind: 'lost' } };
        // The reassign's pass reaches the network net while the comment posts, not after it.
        const undo = message.release ? request.prepare?.() : undefined;
        const result = await post(message);
        if (!result.ok || !message.release) {
          undo?.();
          return result;
        }
        const outcome = await holds.release(message.holdId, true);
        undo?.();
        return result.createdId ? { ...outcome, createdId: result.createdId } : outcome;
      }
      case 'outbox:post':
        return post(message);
      case 'hold:release':
        return holds.release(message.holdId, false);
      case 'hold:abort':
        return { ok: holds.abort(message.holdId) };
      case 'hold:unpost':
        return unpost(message.comments);
    }
  }

  // sendResponse rather than a returned promise: this script has the browser's own API, not the polyfill
  // (docs/host-page-budget.md), and older Chrome ignores a promise that a listener returns.
  const listener = (raw: unknown, _sender: unknown, sendResponse: (answer: unknown) => void) => {
    const message = parseToContent(raw);
    if (!message) return false;
    void onMessage(message).then(sendResponse, () => sendResponse({ ok: false }));
    return true;
  };
  // The background writes only about a hold this script opened, or to post a comment waiting in the
  // outbox through this page. So the listener goes in when a hold starts, or once the page has loaded and
  // is idle: the first use of the runtime API costs a page load about 1 ms (docs/host-page-budget.md).
  let listening = false;
  ctx.onInvalidated(() => {
    if (listening) browser.runtime.onMessage.removeListener(listener);
  });
  return {
    listen() {
      if (listening || ctx.isInvalid) return;
      listening = true;
      browser.runtime.onMessage.addListener(listener);
    },
  };
}
