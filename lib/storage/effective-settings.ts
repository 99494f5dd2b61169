import { browser } from 'wxt/browser';
import { settingsItem } from './items';
import { applyPolicy, type LockableKey, type Policy, parsePolicy, type Settings } from './settings';

// The settings in force for the background and the extension pages: the user's, overridden by an
// administrator's policy where it says so.

export async function readPolicy(): Promise<Policy> {
  try {
    return parsePolicy(await browser.storage.managed.get());
  } catch {
    return {};
  }
}

export async function effectiveSettings(): Promise<{
  settings: Settings;
  locked: LockableKey[];
  policy: Policy;
}> {
  const [local, policy] = await Promise.all([settingsItem.get(), readPolicy()]);
  return { ...applyPolicy(local, policy), policy };
}
