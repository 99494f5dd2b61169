import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { isToIsolated } from '../../../lib/guard/net-protocol';

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
