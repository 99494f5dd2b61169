// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type MainLink, mainLink } from '../../../lib/guard/main-link';
import { installNetHold, type RequestMatcher } from '../../../lib/guard/net-hold';
import type { ContentScriptContext } from '../../../lib/host-page/page-context';
import { liveContext } from '../support/guard-parts';
import { deliver, hostPage, type Page } from '../support/net-page';

// Both ends of the port together: the isolated script's link and the MAIN-world net. A request Baton has
// just allowed goes straight out when its pass got there first, and is released with that pass when the
// host sent it before the pass arrived; either way once, and its answer comes back under the pass.

const ISSUE = 'https://acme.atlassian.net/rest/api/3/issue/ACME-1/assignee';
const matcher: RequestMatcher = {
  isCandidate: (method) => method === 'PUT',
  match: () => ({ tickets: ['ACME-1'], toId: 'bob' }),
};

let ctx: ContentScriptContext;
let page: Page;
let link: MainLink;
let held: string[];

beforeEach(async () => {
  ctx = liveContext();
  page = hostPage();
  installNetHold(page.win, matcher);
  // The isolated script takes the net's port from the document the two share.
  link = mainLink(ctx, page.win.document);
  held = [];
  link.onHeld((request) => {
    held.push(request.id);
    if (!link.releaseWithPass(request)) link.send({ kind: 'fail', id: request.id });
  });
  await deliver();
});

afterEach(() => {
  ctx.notifyInvalidated();
  vi.restoreAllMocks();
});

describe('a pass across the two worlds', () => {
  it('lets the request straight out when it got there first: nothing is held', async () => {
    const pass = link.grant([{ tickets: ['ACME-1'] }]);
    await deliver();
    const sent = page.win.fetch(ISSUE, { method: 'PUT', body: '{}' });
    expect((await sent).status).toBe(204);
    await expect(pass.answer).resolves.toBe(204);
    expect(held).toEqual([]);
    expect(page.fetch).toHaveBeenCalledTimes(1);
  });

  it('releases, with the pass, a request the host sent before the pass arrived, and the next one is held', async () => {
    const pass = link.grant([{ tickets: ['ACME-1'] }]);
    const sent = page.win.fetch(ISSUE, { method: 'PUT', body: '{}' });
    await deliver();
    expect((await sent).status).toBe(204);
    await expect(pass.answer).resolves.toBe(204);
    expect(held).toHaveLength(1);

    const again = expect(page.win.fetch(ISSUE, { method: 'PUT', body: '{}' })).rejects.toThrow(
      'Failed to fetch',
    );
    await deliver();
    await again;
    expect(held).toHaveLength(2);
    expect(page.fetch).toHaveBeenCalledTimes(1);
  });
});
