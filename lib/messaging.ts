import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { askBackground } from './ask-background';
import { handoffContextSchema } from './checklist/context';
import { templateShapeSchema } from './checklist/template-shape';
import { okSchema as ok, toContent } from './content-messaging';
import { handsSummarySchema } from './history/ticket-history';
import { heldActionSchema, id, postFailureSchema, postResultSchema, rawAnswersSchema } from './hold';
import { receiverShowSchema, showAnswerSchema, toReceiver } from './receiver/to-tab';
import { enforcementSchema, settingsSchema } from './storage/settings';

// The typed message protocol between content scripts, the checklist page, the popup and the
// background. zod/mini because content scripts on every host page import it. Every message is parsed
// where it is received; nothing is trusted because of where it says it comes from.

// The payloads about a hold are defined with the hold (lib/hold.ts), which storage keeps too; the
// types are named here as well, as what the messages carry.
export type { HeldAction, PostFailure, PostResult } from './hold';

/** A hold as its checklist frame shows it: all the frame needs to draw the dialog. */
const shownHoldSchema = z.object({
  found: z.literal(true),
  held: heldActionSchema,
  shownAt: z.number(),
  template: templateShapeSchema,
  enforcement: enforcementSchema,
  draft: z.nullable(rawAnswersSchema),
  failure: z.optional(postFailureSchema),
});
export type ShownHold = z.infer<typeof shownHoldSchema>;

export const protocol = {
  // content script → background
  // frameId: the checklist frame that shows the hold, as that frame reported it to the content script.
  // contextPending: the page is still reading what the DOM did not say (e.g. who the new assignee is by
  // account); a hold:context follows, and a Complete meanwhile waits for it.
  'hold:open': {
    request: z.object({
      held: heldActionSchema,
      frameId: z.int().check(z.positive()),
      contextPending: z.optional(z.boolean()),
    }),
    response: ok,
  },
  'hold:context': { request: z.object({ holdId: id, context: handoffContextSchema }), response: ok },
  // The comment landed and the reassign was released: told by the tab itself, so the background learns
  // it even when it was stopped while waiting for the answer to hold:post.
  'hold:done': { request: z.object({ holdId: id }), response: ok },
  // The site's enforcement turned off while the hold was open (a policy that arrived late): the tab let
  // the reassign go as if Baton had been off.
  'hold:off': { request: z.object({ holdId: id }), response: ok },
  'health:report': {
    request: z.object({ site: z.string(), missing: z.array(z.string().check(z.maxLength(100))) }),
    response: ok,
  },
  // background → content script (their schemas live with the content side, which parses them)
  'hold:post': { request: toContent['hold:post'], response: postResultSchema },
  // Releases the held reassign and answers once the host has done it, or why it has not.
  'hold:release': { request: toContent['hold:release'], response: postResultSchema },
  'hold:abort': { request: toContent['hold:abort'], response: ok },
  'hold:unpost': { request: toContent['hold:unpost'], response: ok },
  'outbox:post': { request: toContent['outbox:post'], response: postResultSchema },
  // checklist page → background
  // The frame's own id, which it tells the content script that framed it, and its tab's.
  'checklist:frame': {
    request: z.object({}),
    response: z.object({ frameId: z.number(), tabId: z.number() }),
  },
  // The hold opened for the asking frame (by its tab and frame), once the content script has opened it,
  // with all the frame shows: one round trip between the reassign and the dialog. Asked again when the
  // content script says the hold changed (its context completed).
  'hold:mine': {
    request: z.object({}),
    response: z.union([z.object({ found: z.literal(false) }), shownHoldSchema]),
  },
  // background → a checklist page: the hold just opened for a frame that has not asked yet, handed over
  // unasked, so the dialog does not wait for that frame's hold:mine to reach the background. Sent to that
  // frame of that tab only; the frame also checks that it names it.
  'hold:yours': {
    request: z.object({ tabId: z.number(), frameId: z.number(), hold: shownHoldSchema }),
    response: ok,
  },
  // The ticket's history, read through the tab once the dialog shows: found false when there is nothing
  // to show or the host would not say.
  'hold:history': {
    request: z.object({ holdId: id }),
    response: z.union([
      z.object({ found: z.literal(false) }),
      z.object({ found: z.literal(true), hands: handsSummarySchema }),
    ]),
  },
  'draft:save': { request: z.object({ holdId: id, answers: rawAnswersSchema }), response: ok },
  'hold:complete': {
    request: z.object({ holdId: id, answers: rawAnswersSchema }),
    response: z.discriminatedUnion('status', [
      z.object({ status: z.literal('done') }),
      z.object({ status: z.literal('invalid'), fields: z.array(z.string()) }),
      z.object({ status: z.literal('failed'), failure: postFailureSchema, summaryText: z.string() }),
      z.object({ status: z.literal('lost') }),
    ]),
  },
  'hold:cancel': { request: z.object({ holdId: id }), response: ok },
  'hold:release-anyway': { request: z.object({ holdId: id }), response: ok },
  // "remind" enforcement: the user may let the reassign through without a handoff, saying why.
  'hold:skip': {
    request: z.object({ holdId: id, reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(500)) }),
    response: ok,
  },
  // options page → background
  'settings:save': { request: z.object({ settings: settingsSchema }), response: ok },
  'templates:save': {
    request: z.object({ templates: z.array(z.unknown()).check(z.maxLength(50)) }),
    response: z.union([
      z.object({ ok: z.literal(true) }),
      z.object({ ok: z.literal(false), error: z.string() }),
    ]),
  },
  'data:clear': { request: z.object({ what: z.enum(['metrics', 'everything']) }), response: ok },
  // receiver script in a tab → background: the latest handoff on the ticket names this user, unacknowledged
  'receiver:show': { request: receiverShowSchema, response: showAnswerSchema },
  // background → receiver script
  'receiver:post': { request: toReceiver['receiver:post'], response: postResultSchema },
  'receiver:close': { request: toReceiver['receiver:close'], response: ok },
  // receiver banner page → background
  'receiver:get': {
    request: z.object({ handoffId: id }),
    response: z.union([
      z.object({ found: z.literal(false) }),
      z.object({
        found: z.literal(true),
        site: z.string(),
        ticketKey: z.string(),
        from: z.string(),
        at: z.number(),
        nextAction: z.nullable(z.string()),
      }),
    ]),
  },
  'receiver:act': {
    request: z.object({
      handoffId: id,
      action: z.enum(['ack', 'question', 'dismiss']),
      question: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(2000))),
    }),
    response: postResultSchema,
  },
  // popup → background: the outbox entry is named by its handoff and ticket (one entry per ticket)
  'outbox:retry': { request: z.object({ handoffId: id, ticketKey: z.string() }), response: ok },
  'outbox:discard': { request: z.object({ handoffId: id, ticketKey: z.string() }), response: ok },
} as const;

export type MessageType = keyof typeof protocol;
export type Request<T extends MessageType> = Omit<z.infer<(typeof protocol)[T]['request']>, 'type'>;
export type Response<T extends MessageType> = z.infer<(typeof protocol)[T]['response']>;
export type Envelope = { [T in MessageType]: { type: T } & Request<T> }[MessageType];

export function parseEnvelope(message: unknown): Envelope | null {
  if (typeof message !== 'object' || message === null || !('type' in message)) return null;
  const type = (message as { type: unknown }).type;
  if (typeof type !== 'string' || !Object.hasOwn(protocol, type)) return null;
  const parsed = z.safeParse(protocol[type as MessageType].request, message);
  return parsed.success ? ({ ...parsed.data, type } as Envelope) : null;
}

function parseResponse<T extends MessageType>(type: T, response: unknown): Response<T> {
  return z.parse(protocol[type].response, response) as Response<T>;
}

export async function sendToBackground<T extends MessageType>(
  type: T,
  request: Request<T>,
): Promise<Response<T>> {
  return parseResponse(type, await askBackground({ type, ...request }));
}

/**
 * In a checklist page: calls back with each hold the background hands this very frame unasked
 * (hold:yours), known by the tab and frame the background gave it (`ids`). Only the background's word
 * counts: a message from a page in a tab (a content script) is not taken.
 */
export function whenHanded(
  ids: Promise<{ tabId: number; frameId: number }>,
  take: (hold: ShownHold) => void,
): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender: { tab?: unknown; id?: string }) => {
    // Whatever else reaches this page (nothing should: requests go to the background over their own
    // ports, lib/ask-background.ts) is not parsed.
    if ((raw as { type?: unknown } | null)?.type !== 'hold:yours') return;
    if (sender.tab !== undefined || sender.id !== browser.runtime.id) return;
    const message = parseEnvelope(raw);
    if (message?.type !== 'hold:yours') return;
    void ids.then(({ tabId, frameId }) => {
      if (message.tabId === tabId && message.frameId === frameId) take(message.hold);
    });
  });
}

/** To one Baton page framed in a tab (a checklist frame), which answers nothing; no other page hears it. */
export async function sendToFrame<T extends MessageType>(
  tabId: number,
  frameId: number,
  type: T,
  request: Request<T>,
): Promise<void> {
  await browser.tabs.sendMessage(tabId, { type, ...request }, { frameId });
}

export async function sendToTab<T extends MessageType>(
  tabId: number,
  frameId: number,
  type: T,
  request: Request<T>,
): Promise<Response<T>> {
  return parseResponse(type, await browser.tabs.sendMessage(tabId, { type, ...request }, { frameId }));
}
