import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import { KEYS } from '../../../lib/storage/keys';
import { validatedItem } from '../../../lib/storage/validated-item';

const schema = z.object({ count: z.number(), label: z.string() });
const V1 = { version: 1 } as const;

beforeEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

describe('validated storage items', () => {
  it('sets a stored value that no longer parses aside, and carries on with the fallback', async () => {
    await fakeBrowser.storage.local.set({ thing: { count: 'three' } });
    const item = validatedItem('local:thing', schema, () => ({ count: 0, label: 'new' }), V1);
    expect(await item.get()).toEqual({ count: 0, label: 'new' });
    const all = await fakeBrowser.storage.local.get(null);
    const asideKey = Object.keys(all).find((key) => key.startsWith('corrupt:thing:'));
    expect(asideKey && all[asideKey]).toEqual({ count: 'three' });
    expect(all.thing).toEqual({ count: 0, label: 'new' });
  });

  it('reads a version 1 value as it was stored, whether or not WXT marked its version', async () => {
    const item = validatedItem('local:thing', schema, () => ({ count: 0, label: '' }), V1);
    await fakeBrowser.storage.local.set({ thing: { count: 3, label: 'three' } });
    expect(await item.get()).toEqual({ count: 3, label: 'three' });
    await fakeBrowser.storage.local.set({ thing: { count: 4, label: 'four' }, thing$: { v: 1 } });
    expect(await item.get()).toEqual({ count: 4, label: 'four' });
    await item.set({ count: 5, label: 'five' });
    // Nothing was migrated or rewritten along the way: the value and its mark are as they were written.
    expect(await fakeBrowser.storage.local.get(null)).toEqual({
      thing: { count: 5, label: 'five' },
      thing$: { v: 1 },
    });
  });

  it('migrates a value written by an older version (the mechanism a first change of shape will use)', async () => {
    await fakeBrowser.storage.local.set({ thing: { n: 4 }, thing$: { v: 1 } });
    const item = validatedItem('local:thing', schema, () => ({ count: 0, label: '' }), {
      version: 2,
      migrations: { 2: (old) => ({ count: (old as { n: number }).n, label: 'migrated' }) },
    });
    await storage.getItem('local:thing');
    await vi.waitFor(async () => expect(await item.get()).toEqual({ count: 4, label: 'migrated' }));
  });

  it('reads what an update begun before the read writes, even while that write is slow', async () => {
    const item = validatedItem('local:thing', schema, () => ({ count: 0, label: '' }), V1);
    const original = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items) => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      return original(items);
    });
    const updating = item.update((current) => ({ ...current, count: current.count + 1 }));
    expect(await item.get()).toEqual({ count: 1, label: '' });
    await updating;
  });

  it('reports a write the browser refused, such as the quota, and still fails it', async () => {
    const item = validatedItem('local:thing', schema, () => ({ count: 0, label: '' }), V1);
    const original = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items) => {
      if ('thing' in items) throw new Error('QUOTA_BYTES quota exceeded');
      return original(items);
    });
    await expect(item.set({ count: 1, label: 'x' })).rejects.toThrow('QUOTA_BYTES');
    expect(await storage.getItem(KEYS.storageProblem)).toMatchObject({
      key: 'local:thing',
      message: 'QUOTA_BYTES quota exceeded',
    });
  });

  it('serialises read-modify-write updates so none is lost', async () => {
    const item = validatedItem('local:thing', schema, () => ({ count: 0, label: '' }), V1);
    await Promise.all(Array.from({ length: 200 }, () => item.update((v) => ({ ...v, count: v.count + 1 }))));
    expect((await item.get()).count).toBe(200);
  });
});
