import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FIREFOX_NO_POLICY, failingManagedStorage, slowManagedStorage } from '../support/slow-managed';

// Right after the browser starts, managed storage answers only after seconds; the last policy the
// background saw stands in until then, and the background keeps it current.

/** A fresh copy of the module: whether managed storage has answered is remembered per context. */
const load = async () => {
  vi.resetModules();
  return import('../../../lib/storage/effective-settings');
};

describe('effectiveSettings and the policy', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  it('uses the last policy seen while managed storage has not answered', async () => {
    await fakeBrowser.storage.local.set({ policyCache: { enforcement: { zendesk: 'off' } } });
    slowManagedStorage();
    const { effectiveSettings } = await load();
    const { settings, locked } = await effectiveSettings();
    expect(settings.enforcement.zendesk).toBe('off');
    expect(locked).toEqual(['enforcement']);
  });

  it('waits for managed storage when no policy was seen before', async () => {
    const answer = slowManagedStorage();
    const { effectiveSettings } = await load();
    let done = false;
    const reading = effectiveSettings().then((result) => {
      done = true;
      return result;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(done).toBe(false);
    answer({ enforcement: { jira: 'remind' } });
    expect((await reading).settings.enforcement.jira).toBe('remind');
  });

  it('for the checklist, does not wait for managed storage: the safe defaults block until it answers', async () => {
    await fakeBrowser.storage.local.set({ settings: { enforcement: { jira: 'off' }, retentionDays: 30 } });
    const answer = slowManagedStorage();
    const { effectiveSettingsNow } = await load();
    const now = await effectiveSettingsNow();
    expect(now.settings.enforcement.jira ?? 'block').toBe('block');
    expect(now.settings.retentionDays).toBe(30);
    answer({});
    await vi.waitFor(async () =>
      expect((await effectiveSettingsNow()).settings.enforcement.jira).toBe('off'),
    );
  });

  it('for the checklist, the policy last seen stands in, and managed storage’s answer once it came', async () => {
    await fakeBrowser.storage.local.set({ policyCache: { enforcement: { trello: 'remind' } } });
    const answer = slowManagedStorage();
    const { effectiveSettingsNow } = await load();
    expect((await effectiveSettingsNow()).settings.enforcement.trello).toBe('remind');
    answer({ enforcement: { trello: 'off' } });
    await vi.waitFor(async () =>
      expect((await effectiveSettingsNow()).settings.enforcement.trello).toBe('off'),
    );
  });

  it('once managed storage has answered, it alone is asked: a policy removed is not brought back', async () => {
    await fakeBrowser.storage.local.set({ policyCache: { enforcement: { jira: 'off' } } });
    const { effectiveSettings, refreshPolicyCache } = await load();
    expect(await refreshPolicyCache()).toBe(true);
    expect((await fakeBrowser.storage.local.get('policyCache')).policyCache).toEqual({});
    // A stale copy (another context wrote it, or the write is late) must not win, even over a managed
    // storage that now answers slower than local storage.
    await fakeBrowser.storage.local.set({ policyCache: { enforcement: { jira: 'off' } } });
    const answer = slowManagedStorage();
    setTimeout(() => answer({}), 10);
    expect((await effectiveSettings()).locked).toEqual([]);
  });

  it('keeps the answer for the next start, and writes only when it changed', async () => {
    await fakeBrowser.storage.managed.set({ enforcement: { trello: 'remind' }, retentionDays: 'never' });
    const { refreshPolicyCache } = await load();
    expect(await refreshPolicyCache()).toBe(true);
    expect((await fakeBrowser.storage.local.get('policyCache')).policyCache).toEqual({
      enforcement: { trello: 'remind' },
    });
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    expect(await refreshPolicyCache()).toBe(false);
    expect(set).not.toHaveBeenCalled();
  });

  it("Firefox's rejection when no policy is installed is no policy: nothing locked, and that is kept", async () => {
    await fakeBrowser.storage.local.set({ policyCache: { enforcement: { jira: 'off' } } });
    failingManagedStorage(FIREFOX_NO_POLICY);
    const { effectiveSettings, refreshPolicyCache } = await load();
    expect(await refreshPolicyCache()).toBe(true);
    expect((await fakeBrowser.storage.local.get('policyCache')).policyCache).toEqual({});
    expect((await effectiveSettings()).locked).toEqual([]);
  });

  it('managed storage failing otherwise unlocks nothing: the last policy seen stays, in force and kept', async () => {
    await fakeBrowser.storage.local.set({ policyCache: { enforcement: { jira: 'off' } } });
    failingManagedStorage(new Error('An unexpected error occurred'));
    const { effectiveSettings, refreshPolicyCache } = await load();
    await expect(refreshPolicyCache()).rejects.toThrow('An unexpected error occurred');
    expect((await fakeBrowser.storage.local.get('policyCache')).policyCache).toEqual({
      enforcement: { jira: 'off' },
    });
    const { settings, locked } = await effectiveSettings();
    expect(settings.enforcement.jira).toBe('off');
    expect(locked).toEqual(['enforcement']);
  });
});

describe('a policy for some sites', () => {
  beforeEach(() => fakeBrowser.reset());

  it("sets the sites it names and leaves the user's choice for the others", async () => {
    await fakeBrowser.storage.local.set({
      settings: {
        enforcement: { jira: 'off', trello: 'remind' },
        receiver: { jira: false },
        templateBySite: { trello: 'mine' },
      },
    });
    await fakeBrowser.storage.managed.set({
      enforcement: { jira: 'block', zendesk: 'remind' },
      receiver: { zendesk: false },
      templateBySite: { jira: 'corp' },
    });
    const { effectiveSettings } = await load();
    const { settings } = await effectiveSettings();
    expect(settings.enforcement).toEqual({ jira: 'block', zendesk: 'remind', trello: 'remind' });
    expect(settings.receiver).toEqual({ jira: false, zendesk: false });
    expect(settings.templateBySite).toEqual({ jira: 'corp', trello: 'mine' });
  });
});
