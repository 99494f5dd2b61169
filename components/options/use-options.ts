import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import type { Template } from '../../lib/checklist/template';
import { sendToBackground } from '../../lib/messaging';
import { settingsItem } from '../../lib/storage/items';
import { applyPolicy, type LockableKey, type Policy, type Settings } from '../../lib/storage/settings';
import { activeTemplates, templatesItem } from '../../lib/storage/templates';
import { withChange } from './settings-edit';

// What the options page shows, read from storage (pages only read) and followed as it changes, and
// the one way it changes settings: through the background.

export interface OptionsData {
  /** The user's own settings, as stored. */
  local: Settings;
  /** The settings in force: the user's with the administrator's policy on top. */
  settings: Settings;
  locked: LockableKey[];
  policy: Policy;
  /** The templates in force (the built-in first unless a stored one replaces it). */
  templates: Template[];
}

async function loadOptionsData(): Promise<OptionsData> {
  const [local, active] = await Promise.all([settingsItem.get(), activeTemplates()]);
  const { policy } = active.settings;
  return { local, ...applyPolicy(local, policy), policy, templates: active.templates };
}

export type SaveSettings = (change: Partial<Settings>) => Promise<boolean>;

export function useOptions(): { data: OptionsData | null; saveSettings: SaveSettings } {
  const [data, setData] = useState<OptionsData | null>(null);
  // What the last save sent: a reload that lands while saves are still on their way keeps it, so a
  // control does not flick back to the value before.
  const latest = useRef<Settings | null>(null);
  const pending = useRef(0);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const current = useRef<OptionsData | null>(null);
  current.current = data;

  useEffect(() => {
    let live = true;
    const reload = () =>
      void loadOptionsData().then((loaded) => {
        if (!live) return;
        if (pending.current > 0 && latest.current) {
          const local = latest.current;
          setData({ ...loaded, local, ...applyPolicy(local, loaded.policy) });
        } else {
          latest.current = loaded.local;
          setData(loaded);
        }
      });
    reload();
    const stops = [settingsItem.watch(reload), templatesItem.watch(reload)];
    const onChanged = (_changes: unknown, area: string) => {
      if (area === 'managed') reload();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      for (const stop of stops) stop();
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);

  const saveSettings = useCallback<SaveSettings>((change) => {
    const shown = current.current;
    const base = latest.current;
    if (!shown || !base) return Promise.resolve(false);
    const next = withChange(base, change, shown.policy);
    latest.current = next;
    pending.current += 1;
    setData((before) => before && { ...before, local: next, ...applyPolicy(next, before.policy) });
    // One save at a time, in the order they were made: each carries every change before it.
    const run = queue.current
      .then(() => sendToBackground('settings:save', { settings: next }))
      .then(
        (answer) => answer.ok,
        () => false,
      )
      .finally(() => {
        pending.current -= 1;
      });
    queue.current = run;
    return run.then(async (ok) => {
      if (!ok && pending.current === 0) {
        // Show what is really stored again.
        const loaded = await loadOptionsData();
        latest.current = loaded.local;
        setData(loaded);
      }
      return ok;
    });
  }, []);

  return { data, saveSettings };
}
