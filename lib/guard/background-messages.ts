import { askBackground } from '../ask-background';
import type { HandoffContext } from '../checklist/context';
import { isBoolean, isRecord, isString, maxLength } from '../checks';
import type { ToContent } from '../content-messaging';
import type { HeldAction } from '../messaging';

// The content script's side of its messages with the background: what it receives is checked by hand,
// to the same rules as the zod schemas in content-messaging.ts that the background sends by (held to
// them in test/unit/guard/background-messages.test.ts), so host pages load no zod.

const isId = (value: unknown): value is string => maxLength(100)(value) && value !== '';

const checks: { [T in ToContent['type']]: (message: Record<string, unknown>) => boolean } = {
  'hold:post': (m) =>
    isId(m.holdId) &&
    isId(m.handoffId) &&
    isString(m.ticketKey) &&
    Object.hasOwn(m, 'body') &&
    isBoolean(m.release) &&
    isBoolean(m.checkFirst),
  'hold:release': (m) => isId(m.holdId),
  'hold:abort': (m) => isId(m.holdId),
  'hold:unpost': (m) =>
    isId(m.holdId) &&
    Array.isArray(m.comments) &&
    m.comments.length <= 1000 &&
    m.comments.every((c: unknown) => isRecord(c) && isString(c.ticketKey) && isId(c.commentId)),
  'outbox:post': (m) =>
    isId(m.handoffId) && isString(m.ticketKey) && Object.hasOwn(m, 'body') && isBoolean(m.checkFirst),
};

export function parseToContent(message: unknown): ToContent | null {
  if (!isRecord(message) || !isString(message.type) || !Object.hasOwn(checks, message.type)) return null;
  return checks[message.type as ToContent['type']](message) ? (message as ToContent) : null;
}

type FromContent =
  | { type: 'hold:open'; held: HeldAction; frameId: number; contextPending?: boolean }
  | { type: 'hold:context'; holdId: string; context: HandoffContext }
  | { type: 'hold:done'; holdId: string }
  | { type: 'hold:off'; holdId: string }
  | { type: 'health:report'; site: string; missing: string[] };

export async function sendFromContent(message: FromContent): Promise<{ ok: boolean }> {
  const answer = await askBackground(message);
  if (!isRecord(answer) || !isBoolean(answer.ok))
    throw new TypeError('unexpected answer from the background');
  return { ok: answer.ok };
}
