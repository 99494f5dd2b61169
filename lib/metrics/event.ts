import * as z from 'zod/mini';

// One event per guarded reassign (DESIGN.md §6). Stored locally only.
const outcomeSchema = z.enum(['completed', 'cancelled', 'bypassed', 'post_failed']);
export type Outcome = z.infer<typeof outcomeSchema>;

export const metricEventSchema = z.object({
  id: z.string(),
  site: z.string(),
  ticketKey: z.string(),
  url: z.optional(z.string()),
  from: z.optional(z.string()),
  to: z.optional(z.string()),
  outcome: outcomeSchema,
  /** Milliseconds from the dialog shown to Complete; only for completed handoffs. */
  fillMs: z.optional(z.number().check(z.nonnegative())),
  reason: z.optional(z.string()),
  /** Why a "remind" checklist was skipped (outcome bypassed). */
  skipReason: z.optional(z.string().check(z.maxLength(500))),
  fieldsFilled: z.number().check(z.int(), z.nonnegative()),
  /** Epoch milliseconds. */
  at: z.number(),
});
export type MetricEvent = z.infer<typeof metricEventSchema>;
