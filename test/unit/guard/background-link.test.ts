// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { SiteAdapter } from '../../../lib/guard/adapter';
import { backgroundLink } from '../../../lib/guard/background-link';
import type { HoldRequest } from '../../../lib/guard/holds';
import type { ContentScriptContext } from '../../../lib/host-page/page-context';
import type { PostResult } from '../../../lib/messaging';
import { type FakeHolds, fakeHolds, liveContext } from '../support/guard-parts';

// What the background asks of a host page: post a hold's comment (once), then release the reassign,
// with its pass on its way to the network net while the comment posts.

const HOLD = 'h1';
let ctx: ContentScriptContext;
let log: string[];
let holds: FakeHolds;
let posted: PostResult;
let found: boolean;

const adapter: SiteAdapter = {
  id: 'jira',
  recognize: () => null,
  describeRequest: async () => null,
  postComment: async (ticketKey) => {
    log.push(`post:${ticketKey}`);
    return posted;
  },
  hasComment: async () => found,
  removeComment: async (_ticketKey, commentId) => {
    log.push(`unpost:${commentId}`);
    return commentId === 'stuck' ? { ok: false, failure: { kind: 'http', status: 403 } } : { ok: true };
  },
  missingElements: () => null,
};

const openRequest: HoldRequest = {
  via: 'ui',
  tickets: ['ACME-1'],
  context: { site: 'jira', ticketKey: 'ACME-1', url: 'https://acme.atlassian.net/browse/ACME-1', at: '' },
  prepare: () => {
    log.push('prepare');
    return () => log.push('undo');
  },
  release: async () => ({ ok: true }),
  abort: () => undefined,
};

/** The background's message, as the runtime delivers it, and the answer the page sends back. */
function fromBackground(message: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    void fakeBrowser.runtime.onMessage.trigger(message, {}, resolve as never);
  });
}

beforeEach(() => {
  fakeBrowser.reset();
  ctx = liveContext();
  log = [];
  holds = fakeHolds(log);
  holds.posting = (id) => (id === HOLD ? openRequest : null);
  holds.release = async () => {
    log.push('release');
    return { ok: true };
  };
  posted = { ok: true, createdId: 'c1' };
  found = false;
  backgroundLink(ctx, adapter, holds).listen();
});

afterEach(() => {
  ctx.notifyInvalidated();
  vi.restoreAllMocks();
});

const post = { type: 'hold:post', holdId: HOLD, handoffId: 'f1', ticketKey: 'ACME-1', body: 'hi' };

describe('the background’s requests to a host page', () => {
  it('posts the comment with the pass on its way, then releases the reassign', async () => {
    await expect(fromBackground({ ...post, release: true, checkFirst: false })).resolves.toEqual({
      ok: true,
      createdId: 'c1',
    });
    expect(log).toEqual(['prepare', 'post:ACME-1', 'release', 'undo']);
  });

  it('takes the pass back when the comment fails, and does not release', async () => {
    posted = { ok: false, failure: { kind: 'offline' } };
    await expect(fromBackground({ ...post, release: true, checkFirst: false })).resolves.toEqual(posted);
    expect(log).toEqual(['prepare', 'post:ACME-1', 'undo']);
  });

  it('on a retry, does not post a comment its lost answer already left', async () => {
    found = true;
    await expect(fromBackground({ ...post, release: false, checkFirst: true })).resolves.toEqual({
      ok: true,
    });
    expect(log).toEqual([]);
  });

  it('answers lost for a hold that is not the open one', async () => {
    await expect(
      fromBackground({ ...post, holdId: 'other', release: true, checkFirst: false }),
    ).resolves.toEqual({ ok: false, failure: { kind: 'lost' } });
    expect(log).toEqual([]);
  });

  it('takes back every comment, and says whether all went', async () => {
    const comments = [
      { ticketKey: 'ACME-1', commentId: 'c1' },
      { ticketKey: 'ACME-2', commentId: 'stuck' },
    ];
    await expect(fromBackground({ type: 'hold:unpost', holdId: HOLD, comments })).resolves.toEqual({
      ok: false,
    });
    expect(log).toEqual(['unpost:c1', 'unpost:stuck']);
  });

  it('does not answer a message that is not one of its own', async () => {
    const listeners = fakeBrowser.runtime.onMessage.trigger({ type: 'hold:post', holdId: HOLD }, {}, () => {
      log.push('answered');
    });
    await listeners;
    expect(log).toEqual([]);
  });
});
