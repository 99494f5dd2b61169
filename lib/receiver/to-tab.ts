import * as z from 'zod/mini';
import { COMMENT_FORMATS } from '../sites/site-record';

// The messages the background sends to the receiver script in a tab, parsed there (zod/mini: the
// script is injected into host pages). lib/messaging.ts builds on these same definitions.

const id = z.string().check(z.minLength(1), z.maxLength(100));

export const toReceiver = {
  // Post a reply to the handoff; for an acknowledgement, only if the thread does not already carry one.
  'receiver:post': z.object({
    type: z.literal('receiver:post'),
    handoffId: id,
    ticketKey: z.string().check(z.maxLength(100)),
    kind: z.enum(['ack', 'question']),
    body: z.unknown(),
  }),
  'receiver:close': z.object({ type: z.literal('receiver:close'), handoffId: id }),
} as const;

export type ToReceiver = {
  [T in keyof typeof toReceiver]: z.infer<(typeof toReceiver)[T]>;
}[keyof typeof toReceiver];

export function parseToReceiver(message: unknown): ToReceiver | null {
  const type =
    typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
  if (typeof type !== 'string' || !Object.hasOwn(toReceiver, type)) return null;
  const parsed = z.safeParse(toReceiver[type as keyof typeof toReceiver], message);
  return parsed.success ? (parsed.data as ToReceiver) : null;
}

export const receiverShowSchema = z.object({
  site: z.string().check(z.maxLength(40)),
  ticketKey: z.string().check(z.minLength(1), z.maxLength(100)),
  handoff: z.object({
    handoffId: id,
    from: z.string().check(z.maxLength(200)),
    at: z.number(),
    nextAction: z.nullable(z.string().check(z.maxLength(2000))),
  }),
  me: z.object({ id: z.string().check(z.maxLength(200)), name: z.string().check(z.maxLength(200)) }),
  /** The format replies take on this page's host, where it differs from the site's (Jira Data Center). */
  commentFormat: z.optional(z.enum(COMMENT_FORMATS)),
});

export const showAnswerSchema = z.object({ show: z.boolean() });
