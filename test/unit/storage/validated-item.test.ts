import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import { STORAGE_PROBLEM_KEY, validatedItem } from '../../../lib/storage/validated-item';

const schema = z.object({ count: z.number(), label: z.string() });

beforeEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

describe('validated storage items', () => {
  it('sets a stored value that no longer parses aside, and carries on with the fallback', async () => {
    await fakeBrowser.storage.local.set({ thing: { count: 'three' } });
    const item = validatedItem('local:thing', schema, () => ({ count: 0, label: 'new' }));
    expect(await item.get()).toEqual({ count: 0, label: 'new' });
    const all = await fakeBrowser.storage.local.get(null);
    const asideKey = Object.keys(all).find((key) => key.startsWith('corrupt:thing:'));
    expect(asideKey && all[asideKey]).toEqual({ count: 'three' });
    expect(all.thing).toEqual({ count: 0, label: 'new' });
  });

  it('migrates a value written by an older version', async () => {
    await fakeBrowser.storage.local.set({ thing: { n: 4 }, thing$: { v: 1 } });
    const item = validatedItem('local:thing', schema, () => ({ count: 0, label: '' }), {
      version: 2,
      migrations: { 2: (old) => ({ count: (old as { n: number }).n, label: 'migrated' }) },
    });
    await storage.getItem('local:thing');
    await vi.waitFor(async () => expect(await item.get()).toEqual({ count: 4, label: 'migrated' }));
  });

  it('reports a write the browser refused, such as the quota, and still fails it', async () => {
    const item = validatedItem('local:thing', schema, () => ({ count: 0, label: '' }));
    const original = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items) => {
      if ('thing' in items) throw new Error('QUOTA_BYTES quota exceeded');
      return original(items);
    });
    await expect(item.set({ count: 1, label: 'x' })).rejects.toThrow('QUOTA_BYTES');
    expect(await storage.getItem(STORAGE_PROBLEM_KEY)).toMatchObject({
      key: 'local:thing',
      message: 'QUOTA_BYTES quota exceeded',
    });
  });

  it('serialises read-modify-write updates so none is lost', async () => {
    const item = validatedItem('local:thing', schema, () => ({ count: 0, label: '' }));
    await Promise.all(Array.from({ length: 200 }, () => item.update((v) => ({ ...v, count: v.count + 1 }))));
    expect((await item.get()).count).toBe(200);
  });
});
