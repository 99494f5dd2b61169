import * as z from 'zod/mini';
import { CONTEXT_LIMITS as MAX } from './context-limits';
import { parseHttpUrl } from './url';

// What Baton reads from the page about a reassign, never typed by the user. zod/mini because the
// content scripts that load on every host page build and send it.
const personSchema = z.object({
  name: z.string().check(z.maxLength(MAX.personName)),
  id: z.optional(z.string().check(z.maxLength(MAX.personId))),
});
export type Person = z.infer<typeof personSchema>;

export const handoffContextSchema = z.object({
  site: z.string().check(z.regex(/^[a-z][a-z0-9-]{0,39}$/)),
  ticketKey: z.string().check(z.minLength(1), z.maxLength(MAX.ticketKey)),
  title: z.optional(z.string().check(z.maxLength(MAX.title))),
  // Only a web address: the popup and the exports make links of it.
  url: z.string().check(
    z.maxLength(MAX.url),
    z.refine((value) => parseHttpUrl(value) !== null, 'must be an http(s) address'),
  ),
  from: z.optional(personSchema),
  to: z.optional(personSchema),
  at: z.string(),
});
export type HandoffContext = z.infer<typeof handoffContextSchema>;
