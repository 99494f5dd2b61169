import * as z from 'zod/mini';

// What Baton reads from the page about a reassign, never typed by the user. zod/mini because the
// content scripts that load on every host page build and send it.
export const personSchema = z.object({
  name: z.string().check(z.maxLength(200)),
  id: z.optional(z.string().check(z.maxLength(200))),
});
export type Person = z.infer<typeof personSchema>;

export const handoffContextSchema = z.object({
  site: z.string().check(z.regex(/^[a-z][a-z0-9-]{0,39}$/)),
  ticketKey: z.string().check(z.minLength(1), z.maxLength(100)),
  title: z.optional(z.string().check(z.maxLength(1000))),
  url: z.string().check(z.maxLength(4000)),
  from: z.optional(personSchema),
  to: z.optional(personSchema),
  at: z.string(),
});
export type HandoffContext = z.infer<typeof handoffContextSchema>;
