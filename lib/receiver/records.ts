import * as z from 'zod/mini';

// What Baton keeps about handoffs the user received: one record per handoff, written by the
// background only (lib/background/receiver.ts), read by the popup.

export const receivedRecordSchema = z.object({
  handoffId: z.string().check(z.maxLength(64)),
  site: z.string().check(z.maxLength(40)),
  origin: z.string().check(z.maxLength(300)),
  ticketKey: z.string().check(z.maxLength(100)),
  /** When the handoff comment was posted (the host's time). */
  handoffAt: z.number(),
  /** When the receiver first saw it in Baton's banner. */
  seenAt: z.number(),
  ackAt: z.optional(z.number()),
  questionAt: z.optional(z.number()),
  /** The receiver handed the ticket on again (through Baton) before acknowledging it. */
  passedOnAt: z.optional(z.number()),
});
export type ReceivedRecord = z.infer<typeof receivedRecordSchema>;

/** Enough for a long time of normal use; the oldest records go first beyond it. */
export const RECEIVED_LIMIT = 2000;
