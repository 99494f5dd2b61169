import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { settingsItem } from './items';
import {
  applyPolicy,
  type LockableKey,
  POLICY_CACHE_KEY,
  type Policy,
  parsePolicy,
  policySchema,
  type Settings,
} from './settings';
import { validatedItem } from './validated-item';

// The settings in force for the background and the extension pages: the user's, overridden by an
// administrator's policy where it says so.
//
// Right after the browser starts, storage.managed takes seconds to answer (3.2 s measured in Chromium,
// with or without a policy), and every checklist would wait for it. So the background keeps the last
// answer in storage.local, and until managed storage has answered in this context that answer stands in.

/** The administrator's policy as managed storage last gave it; written by the background only. */
const policyCacheItem = validatedItem(`local:${POLICY_CACHE_KEY}`, z.nullable(policySchema), () => null);

let managedAnswered = false;

/** Managed storage rejects when no policy is installed (Firefox) or the schema is absent: no policy then. */
async function managedPolicy(): Promise<Policy> {
  const policy = await browser.storage.managed.get().then(parsePolicy, () => ({}));
  managedAnswered = true;
  return policy;
}

export async function readPolicy(): Promise<Policy> {
  const fresh = managedPolicy();
  if (managedAnswered) return fresh;
  const cached = policyCacheItem.get().catch(() => null);
  return Promise.race([fresh, cached.then((last) => last ?? fresh)]);
}

/** Asks managed storage and keeps its answer for the next browser start; true when it differs from the last. */
export async function refreshPolicyCache(): Promise<boolean> {
  const [policy, last] = await Promise.all([managedPolicy(), policyCacheItem.get()]);
  if (JSON.stringify(policy) === JSON.stringify(last)) return false;
  await policyCacheItem.set(policy);
  return true;
}

export async function effectiveSettings(): Promise<{
  settings: Settings;
  locked: LockableKey[];
  policy: Policy;
}> {
  const [local, policy] = await Promise.all([settingsItem.get(), readPolicy()]);
  return { ...applyPolicy(local, policy), policy };
}
