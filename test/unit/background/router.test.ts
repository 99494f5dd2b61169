import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { routeMessage } from '../../../lib/background/router';

// Who may send what: host pages' content scripts only open holds and report; only Baton's own pages
// (checklist, options, popup, receiver banner) may read drafts, complete holds or change settings.
// The handlers are stand-ins: what is tested is whether a message reaches its handler at all.

const { reached, handler } = vi.hoisted(() => {
  const reached: string[] = [];
  const handler = (name: string) => async () => {
    reached.push(name);
    return { ok: true };
  };
  return { reached, handler };
});
vi.mock('../../../lib/background/handoffs', () => ({
  cancelHold: handler('cancelHold'),
  completeHold: handler('completeHold'),
  dropHoldTurnedOff: handler('dropHoldTurnedOff'),
  findMine: handler('findMine'),
  finishCompleted: handler('finishCompleted'),
  getHold: handler('getHold'),
  openHold: handler('openHold'),
  releaseWithoutComment: handler('releaseWithoutComment'),
  saveDraft: handler('saveDraft'),
  skipHold: handler('skipHold'),
}));
vi.mock('../../../lib/background/options', () => ({
  clearData: handler('clearData'),
  saveSettings: handler('saveSettings'),
  saveTemplates: handler('saveTemplates'),
}));
vi.mock('../../../lib/background/outbox-retry', () => ({
  discardOutboxEntry: handler('discardOutboxEntry'),
  retryOutboxEntry: handler('retryOutboxEntry'),
}));
vi.mock('../../../lib/background/receiver', () => ({
  actOnBanner: handler('actOnBanner'),
  getBanner: handler('getBanner'),
  showReceived: handler('showReceived'),
}));
vi.mock('../../../lib/background/history', () => ({ getHistory: handler('getHistory') }));
vi.mock('../../../lib/background/badge', () => ({ refreshBadge: async () => undefined }));

// Node's URL gives a chrome-extension: address the origin "null"; Chrome gives it its own. So Baton's
// pages are served here from an https origin of their own.
const ROOT = 'https://baton.test/';
const page = (path: string) => `${ROOT.slice(0, -1)}${path}`;
const ownPage = (path: string, tabId?: number) => ({
  id: fakeBrowser.runtime.id,
  url: page(path),
  ...(tabId === undefined ? {} : { tab: { id: tabId }, frameId: 3 }),
});
const hostTab = {
  id: fakeBrowser.runtime.id,
  url: 'https://acme.atlassian.net/browse/ACME-1',
  tab: { id: 9 },
};

async function route(message: unknown, sender: object): Promise<string[]> {
  reached.length = 0;
  await routeMessage(message, sender);
  return [...reached];
}

const HOLD = { holdId: 'h1' };

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.runtime, 'getURL').mockImplementation(
    ((path: string) => `${ROOT}${path.replace(/^\//, '')}`) as never,
  );
});

describe('the background router', () => {
  it('lets a host page’s content script announce a completed hold, and no page of another origin', async () => {
    expect(await route({ type: 'hold:done', ...HOLD }, hostTab)).toEqual(['finishCompleted']);
    expect(await route({ type: 'hold:done', ...HOLD }, { ...hostTab, url: 'http://acme.test/' })).toEqual([]);
    expect(await route({ type: 'hold:done', ...HOLD }, { ...hostTab, id: 'another-extension' })).toEqual([]);
    expect(await route({ type: 'hold:done', ...HOLD }, { ...hostTab, tab: undefined })).toEqual([]);
  });

  it('lets only the checklist page complete or cancel a hold: not a host page, not another Baton page', async () => {
    expect(await route({ type: 'hold:cancel', ...HOLD }, ownPage('/checklist.html', 9))).toEqual([
      'cancelHold',
    ]);
    expect(await route({ type: 'hold:cancel', ...HOLD }, hostTab)).toEqual([]);
    expect(await route({ type: 'hold:cancel', ...HOLD }, ownPage('/receiver.html', 9))).toEqual([]);
    expect(
      await route({ type: 'hold:cancel', ...HOLD }, { ...ownPage('/checklist.html', 9), id: 'x' }),
    ).toEqual([]);
  });

  it('lets only the options page change settings or clear data', async () => {
    const clear = { type: 'data:clear', what: 'everything' };
    expect(await route(clear, ownPage('/options.html'))).toEqual(['clearData']);
    expect(await route(clear, ownPage('/popup.html'))).toEqual([]);
    expect(await route(clear, hostTab)).toEqual([]);
  });

  it('lets the popup and the options page retry an outbox entry, and nobody else', async () => {
    const retry = { type: 'outbox:retry', handoffId: 'f1', ticketKey: 'ACME-1' };
    expect(await route(retry, ownPage('/popup.html'))).toEqual(['retryOutboxEntry']);
    expect(await route(retry, ownPage('/options.html'))).toEqual(['retryOutboxEntry']);
    expect(await route(retry, ownPage('/checklist.html', 9))).toEqual([]);
    expect(await route(retry, hostTab)).toEqual([]);
  });

  it('lets only the receiver banner page read a banner', async () => {
    const get = { type: 'receiver:get', handoffId: 'f1' };
    expect(await route(get, ownPage('/receiver.html', 9))).toEqual(['getBanner']);
    expect(await route(get, hostTab)).toEqual([]);
  });

  it('drops a message that is not in the protocol, or not shaped as it says', async () => {
    expect(routeMessage({ type: 'hold:steal', ...HOLD }, hostTab)).toBeUndefined();
    expect(routeMessage({ type: 'hold:done' }, hostTab)).toBeUndefined();
    expect(routeMessage('hold:done', hostTab)).toBeUndefined();
  });
});
