import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { fits, isToIsolated, isToMain } from '../../../lib/guard/net-protocol';

// What the isolated script accepts from the MAIN-world net, held to the zod/mini schema it stands in for
// (the scripts on every host page carry no zod: docs/host-page-budget.md §3). Whoever holds the port
// could send anything; what passes is a request the net could have held.

const id = z.string().check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/));
const text = (max: number) => z.string().check(z.maxLength(max));
const detail = z.union([z.null(), text(200), z.array(text(200)).check(z.maxLength(1000))]);
const match = z.object({
  tickets: z.array(text(100).check(z.minLength(1))).check(z.minLength(1), z.maxLength(1000)),
  toId: z.optional(z.nullable(text(200))),
  details: z.optional(
    z
      .record(z.string(), detail)
      .check(z.refine((details) => Object.keys(details).length <= 20, 'too many details')),
  ),
});
const toIsolated = z.union([
  z.object({
    kind: z.literal('held'),
    id,
    method: z.string().check(z.regex(/^[A-Z]{1,10}$/)),
    url: text(4000),
    match,
  }),
  z.object({ kind: z.literal('answered'), id, status: z.int().check(z.gte(0), z.lt(600)) }),
  z.object({ kind: z.literal('passed'), id }),
]);

const uuid = '3b241101-e2bb-4255-8caf-4136c566a962';
const held = {
  kind: 'held',
  id: uuid,
  method: 'PUT',
  url: 'https://acme.atlassian.net/x',
  match: { tickets: ['ACME-2'] },
};
const corpus: unknown[] = [
  held,
  { ...held, match: { tickets: ['ACME-2'], toId: null, details: { list: ['a'], from: null } } },
  { ...held, id: 'h1' },
  { ...held, id: uuid.toUpperCase() },
  { ...held, id: `${uuid}x` },
  { ...held, method: 'put' },
  { ...held, method: 'PUT /x' },
  { ...held, match: { tickets: [] } },
  { ...held, match: { tickets: [''] } },
  { ...held, match: { tickets: ['x'.repeat(101)] } },
  { ...held, match: { tickets: ['A'], toId: 5 } },
  { ...held, url: 'x'.repeat(4001) },
  { kind: 'answered', id: uuid, status: 204 },
  { kind: 'answered', id: uuid, status: 600 },
  { kind: 'answered', id: uuid, status: 2.5 },
  { kind: 'answered', id: 'h1', status: 204 },
  { kind: 'passed', id: uuid },
  { kind: 'passed', id: 'p1' },
  { kind: 'release', id: uuid },
  null,
  'held',
];

describe('isToIsolated', () => {
  it.each(corpus.map((message) => [JSON.stringify(message), message]))(
    'agrees with the schema: %s',
    (_, message) => {
      expect(isToIsolated(message)).toBe(z.safeParse(toIsolated, message).success);
    },
  );

  it('takes only ids shaped as the net makes them', () => {
    expect(isToIsolated(held)).toBe(true);
    expect(isToIsolated({ ...held, id: 'forged' })).toBe(false);
  });
});

// What the net accepts from the isolated script. A pass lets a request through without a dialog, so its
// shapes are held tight: a shape that names nothing would let every request through.
const shape = z
  .object({
    tickets: z.optional(match.shape.tickets),
    details: z.optional(
      z
        .record(z.string(), z.union([z.null(), text(200)]))
        .check(z.refine((details) => Object.keys(details).length <= 20, 'too many details')),
    ),
    has: z.optional(text(100).check(z.minLength(1))),
  })
  .check(
    z.refine(
      (s) => s.tickets !== undefined || s.details !== undefined || s.has !== undefined,
      'a shape names something',
    ),
  );
const decided = z.object({
  kind: z.enum(['ack', 'release', 'fail']),
  id: text(100),
  retryable: z.optional(z.boolean()),
});
const toMain = z.union([
  z.object({ kind: z.enum(['hello', 'bye', 'alive', 'idle']) }),
  decided,
  z.object({
    kind: z.literal('pass'),
    id,
    shapes: z.array(shape).check(z.minLength(1), z.maxLength(10)),
    ms: z.int().check(z.gt(0), z.lte(60_000)),
  }),
  z.object({ kind: z.literal('unpass'), id }),
]);

const pass = { kind: 'pass', id: uuid, shapes: [{ tickets: ['ACME-2'] }], ms: 10_000 };
const toMainCorpus: unknown[] = [
  { kind: 'hello' },
  { kind: 'alive' },
  { kind: 'ack', id: uuid },
  { kind: 'release', id: uuid, retryable: true },
  { kind: 'release', id: uuid, retryable: 'yes' },
  { kind: 'fail', id: 'x'.repeat(101) },
  pass,
  { ...pass, id: 'p1' },
  { ...pass, shapes: [] },
  { ...pass, shapes: [{}] },
  { ...pass, shapes: [{ has: '' }] },
  { ...pass, shapes: [{ has: 'add' }, { details: { add: 'bob', remove: null } }] },
  { ...pass, shapes: [{ details: { list: ['a'] } }] },
  { ...pass, shapes: [{ tickets: [] }] },
  { ...pass, shapes: Array.from({ length: 11 }, () => ({ tickets: ['A'] })) },
  { ...pass, ms: 0 },
  { ...pass, ms: 60_001 },
  { ...pass, ms: 1.5 },
  { kind: 'unpass', id: uuid },
  { kind: 'unpass', id: 'p1' },
  { kind: 'passed', id: uuid },
  null,
];

describe('isToMain', () => {
  it.each(toMainCorpus.map((message) => [JSON.stringify(message), message]))(
    'agrees with the schema: %s',
    (_, message) => {
      expect(isToMain(message)).toBe(z.safeParse(toMain, message).success);
    },
  );
});

describe('a request fitting a pass', () => {
  const request = { tickets: ['5f1a'], toId: 'bob', details: { add: 'bob' } };

  it('fits when it names no ticket but the pass’s (a Trello card by shortLink or id)', () => {
    expect(fits({ tickets: ['AbCd', '5f1a'] }, request)).toBe(true);
    expect(fits({ tickets: ['AbCd'] }, request)).toBe(false);
    expect(fits({ tickets: ['5f1a'] }, { tickets: ['5f1a', '6e2b'] })).toBe(false);
  });

  it('fits by its details: each named value, null for one it must not carry, or any value', () => {
    expect(fits({ details: { add: 'bob', remove: null } }, request)).toBe(true);
    expect(fits({ details: { add: 'carol' } }, request)).toBe(false);
    expect(
      fits({ details: { add: 'bob', list: null } }, { ...request, details: { add: 'bob', list: 'l1' } }),
    ).toBe(false);
    expect(fits({ has: 'add' }, request)).toBe(true);
    expect(fits({ has: 'remove' }, request)).toBe(false);
  });
});
