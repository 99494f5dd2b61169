import * as z from 'zod/mini';

// The MAIN-world network net and the isolated content script share only the page's DOM, so they talk
// through CustomEvents on window whose detail is a JSON string (objects do not cross worlds reliably).
// Everything received is parsed: page scripts can dispatch these events too.
export const TO_ISOLATED = 'baton:net:to-isolated';
export const TO_MAIN = 'baton:net:to-main';

export const reassignMatchSchema = z.object({
  tickets: z
    .array(z.string().check(z.minLength(1), z.maxLength(100)))
    .check(z.minLength(1), z.maxLength(1000)),
  toId: z.optional(z.nullable(z.string().check(z.maxLength(200)))),
});
export type ReassignMatch = z.infer<typeof reassignMatchSchema>;

export const toIsolatedSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('held'),
    id: z.string().check(z.maxLength(100)),
    method: z.string().check(z.maxLength(20)),
    url: z.string().check(z.maxLength(4000)),
    match: reassignMatchSchema,
  }),
]);
export type ToIsolated = z.infer<typeof toIsolatedSchema>;

export const toMainSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ack'), id: z.string() }),
  z.object({ kind: z.literal('release'), id: z.string() }),
  z.object({ kind: z.literal('fail'), id: z.string() }),
  // A one-shot pass for the request that replaying a completed UI action will make.
  z.object({ kind: z.literal('pass'), tickets: z.array(z.string()) }),
]);
export type ToMain = z.infer<typeof toMainSchema>;

export function send(target: Window, type: string, message: unknown): void {
  target.dispatchEvent(new CustomEvent(type, { detail: JSON.stringify(message) }));
}

export function parse<T>(schema: z.ZodMiniType<T>, event: Event): T | null {
  const detail = (event as CustomEvent).detail;
  if (typeof detail !== 'string' || detail.length > 100_000) return null;
  try {
    const result = z.safeParse(schema, JSON.parse(detail));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}
