import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { DEFAULT_SETTINGS, SETTINGS_KEY as KEY, type Settings, settingsSchema } from '../storage/settings';

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
  let settings = DEFAULT_SETTINGS;
  void browser.storage.local
    .get(KEY)
    .then((stored) => {
      settings = parse(stored[KEY] ?? DEFAULT_SETTINGS);
    })
    .catch(() => undefined);
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[KEY];
    if (area === 'local' && change) settings = parse(change.newValue ?? DEFAULT_SETTINGS);
  };
  browser.storage.onChanged.addListener(listener);
  return { current: () => settings, stop: () => browser.storage.onChanged.removeListener(listener) };
}
