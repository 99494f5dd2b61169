// Every key Baton stores under, in one place: no two parts can pick the same name, and what is kept
// where is read here. WXT's form, `<area>:<name>`; a value that failed to parse is set aside under
// `<area>:corrupt:<name>:<time>` (validated-item.ts). The scripts on host pages read two of them under
// names written out (lib/guard/live-settings.ts), so that they load no key table.

export const KEYS = {
  // Session: gone when the browser session ends.
  /** Reassigns waiting for their checklist. */
  holds: 'session:holds',
  receiverBanners: 'session:receiverBanners',
  receiverDismissed: 'session:receiverDismissed',
  /** The last write the browser refused, for the popup. */
  storageProblem: 'session:storageProblem',

  // Local: kept until the user clears it.
  settings: 'local:settings',
  /** The administrator's policy as managed storage last gave it. */
  policyCache: 'local:policyCache',
  templates: 'local:templates',
  drafts: 'local:drafts',
  outbox: 'local:outbox',
  events: 'local:events',
  eventArchive: 'local:eventArchive',
  eventBuckets: 'local:eventBuckets',
  eventDigest: 'local:eventDigest',
  /** The last week of it, as much as the popup's main figures need. */
  figureDigest: 'local:figureDigest',
  /** The main figures themselves, worked out ahead from it: what the popup reads first. */
  figureSteps: 'local:figureSteps',
  /** Written with every write of the event log, so a worker knows whether its copy is current. */
  eventLogStamp: 'local:eventLogStamp',
  health: 'local:health',
  hostCounts: 'local:hostCounts',
  received: 'local:received',
} as const;

/** Keys earlier versions wrote and nothing reads any more: removed when Baton is installed or updated. */
export const RETIRED_KEYS = ['local:recentDigest', 'local:weekDigest'] as const;

export type StorageKey = `local:${string}` | `session:${string}`;

/** The key as the browser's own storage API names it, without WXT's area prefix. */
export function areaName(key: StorageKey): string {
  return key.slice(key.indexOf(':') + 1);
}
