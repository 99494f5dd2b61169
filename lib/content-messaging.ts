import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import type { HeldAction } from './messaging';

// The part of the message protocol a content script speaks: it parses only the messages it receives
// (from the background), so the scripts that load on every host page carry these few small schemas
// rather than the whole protocol (lib/messaging.ts builds on these same definitions).

// Extension pages and content scripts run under a CSP without eval: zod must not try its compiled
// parsers (it would call the Function constructor).
z.config({ jitless: true });

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

export function parseToContent(message: unknown): ToContent | null {
  const type =
    typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
  if (typeof type !== 'string' || !Object.hasOwn(toContent, type)) return null;
  const parsed = z.safeParse(toContent[type as keyof typeof toContent], message);
  return parsed.success ? (parsed.data as ToContent) : null;
}

export const okSchema = z.object({ ok: z.boolean() });

type FromContent =
  | { type: 'hold:open'; held: HeldAction }
  | { type: 'hold:done'; holdId: string }
  | { type: 'health:report'; site: string; missing: string[] };

export async function sendFromContent(message: FromContent): Promise<z.infer<typeof okSchema>> {
  return z.parse(okSchema, await browser.runtime.sendMessage(message));
}
