import * as z from 'zod/mini';
import { DEFAULT_TRELLO_RULES, type TrelloRules } from '../sites/trello-rules';

// What a user (or an administrator's policy) can change. zod/mini: content scripts read it on every
// host page. Missing keys take their defaults, so older stored settings stay valid.

export const enforcementSchema = z.enum(['block', 'remind', 'off']);
export type Enforcement = z.infer<typeof enforcementSchema>;

const trelloRulesSchema = z.object({
  addOthers: z.boolean(),
  removeSelfWhileOthersStay: z.boolean(),
  joinSelf: z.boolean(),
  removeOthers: z.boolean(),
  handoffLists: z.array(z.string().check(z.maxLength(200))).check(z.maxLength(50)),
});

export const settingsSchema = z.object({
  enforcement: z.record(z.string(), enforcementSchema),
  templateBySite: z.record(z.string(), z.string()),
  trello: trelloRulesSchema,
  retentionDays: z.number().check(z.int(), z.minimum(1), z.maximum(3650)),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  enforcement: {},
  templateBySite: {},
  trello: DEFAULT_TRELLO_RULES satisfies TrelloRules,
  retentionDays: 365,
};

/** Key in storage.local; the storage item itself lives in items.ts, away from content scripts. */
export const SETTINGS_KEY = 'settings';

export function enforcementFor(settings: Settings, site: string): Enforcement {
  return settings.enforcement[site] ?? 'block';
}
