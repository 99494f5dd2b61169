import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import * as z from 'zod/mini';
import {
  liveSettings,
  parseContentPolicy,
  parseContentSettings,
  settingsInForce,
} from '../../../lib/guard/live-settings';
import {
  applyPolicy,
  DEFAULT_SETTINGS,
  enforcementFor,
  parsePolicy,
  settingsSchema,
  withSafeEnforcement,
} from '../../../lib/storage/settings';
import { FIREFOX_NO_POLICY, failingManagedStorage, slowManagedStorage } from '../support/slow-managed';

// What a content script reads of the settings must be what the background reads of them.

/** Where the background keeps the last policy, as stored by every version so far. */
const POLICY_CACHE_KEY = 'policyCache';

const corpus: unknown[] = [
  undefined,
  null,
  {},
  'off',
  [],
  { enforcement: { jira: 'off', zendesk: 'remind' } },
  { enforcement: { jira: 'never' } },
  { enforcement: null },
  { enforcement: ['off'] },
  { trello: { addOthers: false } },
  { trello: { joinSelf: true, handoffLists: ['Done', 'Ops'] } },
  { trello: { joinSelf: 'yes' } },
  { trello: { handoffLists: ['x'.repeat(201)] } },
  { trello: { handoffLists: Array.from({ length: 51 }, (_, i) => `l${i}`) } },
  { trello: null },
  { enforcement: { trello: 'off' }, trello: { removeOthers: true }, retentionDays: 30 },
  { enforcement: { jira: 'off' }, unknownKey: 1 },
];

describe('parseContentSettings', () => {
  it.each(corpus.map((raw) => [JSON.stringify(raw), raw]))('agrees with settingsSchema: %s', (_, raw) => {
    const parsed = z.safeParse(settingsSchema, raw);
    const full = parsed.success ? parsed.data : DEFAULT_SETTINGS;
    const content = parseContentSettings(raw);
    expect(content.trello).toEqual(full.trello);
    for (const site of ['jira', 'zendesk', 'trello', 'constructor']) {
      expect(content.enforcement[site] ?? 'block').toBe(enforcementFor(full, site));
    }
  });
});

describe('parseContentPolicy', () => {
  it.each(corpus.map((raw) => [JSON.stringify(raw), raw]))('agrees with parsePolicy: %s', (_, raw) => {
    const policy = parsePolicy(raw);
    const content = parseContentPolicy(raw);
    expect(content.enforcement).toEqual(policy.enforcement);
    expect(content.trello).toEqual(policy.trello);
  });
});

describe('liveSettings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads nothing until first used, then follows the stored settings', async () => {
    await fakeBrowser.storage.local.set({ settings: { enforcement: { jira: 'off' } } });
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const settings = liveSettings();
    expect(get).not.toHaveBeenCalled();
    expect(settings.loaded()).toBe(false);
    expect(settings.enforcement('jira')).toBe('block');
    await settings.ready();
    expect(settings.loaded()).toBe(true);
    expect(settings.enforcement('jira')).toBe('off');
    await fakeBrowser.storage.local.set({ settings: { enforcement: { jira: 'remind' } } });
    await vi.waitFor(() => expect(settings.enforcement('jira')).toBe('remind'));
    settings.stop();
  });
});

describe('liveSettings and the policy', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  it('uses the last policy the background saw while managed storage has not answered, then the answer', async () => {
    await fakeBrowser.storage.local.set({ [POLICY_CACHE_KEY]: { enforcement: { jira: 'off' } } });
    const answer = slowManagedStorage();
    const settings = liveSettings();
    await settings.ready();
    expect(settings.enforcement('jira')).toBe('off');
    answer({ enforcement: { jira: 'remind' } });
    await vi.waitFor(() => expect(settings.enforcement('jira')).toBe('remind'));
    settings.stop();
  });

  it('without a policy seen before, does not wait for managed storage: the safe defaults block until it answers', async () => {
    await fakeBrowser.storage.local.set({ settings: { enforcement: { jira: 'off', zendesk: 'remind' } } });
    const answer = slowManagedStorage();
    const settings = liveSettings();
    const changes = vi.fn();
    settings.onChange(changes);
    await settings.ready();
    expect(settings.loaded()).toBe(true);
    // A policy may lock enforcement: until it is known, the user's own 'off' and 'remind' wait too.
    expect(settings.enforcement('jira')).toBe('block');
    expect(settings.enforcement('zendesk')).toBe('block');
    changes.mockClear();
    answer({});
    await vi.waitFor(() => expect(settings.enforcement('jira')).toBe('off'));
    expect(settings.enforcement('zendesk')).toBe('remind');
    expect(changes).toHaveBeenCalled();
    settings.stop();
  });

  it('a policy that arrives late and turns a site off is told to the guard', async () => {
    const answer = slowManagedStorage();
    const settings = liveSettings();
    await settings.ready();
    const seen: string[] = [];
    settings.onChange(() => seen.push(settings.enforcement('trello')));
    expect(settings.enforcement('trello')).toBe('block');
    answer({ enforcement: { trello: 'off' } });
    await vi.waitFor(() => expect(seen).toContain('off'));
    settings.stop();
  });

  it('the cached policy stands in for the answer, the user’s settings under it', async () => {
    await fakeBrowser.storage.local.set({
      settings: { enforcement: { jira: 'off', zendesk: 'remind' } },
      [POLICY_CACHE_KEY]: { trello: { joinSelf: true } },
    });
    slowManagedStorage();
    const settings = liveSettings();
    await settings.ready();
    expect(settings.enforcement('jira')).toBe('off');
    expect(settings.enforcement('zendesk')).toBe('remind');
    expect(settings.current().trello.joinSelf).toBe(true);
    settings.stop();
  });

  it('takes a policy for one site for that site only, as the background does', async () => {
    await fakeBrowser.storage.local.set({ settings: { enforcement: { jira: 'off', trello: 'remind' } } });
    await fakeBrowser.storage.managed.set({ enforcement: { zendesk: 'off' } });
    const settings = liveSettings();
    await settings.ready();
    expect(['jira', 'zendesk', 'trello'].map((site) => settings.enforcement(site))).toEqual([
      'off',
      'off',
      'remind',
    ]);
    const background = applyPolicy(
      z.parse(settingsSchema, { enforcement: { jira: 'off', trello: 'remind' } }),
      parsePolicy({ enforcement: { zendesk: 'off' } }),
    );
    expect(settings.current().enforcement).toEqual(background.settings.enforcement);
    settings.stop();
  });

  it('once managed storage answers, its answer stands rather than the last one seen', async () => {
    await fakeBrowser.storage.local.set({ [POLICY_CACHE_KEY]: { enforcement: { jira: 'off' } } });
    const settings = liveSettings();
    await settings.ready();
    await vi.waitFor(() => expect(settings.enforcement('jira')).toBe('block'));
    settings.stop();
  });

  it("Firefox's rejection when no policy is installed is no policy: the user's settings stand", async () => {
    await fakeBrowser.storage.local.set({ settings: { enforcement: { jira: 'remind' } } });
    failingManagedStorage(FIREFOX_NO_POLICY);
    const settings = liveSettings();
    await settings.ready();
    expect(settings.enforcement('jira')).toBe('remind');
    settings.stop();
  });

  it('managed storage failing otherwise leaves the last policy the background saw in force', async () => {
    await fakeBrowser.storage.local.set({
      settings: { enforcement: { jira: 'remind' } },
      [POLICY_CACHE_KEY]: { enforcement: { jira: 'off' } },
    });
    failingManagedStorage(new Error('An unexpected error occurred'));
    const settings = liveSettings();
    await settings.ready();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settings.enforcement('jira')).toBe('off');
    settings.stop();
  });
});

describe('settingsInForce', () => {
  it.each(corpus.map((raw) => [JSON.stringify(raw), raw]))(
    'agrees with the background’s rule while the policy is unknown: %s',
    (_, raw) => {
      const parsed = z.safeParse(settingsSchema, raw);
      const full = withSafeEnforcement(parsed.success ? parsed.data : DEFAULT_SETTINGS);
      const content = settingsInForce(parseContentSettings(raw), null);
      expect(content.trello).toEqual(full.trello);
      for (const site of ['jira', 'zendesk', 'trello']) {
        expect(content.enforcement[site] ?? 'block').toBe(enforcementFor(full, site));
        expect(enforcementFor(full, site)).toBe('block');
      }
    },
  );

  it('a known policy wins site by site over the user’s settings', () => {
    const local = parseContentSettings({ enforcement: { jira: 'off' }, trello: { joinSelf: true } });
    const inForce = settingsInForce(local, parseContentPolicy({ enforcement: { zendesk: 'remind' } }));
    expect(inForce.enforcement).toEqual({ jira: 'off', zendesk: 'remind' });
    expect(inForce.trello.joinSelf).toBe(true);
    expect(settingsInForce(local, {}).enforcement).toEqual({ jira: 'off' });
  });
});
