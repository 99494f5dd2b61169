import * as z from 'zod/mini';
import { LIMITS } from './fit-context';

// What Baton reads from the page about a reassign, never typed by the user. zod/mini because the
// content scripts that load on every host page build and send it.

export const personSchema = z.object({
  name: z.string().check(z.maxLength(LIMITS.name)),
  id: z.optional(z.string().check(z.maxLength(LIMITS.id))),
});
export type Person = z.infer<typeof personSchema>;

export const handoffContextSchema = z.object({
  site: z.string().check(z.regex(/^[a-z][a-z0-9-]{0,39}$/)),
  ticketKey: z.string().check(z.minLength(1), z.maxLength(LIMITS.ticketKey)),
  title: z.optional(z.string().check(z.maxLength(LIMITS.title))),
  url: z.string().check(z.maxLength(LIMITS.url)),
  from: z.optional(personSchema),
  to: z.optional(personSchema),
  at: z.string(),
});
export type HandoffContext = z.infer<typeof handoffContextSchema>;
