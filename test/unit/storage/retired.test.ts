import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { removeRetiredKeys } from '../../../lib/storage/retired';

beforeEach(() => fakeBrowser.reset());

describe('after an update', () => {
  it('frees the popup digests earlier versions wrote, and keeps everything still read', async () => {
    await fakeBrowser.storage.local.set({
      recentDigest: { since: 1, digest: { v: 1, count: 0 } },
      weekDigest: { since: 1, count: 0, base: 0, at: '', outcome: '', fillMs: '' },
      figureDigest: { since: 1, count: 0, at: '', outcome: '', fillMs: '' },
      events: [],
    });
    await removeRetiredKeys();
    expect(Object.keys(await fakeBrowser.storage.local.get(null)).sort()).toEqual(['events', 'figureDigest']);
  });
});
