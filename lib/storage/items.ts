import * as z from 'zod/mini';
import { handsSummarySchema, hostCountSchema } from '../history/ticket-history';
import { heldActionSchema, postFailureSchema, rawAnswersSchema } from '../hold';
import { digestSchema, encodeDigest, encodeWeek, figureDigestSchema } from '../metrics/digest';
import { metricEventSchema } from '../metrics/event';
import { figureStepsSchema, NO_STEPS } from '../metrics/figure-steps';
import { dayBucketsSchema } from '../metrics/retention';
import { KEYS } from './keys';
import { DEFAULT_SETTINGS, settingsSchema } from './settings';
import { validatedItem } from './validated-item';

// Everything Baton keeps. Only the background writes; pages read.

/** Reassigns waiting for their checklist. Session storage: a held action cannot outlive the browser session. */
const holdSchema = z.object({
  held: heldActionSchema,
  tabId: z.number(),
  frameId: z.number(),
  /** The checklist frame that shows this hold, the only one the background tells about it. */
  checklistFrameId: z.optional(z.number()),
  shownAt: z.number(),
  /** The page is still reading part of the context (hold:open's contextPending): a Complete waits for it. */
  contextPending: z.optional(z.boolean()),
  /** The template shown, fixed when the hold opens so an edit meanwhile cannot change what is validated. */
  template: z.unknown(),
  failure: z.optional(postFailureSchema),
  /** The comments are on the ticket and only the reassign is left: a retry must not post them again. */
  posted: z.optional(z.boolean()),
  /** The comments this handoff has posted, as the host named them, to take back if it is cancelled. */
  postedComments: z.optional(
    z.array(z.object({ ticketKey: z.string(), commentId: z.string().check(z.maxLength(100)) })),
  ),
  /** The validated answers once Complete was pressed, for the event recorded when the handoff lands. */
  answers: z.optional(z.record(z.string(), z.union([z.string(), z.array(z.string())]))),
  /** How often the ticket changed hands, once its history was read (null: nothing to show, or unreadable). */
  hands: z.optional(z.nullable(handsSummarySchema)),
});
export type Hold = z.infer<typeof holdSchema>;
export const holdsItem = validatedItem(
  KEYS.holds,
  z.record(z.string(), holdSchema),
  () => ({}),
  { version: 1 },
  { keep: true },
);

/** What the user typed, per ticket, until the handoff is posted. */
const draftSchema = z.object({ answers: rawAnswersSchema, updatedAt: z.number() });
const draftsSchema = z.record(z.string(), draftSchema);
export type Drafts = z.infer<typeof draftsSchema>;
export const draftsItem = validatedItem(
  KEYS.drafts,
  draftsSchema,
  () => ({}),
  { version: 1 },
  { keep: true },
);
export const DRAFT_LIMIT = 200;
export const DRAFT_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

/** Comments not yet posted: one entry per ticket, kept until the host accepts it or the user discards it. */
const outboxEntrySchema = z.object({
  handoffId: z.string(),
  holdId: z.string(),
  site: z.string(),
  origin: z.string(),
  ticketKey: z.string(),
  body: z.unknown(),
  summaryText: z.string(),
  createdAt: z.number(),
  attempts: z.number(),
  nextAttemptAt: z.number(),
  /** The reassign went ahead without the comment; from then on the background retries on its own. */
  released: z.boolean(),
  /**
   * Its checklist went away before it was posted (Baton was updated, or the browser restarted), and so
   * did the reassign: nothing posts it on its own; the popup offers to post, copy or discard it.
   */
  stranded: z.optional(z.boolean()),
  lastFailure: z.optional(postFailureSchema),
});
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;
export const outboxItem = validatedItem(KEYS.outbox, z.array(outboxEntrySchema), () => [], { version: 1 });

/** Recent events (the last 32 days); older ones move to the archive, and their counts into day buckets. */
export const eventsItem = validatedItem(KEYS.events, z.array(metricEventSchema), () => [], { version: 1 });
export const archiveItem = validatedItem(KEYS.eventArchive, z.array(metricEventSchema), () => [], {
  version: 1,
});
export const bucketsItem = validatedItem(KEYS.eventBuckets, dayBucketsSchema, () => [], { version: 1 });
/** The recent log packed for the popup (lib/metrics/digest.ts); always written together with `events`. */
export const digestItem = validatedItem(KEYS.eventDigest, digestSchema, () => encodeDigest([]), {
  version: 1,
});
/** Its last week, which the popup reads first; written in the same write as the digest. */
export const figureDigestItem = validatedItem(
  KEYS.figureDigest,
  figureDigestSchema,
  () => encodeWeek([], 0, 0),
  { version: 1 },
);
/** The main figures from the moment it was written, worked out from it; rewritten when they run out. */
export const figureStepsItem = validatedItem(KEYS.figureSteps, figureStepsSchema, () => NO_STEPS, {
  version: 1,
});
/** Events kept in the recent log and the archive together; counts beyond live on in the buckets. */
export const EVENT_LIMIT = 50_000;

/** Page elements an adapter could not find on the last visit, per site. */
export const healthItem = validatedItem(
  KEYS.health,
  z.record(z.string(), z.object({ missing: z.array(z.string()), at: z.number() })),
  () => ({}),
  { version: 1 },
);

export const settingsItem = validatedItem(
  KEYS.settings,
  settingsSchema,
  () => DEFAULT_SETTINGS,
  { version: 1 },
  { keep: true },
);

/** The hosts' own counts of how often tickets changed hands, for tickets Baton has seen (most recent kept). */
export const hostCountsItem = validatedItem(
  KEYS.hostCounts,
  z.record(z.string(), hostCountSchema),
  () => ({}),
  { version: 1 },
);
export const HOST_COUNTS_LIMIT = 500;
