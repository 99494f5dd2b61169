import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import {
  applyPolicy,
  DEFAULT_SETTINGS,
  SETTINGS_KEY as KEY,
  type Policy,
  parsePolicy,
  type Settings,
  settingsSchema,
} from '../storage/settings';

// The settings as a content script sees them, kept current without a reload: read once at start, then
// followed through storage.onChanged. Read with plain browser.storage so host pages do not carry the
// storage library; what is read is parsed like everywhere else.

function parse(raw: unknown): Settings {
  const parsed = z.safeParse(settingsSchema, raw);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export interface LiveSettings {
  current(): Settings;
  stop(): void;
}

export function liveSettings(): LiveSettings {
  let local = DEFAULT_SETTINGS;
  let policy: Policy = {};
  let settings = DEFAULT_SETTINGS;
  const update = () => {
    settings = applyPolicy(local, policy).settings;
  };
  void browser.storage.local
    .get(KEY)
    .then((stored) => {
      local = parse(stored[KEY] ?? DEFAULT_SETTINGS);
      update();
    })
    .catch(() => undefined);
  // Managed storage rejects when no policy is installed (Firefox) or the schema is absent: no policy then.
  const readPolicy = () =>
    browser.storage.managed
      .get()
      .then((managed) => {
        policy = parsePolicy(managed);
        update();
      })
      .catch(() => undefined);
  void readPolicy();
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'managed') void readPolicy();
    if (area !== 'local' || !changes[KEY]) return;
    local = parse(changes[KEY].newValue ?? DEFAULT_SETTINGS);
    update();
  };
  browser.storage.onChanged.addListener(listener);
  return { current: () => settings, stop: () => browser.storage.onChanged.removeListener(listener) };
}
