import { browser } from 'wxt/browser';
import { type Check, isRecord, recordOf } from '../checks';
import { DEFAULT_TRELLO_RULES, parseTrelloRules } from '../sites/trello/rules';
import { isNoPolicy } from '../storage/no-policy';
import type { Enforcement, Settings } from '../storage/settings';

// The settings as a content script sees them, kept current without a reload: read once, then followed
// through storage.onChanged. Only what a content script reads (enforcement, Trello's rules),
// checked by hand rather than with the zod schema in storage/settings.ts, which this must agree with
// (test/unit/guard/live-settings.test.ts): host pages carry neither zod nor the storage library.

export type ContentSettings = Pick<Settings, 'enforcement' | 'trello'>;

// KEYS.settings and KEYS.policyCache (lib/storage/keys.ts) written out, so host pages load no key table;
// test/unit/storage/items.test.ts and live-settings.test.ts hold both names.
const KEY = 'settings';
/** The last policy the background saw (lib/storage/effective-settings.ts). */
const POLICY_CACHE_KEY = 'policyCache';
const DEFAULTS: ContentSettings = { enforcement: {}, trello: DEFAULT_TRELLO_RULES };

const isEnforcement: Check<Enforcement> = (value): value is Enforcement =>
  value === 'block' || value === 'remind' || value === 'off';
const isEnforcements = recordOf(isEnforcement);

/** The user's settings; the defaults when what is stored does not parse, as settingsItem reads it. */
export function parseContentSettings(raw: unknown): ContentSettings {
  if (raw === undefined || raw === null) return DEFAULTS;
  if (!isRecord(raw)) return DEFAULTS;
  const enforcement = raw.enforcement === undefined ? {} : raw.enforcement;
  const trello = raw.trello === undefined ? DEFAULT_TRELLO_RULES : parseTrelloRules(raw.trello);
  return isEnforcements(enforcement) && trello ? { enforcement, trello } : DEFAULTS;
}

/** What an administrator's policy sets of these, key by key, as parsePolicy reads it. */
export function parseContentPolicy(raw: unknown): Partial<ContentSettings> {
  if (!isRecord(raw)) return {};
  const policy: Partial<ContentSettings> = {};
  if (isEnforcements(raw.enforcement)) policy.enforcement = raw.enforcement;
  const trello = raw.trello === undefined ? null : parseTrelloRules(raw.trello);
  if (trello) policy.trello = trello;
  return policy;
}

/**
 * The settings in force: the user's, overridden site by site by the administrator's policy; while the
 * policy is not known at all (managed storage has not answered, and none was seen before), the safe
 * defaults for enforcement, which block on every site, since a policy may lock it.
 */
export function settingsInForce(
  local: ContentSettings,
  policy: Partial<ContentSettings> | null,
): ContentSettings {
  if (!policy) return { ...local, enforcement: DEFAULTS.enforcement };
  // As applyPolicy in storage/settings.ts: the policy's enforcement is merged site by site.
  return {
    enforcement: { ...local.enforcement, ...policy.enforcement },
    trello: policy.trello ?? local.trello,
  };
}

export interface LiveSettings {
  /**
   * Starts reading the settings (once) and following their changes; resolves when what is known without
   * waiting for managed storage has been read (right after a browser start it answers only after seconds).
   */
  ready(): Promise<void>;
  loaded(): boolean;
  current(): ContentSettings;
  /** What the user (or the policy) set for a site; `block` when nothing is set, as enforcementFor says. */
  enforcement(site: string): Enforcement;
  /** Called after the settings in force changed, e.g. when the administrator's policy arrives. */
  onChange(listener: () => void): void;
  stop(): void;
}

/**
 * Nothing is read when the page loads: storage is first touched when the page is first used (the guard
 * calls ready() on the first pointer or key event), so a page that is only looked at pays nothing.
 */
export function liveSettings(): LiveSettings {
  let local = DEFAULTS;
  /** null while unknown: managed storage has not answered in this page and no answer was kept before. */
  let policy: Partial<ContentSettings> | null = null;
  let settings = settingsInForce(local, policy);
  let reading: Promise<void> | null = null;
  let loaded = false;
  let managedAnswered = false;
  const listeners: (() => void)[] = [];
  const update = () => {
    settings = settingsInForce(local, policy);
    for (const listener of listeners) listener();
  };
  // Firefox rejects when no policy is installed: no policy then. Any other failure leaves the last
  // policy the background saw in force (lib/storage/no-policy.ts).
  const readPolicy = () => {
    const answered = (managed: unknown) => {
      policy = parseContentPolicy(managed);
      managedAnswered = true;
      update();
    };
    return browser.storage.managed.get().then(answered, (error: unknown) => {
      if (isNoPolicy(error)) answered({});
    });
  };
  // The policy the background last saw stands in until managed storage answers; without one, the safe
  // defaults do (settingsInForce). Either way nothing waits for managed storage: its answer is applied
  // when it comes, and the guard acts on the change (guard.ts).
  const readLocal = () =>
    browser.storage.local
      .get([KEY, POLICY_CACHE_KEY])
      .then((stored) => {
        local = parseContentSettings(stored[KEY]);
        const cached = stored[POLICY_CACHE_KEY];
        if (!managedAnswered && isRecord(cached)) policy = parseContentPolicy(cached);
        update();
      })
      .catch(() => undefined);
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'managed') void readPolicy();
    if (area !== 'local' || !changes[KEY]) return;
    local = parseContentSettings(changes[KEY].newValue);
    update();
  };
  return {
    ready() {
      if (!reading) {
        browser.storage.onChanged.addListener(listener);
        void readPolicy();
        reading = readLocal().then(() => {
          loaded = true;
        });
      }
      return reading;
    },
    loaded: () => loaded,
    current: () => settings,
    enforcement: (site) =>
      (Object.hasOwn(settings.enforcement, site) ? settings.enforcement[site] : undefined) ?? 'block',
    onChange(listener) {
      listeners.push(listener);
    },
    stop() {
      if (reading) browser.storage.onChanged.removeListener(listener);
      listeners.length = 0;
    },
  };
}
