import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { toContent } from '../../../lib/content-messaging';
import { parseToContent } from '../../../lib/guard/background-messages';

// The content script's hand-written checks must accept exactly what the background's schemas accept.

const long = 'x'.repeat(101);
const corpus: unknown[] = [
  {
    type: 'hold:post',
    holdId: 'h1',
    handoffId: 'a1',
    ticketKey: 'ACME-1',
    body: {},
    release: true,
    checkFirst: false,
  },
  { type: 'hold:post', holdId: 'h1', handoffId: 'a1', ticketKey: 'ACME-1', release: true, checkFirst: false },
  {
    type: 'hold:post',
    holdId: '',
    handoffId: 'a1',
    ticketKey: 'ACME-1',
    body: 1,
    release: true,
    checkFirst: false,
  },
  {
    type: 'hold:post',
    holdId: long,
    handoffId: 'a1',
    ticketKey: 'ACME-1',
    body: 1,
    release: true,
    checkFirst: false,
  },
  {
    type: 'hold:post',
    holdId: 'h1',
    handoffId: 'a1',
    ticketKey: 1,
    body: 1,
    release: true,
    checkFirst: false,
  },
  {
    type: 'hold:post',
    holdId: 'h1',
    handoffId: 'a1',
    ticketKey: 'K',
    body: 1,
    release: 'yes',
    checkFirst: false,
  },
  { type: 'hold:post', holdId: 'h1', handoffId: 'a1', ticketKey: 'K', body: 1, release: true },
  { type: 'hold:release', holdId: 'h1' },
  { type: 'hold:release', holdId: '' },
  { type: 'hold:release' },
  { type: 'hold:abort', holdId: 'h1', extra: true },
  { type: 'hold:abort', holdId: 7 },
  { type: 'outbox:post', handoffId: 'a1', ticketKey: 'K', body: null, checkFirst: true },
  { type: 'outbox:post', handoffId: 'a1', ticketKey: 'K', checkFirst: 'no' },
  { type: 'outbox:post', handoffId: 'a1', ticketKey: 'K', checkFirst: true },
  { type: 'outbox:post', handoffId: long, ticketKey: 'K', checkFirst: true },
  { type: 'hold:get', holdId: 'h1' },
  { type: 'toString', holdId: 'h1' },
  { type: '__proto__', holdId: 'h1' },
  { holdId: 'h1' },
  'hold:release',
  null,
  undefined,
  ['hold:release'],
];

describe('parseToContent', () => {
  it.each(corpus.map((message) => [JSON.stringify(message), message]))(
    'agrees with the schema: %s',
    (_, message) => {
      const type = (message as { type?: unknown } | null)?.type;
      const schema =
        typeof type === 'string' && Object.hasOwn(toContent, type)
          ? toContent[type as keyof typeof toContent]
          : null;
      const expected = schema ? z.safeParse(schema, message).success : false;
      expect(parseToContent(message) !== null).toBe(expected);
    },
  );

  it('hands over what the message says', () => {
    expect(parseToContent({ type: 'hold:release', holdId: 'h1' })).toMatchObject({
      type: 'hold:release',
      holdId: 'h1',
    });
  });
});
