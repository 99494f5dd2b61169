import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import * as z from 'zod/mini';
import { effectiveSettingsNow } from '../../../lib/storage/effective-settings';
import { enforcementFor } from '../../../lib/storage/settings';
import { keepReadsInMemory, validatedItem } from '../../../lib/storage/validated-item';

// The background keeps what it read in memory (keepReadsInMemory): each reassign reads the settings,
// the policy, the templates and the drafts, and each read was a storage round trip before the dialog
// showed. Whatever changes the stored value must be read again at once, from this context or another.
// No fakeBrowser.reset() here: it would drop the storage listener these tests are about; each test uses
// its own key instead.

const schema = z.object({ count: z.number(), label: z.string() });
const V1 = { version: 1 } as const;
const item = (name: string) =>
  validatedItem(`local:${name}`, schema, () => ({ count: 0, label: '' }), V1, { keep: true });

beforeAll(() => {
  fakeBrowser.reset();
  keepReadsInMemory();
});

describe('reads kept in memory', () => {
  it('answers a second read from memory', async () => {
    await fakeBrowser.storage.local.set({ one: { count: 1, label: 'one' } });
    const one = item('one');
    const reads = vi.spyOn(fakeBrowser.storage.local, 'get');
    try {
      expect(await one.get()).toEqual({ count: 1, label: 'one' });
      expect(await one.get()).toEqual({ count: 1, label: 'one' });
      expect(reads).toHaveBeenCalledTimes(1);
    } finally {
      reads.mockRestore();
    }
  });

  it('reads again what another context wrote, once storage says it changed', async () => {
    const two = item('two');
    expect(await two.get()).toEqual({ count: 0, label: '' });
    await fakeBrowser.storage.local.set({ two: { count: 2, label: 'from the options page' } });
    expect(await two.get()).toEqual({ count: 2, label: 'from the options page' });
  });

  it('reads its own write back at once, before storage says it changed', async () => {
    // Storage whose change events have not arrived yet (in the browser they come after the write).
    const stored: Record<string, unknown> = {};
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items) => {
      Object.assign(stored, structuredClone(items));
    });
    vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementation((async (key: string) => ({
      [key]: stored[key],
    })) as never);
    try {
      const three = item('three');
      expect(await three.get()).toEqual({ count: 0, label: '' });
      await three.set({ count: 3, label: 'set' });
      expect(await three.get()).toEqual({ count: 3, label: 'set' });
      await three.update((value) => ({ ...value, count: value.count + 1 }));
      expect(await three.get()).toEqual({ count: 4, label: 'set' });
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('hands out copies: changing what one read returned does not change the next', async () => {
    const four = item('four');
    const first = await four.get();
    first.count = 99;
    expect(await four.get()).toEqual({ count: 0, label: '' });
  });

  it('does not keep a read that a write overlapped', async () => {
    await fakeBrowser.storage.local.set({ five: { count: 5, label: 'before' } });
    const five = item('five');
    const original = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local);
    const slowRead = vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementation((async (
      keys: Parameters<typeof original>[0],
    ) => {
      // A copy: the fake hands out its own record, which the write below would change under the read.
      const value = structuredClone(await original(keys));
      await new Promise((resolve) => setTimeout(resolve, 30));
      return value;
    }) as typeof original);
    try {
      const reading = five.get();
      await new Promise((resolve) => setTimeout(resolve, 5));
      await five.set({ count: 6, label: 'after' });
      expect(await reading).toEqual({ count: 5, label: 'before' });
      slowRead.mockRestore();
      expect(await five.get()).toEqual({ count: 6, label: 'after' });
    } finally {
      slowRead.mockRestore();
    }
  });

  it('applies an administrator policy that changed since the last reassign', async () => {
    await effectiveSettingsNow();
    await effectiveSettingsNow();
    const asked = vi.spyOn(fakeBrowser.storage.managed, 'get');
    try {
      expect(enforcementFor((await effectiveSettingsNow()).settings, 'jira')).toBe('block');
      expect(asked).not.toHaveBeenCalled();
    } finally {
      asked.mockRestore();
    }
    await fakeBrowser.storage.managed.set({ enforcement: { jira: 'off' } });
    expect(enforcementFor((await effectiveSettingsNow()).settings, 'jira')).toBe('off');
  });
});
