import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { settingsItem } from './items';
import { KEYS } from './keys';
import { isNoPolicy } from './no-policy';
import {
  applyPolicy,
  type LockableKey,
  type Policy,
  parsePolicy,
  policySchema,
  type Settings,
  withSafeEnforcement,
} from './settings';
import { keptRead, validatedItem } from './validated-item';

// The settings in force for the background and the extension pages: the user's, overridden by an
// administrator's policy where it says so.
//
// Right after the browser starts, storage.managed takes seconds to answer (3.2 s measured in Chromium,
// with or without a policy), and every checklist would wait for it. So the background keeps the last
// answer in storage.local, and until managed storage has answered in this context that answer stands in.

/** The administrator's policy as managed storage last gave it; written by the background only. */
const policyCacheItem = validatedItem(
  KEYS.policyCache,
  z.nullable(policySchema),
  () => null,
  { version: 1 },
  { keep: true },
);

let managedAnswered = false;

// Kept in the background between reassigns (keepReadsInMemory), until managed storage says it changed.
const managedRead = keptRead('managed:', () =>
  browser.storage.managed.get().then(parsePolicy, (error: unknown) => {
    if (isNoPolicy(error)) return {};
    throw error;
  }),
);

/** The policy managed storage gives; rejects when it fails for another reason than "no policy" (no-policy.ts). */
async function managedPolicy(): Promise<Policy> {
  const policy = await managedRead.get();
  managedAnswered = true;
  return policy;
}

export async function readPolicy(): Promise<Policy> {
  const lastSeen = () => policyCacheItem.get().catch(() => null);
  // Managed storage failing leaves the last policy seen in force: a failure unlocks nothing.
  const fresh = managedPolicy().catch(() => lastSeen().then((last) => last ?? {}));
  if (managedAnswered) return fresh;
  const cached = lastSeen();
  return Promise.race([fresh, cached.then((last) => last ?? fresh)]);
}

/** The policy as far as it is known without waiting for managed storage; null when not known at all. */
async function policyKnownNow(): Promise<Policy | null> {
  const lastSeen = policyCacheItem.get().catch(() => null);
  // Managed storage failing leaves the last policy seen in force, as in readPolicy.
  const fresh = managedPolicy().catch(() => lastSeen);
  if (managedAnswered) return fresh;
  return Promise.race([fresh, lastSeen]);
}

/**
 * Asks managed storage and keeps its answer for the next browser start; true when it differs from the last.
 * Rejects, writing nothing, when managed storage fails.
 */
export async function refreshPolicyCache(): Promise<boolean> {
  const [policy, last] = await Promise.all([managedPolicy(), policyCacheItem.get()]);
  if (JSON.stringify(policy) === JSON.stringify(last)) return false;
  await policyCacheItem.set(policy);
  return true;
}

export interface Effective {
  settings: Settings;
  locked: LockableKey[];
  policy: Policy;
}

/** For what may wait for the policy (options, retention, custom hosts): waits when none was ever seen. */
export async function effectiveSettings(): Promise<Effective> {
  const [local, policy] = await Promise.all([settingsItem.get(), readPolicy()]);
  return { ...applyPolicy(local, policy), policy };
}

/**
 * For the checklist, which must not wait for managed storage: the policy last seen stands in, and
 * without one the safe defaults (withSafeEnforcement). A policy that then turns the site off is acted on
 * by the tab (lib/guard/guard.ts).
 */
export async function effectiveSettingsNow(): Promise<Effective> {
  const [local, policy] = await Promise.all([settingsItem.get(), policyKnownNow()]);
  if (policy) return { ...applyPolicy(local, policy), policy };
  return { settings: withSafeEnforcement(local), locked: [], policy: {} };
}
