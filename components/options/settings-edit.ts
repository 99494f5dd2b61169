import * as z from 'zod/mini';
import { type Locale, localize, type Template } from '../../lib/checklist/template';
import { builtInSiteOf } from '../../lib/sites/registry';
import {
  type CustomHost,
  customHostSchema,
  PER_SITE_KEYS,
  type Policy,
  type Settings,
} from '../../lib/storage/settings';

// The pure side of the options page's settings: what is sent to the background, and the checks made
// on what a person typed before anything is sent.

/**
 * The user's stored settings with `change` applied, except for what an administrator's policy locks:
 * that is sent exactly as stored, so the page never changes it (the policy's value is applied on top
 * when settings are read, and the user's own comes back if the policy is lifted). A per-site key is
 * locked site by site: the sites the policy names keep their stored value, the others take the change.
 */
export function withChange(local: Settings, change: Partial<Settings>, policy: Policy): Settings {
  const next: Settings = { ...local };
  for (const key of Object.keys(change) as (keyof Settings)[]) {
    const value = change[key];
    const set = policy[key];
    if (value === undefined) continue;
    if (set === undefined) {
      Object.assign(next, { [key]: value });
    } else if ((PER_SITE_KEYS as readonly string[]).includes(key)) {
      const stored = local[key] as Record<string, unknown>;
      const merged: Record<string, unknown> = { ...(value as Record<string, unknown>) };
      for (const site of Object.keys(set)) {
        if (Object.hasOwn(stored, site)) merged[site] = stored[site];
        else delete merged[site];
      }
      Object.assign(next, { [key]: merged });
    }
  }
  return next;
}

export type HostProblem = 'invalid' | 'not_https' | 'built_in' | 'duplicate';

/**
 * The origin of a URL a person typed for a custom host (any page on it will do), or why it cannot be
 * one: only https origins, not a host Baton already covers, not one already added.
 */
export function parseHostOrigin(
  input: string,
  existing: readonly CustomHost[],
): { ok: true; origin: string } | { ok: false; problem: HostProblem } {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, problem: 'invalid' };
  }
  if (url.protocol !== 'https:') return { ok: false, problem: 'not_https' };
  const origin = url.origin;
  if (!z.safeParse(customHostSchema.shape.origin, origin).success) return { ok: false, problem: 'invalid' };
  if (builtInSiteOf(url.hostname) !== null) return { ok: false, problem: 'built_in' };
  if (existing.some((host) => host.origin === origin)) return { ok: false, problem: 'duplicate' };
  return { ok: true, origin };
}

export const RETENTION_MIN = 1;
export const RETENTION_MAX = 3650;

/** Whole days between 1 and 3650, or null. */
export function parseRetention(raw: string): number | null {
  const trimmed = raw.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const days = Number(trimmed);
  return days >= RETENTION_MIN && days <= RETENTION_MAX ? days : null;
}

export const MAX_HANDOFF_LISTS = 50;
const MAX_LIST_NAME = 200;

/** One list name per line: trimmed, blank lines and repeats left out, each cut to what settings keep. */
export function parseHandoffLists(text: string): string[] {
  const names: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const name = line.trim().slice(0, MAX_LIST_NAME);
    if (name && !names.includes(name)) names.push(name);
  }
  return names.slice(0, MAX_HANDOFF_LISTS);
}

/**
 * Where the background's template error is, in the person's terms: the error names the path in the
 * list that was sent (`templates[1].fields.2.id: …`), which the person never saw.
 */
export function saveErrorPlace(
  error: string,
  sent: readonly Template[],
  locale: Locale,
): { template: string; field: number | null } | null {
  const match = /^templates\[(\d+)\](?:\.fields\.(\d+))?/.exec(error);
  const template = match ? sent[Number(match[1])] : undefined;
  if (!match || !template) return null;
  return {
    template: localize(template.name, locale) || template.id,
    field: match[2] === undefined ? null : Number(match[2]) + 1,
  };
}
