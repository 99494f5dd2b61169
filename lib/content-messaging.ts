import * as z from 'zod/mini';

// The messages the background sends to a content script (lib/messaging.ts builds on these). The content
// script checks what it receives by hand to these same rules (lib/guard/background-messages.ts), so the
// scripts that load on every host page carry no zod.

const id = z.string().check(z.minLength(1), z.maxLength(100));

export const toContent = {
  'hold:post': z.object({
    type: z.literal('hold:post'),
    holdId: id,
    handoffId: id,
    ticketKey: z.string(),
    body: z.unknown(),
    // The last comment of the handoff: the content script releases the reassign as soon as it lands,
    // without another round trip through a service worker that may be stopped.
    release: z.boolean(),
    // A retry after a failure whose answer may have been lost: look for the comment before posting again.
    checkFirst: z.boolean(),
  }),
  'hold:release': z.object({ type: z.literal('hold:release'), holdId: id }),
  'hold:abort': z.object({ type: z.literal('hold:abort'), holdId: id }),
  // The handoff is cancelled after its comments landed but its reassign did not: take them back.
  'hold:unpost': z.object({
    type: z.literal('hold:unpost'),
    holdId: id,
    comments: z.array(z.object({ ticketKey: z.string(), commentId: id })).check(z.maxLength(1000)),
  }),
  'outbox:post': z.object({
    type: z.literal('outbox:post'),
    handoffId: id,
    ticketKey: z.string(),
    body: z.unknown(),
    checkFirst: z.boolean(),
  }),
} as const;

export type ToContent = {
  [T in keyof typeof toContent]: z.infer<(typeof toContent)[T]>;
}[keyof typeof toContent];

export const okSchema = z.object({ ok: z.boolean() });
