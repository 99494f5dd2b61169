import * as z from 'zod/mini';
import { CUSTOM_HOST_SITES, SITE_IDS, SITES, type SiteId } from '../sites/registry';
import type { SiteRecord, SiteSetting } from '../sites/site-record';

// What a user (or an administrator's policy) can change. zod/mini: content scripts read it on every
// host page. Every key has a default, so settings stored by an older version stay valid.

export const enforcementSchema = z.enum(['block', 'remind', 'off']);
export type Enforcement = z.infer<typeof enforcementSchema>;

/** The settings keys each site declares in its record (Trello: its handoff rules), all sites' together. */
type SitePieces = UnionToIntersection<
  { [K in SiteId]: (typeof SITES)[K] extends { settings: infer P } ? P : never }[SiteId]
>;
type UnionToIntersection<U> = (U extends unknown ? (piece: U) => void : never) extends (
  piece: infer I,
) => void
  ? I
  : never;
/** The settings keys that belong to one site (declared in its record). */
export type SiteSettingKey = keyof SitePieces;
type PieceSchema<K extends keyof SitePieces> = SitePieces[K] extends { schema: infer S extends z.ZodMiniType }
  ? S
  : never;

const SITE_PIECES: [string, SiteSetting][] = SITE_IDS.flatMap((site) =>
  Object.entries((SITES[site] as SiteRecord).settings ?? {}),
);
const siteSettings = Object.fromEntries(
  SITE_PIECES.map(([key, piece]) => [key, z._default(piece.schema, piece.fallback)]),
) as { [K in keyof SitePieces]: z.ZodMiniDefault<PieceSchema<K>> };
const sitePolicies = Object.fromEntries(
  SITE_PIECES.map(([key, piece]) => [key, z.optional(piece.schema)]),
) as { [K in keyof SitePieces]: z.ZodMiniOptional<PieceSchema<K>> };

/** A host outside the built-in patterns (Jira Data Center, a Zendesk host-mapped domain) and which adapter it uses. */
export const customHostSchema = z.object({
  origin: z.string().check(z.regex(/^https:\/\/[a-z0-9.-]+(?::\d{1,5})?$/)),
  site: z.enum(CUSTOM_HOST_SITES),
});
export type CustomHost = z.infer<typeof customHostSchema>;

export const settingsSchema = z.object({
  enforcement: z._default(z.record(z.string(), enforcementSchema), {}),
  templateBySite: z._default(z.record(z.string(), z.string()), {}),
  ...siteSettings,
  customHosts: z._default(z.array(customHostSchema).check(z.maxLength(50)), []),
  retentionDays: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(3650)), 365),
  /** Per site: whether the receiver of a handoff is shown it when they open the ticket (absent = on). */
  receiver: z._default(z.record(z.string(), z.boolean()), {}),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = z.parse(settingsSchema, {});

/**
 * The settings to act on while the administrator's policy is not known at all (right after a browser
 * start managed storage answers only after seconds, and no answer was kept before): the safe defaults
 * for enforcement, which block on every site, since a policy may lock it. The content scripts' copy of
 * this rule is settingsInForce in lib/guard/live-settings.ts.
 */
export function withSafeEnforcement(settings: Settings): Settings {
  return { ...settings, enforcement: DEFAULT_SETTINGS.enforcement };
}

export function enforcementFor(settings: Settings, site: string): Enforcement {
  return settings.enforcement[site] ?? 'block';
}

export function receiverFor(settings: Settings, site: string): boolean {
  return settings.receiver[site] ?? true;
}

/**
 * An administrator's policy (browser managed storage, see public/managed_schema.json): any key it sets
 * wins over the user's setting and shows as locked. Templates are validated where they are used.
 */
export const policySchema = z.object({
  enforcement: z.optional(z.record(z.string(), enforcementSchema)),
  templateBySite: z.optional(z.record(z.string(), z.string())),
  ...sitePolicies,
  customHosts: z.optional(z.array(customHostSchema).check(z.maxLength(50))),
  retentionDays: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(3650))),
  receiver: z.optional(z.record(z.string(), z.boolean())),
  templates: z.optional(z.array(z.unknown()).check(z.maxLength(50))),
});
export type Policy = z.infer<typeof policySchema>;

export type LockableKey = keyof Settings | 'templates';

/**
 * Keys that hold one value per site. A policy sets the sites it names and leaves the others to the
 * user: a policy of `{ enforcement: { jira: 'block' } }` must not put Zendesk and Trello back to the default.
 */
export const PER_SITE_KEYS = ['enforcement', 'templateBySite', 'receiver'] as const;
type PerSiteKey = (typeof PER_SITE_KEYS)[number];
const isPerSite = (key: string): key is PerSiteKey => (PER_SITE_KEYS as readonly string[]).includes(key);

export function applyPolicy(
  settings: Settings,
  policy: Policy,
): { settings: Settings; locked: LockableKey[] } {
  const locked = (Object.keys(policy) as LockableKey[]).filter((key) => policy[key] !== undefined);
  const { templates: _templates, ...overrides } = policy;
  const merged = { ...settings };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    const perSite = isPerSite(key) ? { ...settings[key], ...(value as Record<string, unknown>) } : null;
    Object.assign(merged, { [key]: perSite ?? value });
  }
  return { settings: merged, locked };
}

/** Whether the policy sets this key, or for a per-site key, this site's value of it. */
export function lockedFor(policy: Policy, key: PerSiteKey, site: string): boolean {
  const values = policy[key];
  return values !== undefined && Object.hasOwn(values, site);
}

/** Key by key: one malformed entry in a policy must not unlock the others. */
export function parsePolicy(raw: unknown): Policy {
  if (typeof raw !== 'object' || raw === null) return {};
  const policy: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(policySchema.def.shape)) {
    const value = (raw as Record<string, unknown>)[key];
    const parsed = Object.hasOwn(raw, key) ? z.safeParse(schema, value) : null;
    if (parsed?.success && parsed.data !== undefined) policy[key] = parsed.data;
  }
  return policy as Policy;
}
