import * as z from 'zod/mini';
import { handoffContextSchema } from './checklist/context';
import { COMMENT_FORMATS } from './sites/site-record';

// A held reassign and what happens to it: the action held, the answers typed for it, and how posting
// its comment went. Both the message protocol (lib/messaging.ts) and storage (lib/storage/items.ts)
// carry these, so they live apart from both. zod/mini because content scripts on every host page use them.

export const id = z.string().check(z.minLength(1), z.maxLength(100));
const fieldId = z.string().check(z.regex(/^[a-z][a-z0-9_]{0,39}$/));

export const rawAnswersSchema = z
  .record(fieldId, z.string().check(z.maxLength(100_000)))
  .check(z.refine((answers) => Object.keys(answers).length <= 60, 'too many answers'));

export const postFailureSchema = z.object({
  // 'reassign': the comment landed, but the host refused, or did not perform, the reassign itself.
  kind: z.enum(['offline', 'timeout', 'logged_out', 'http', 'no_tab', 'lost', 'reassign']),
  status: z.optional(z.number()),
  detail: z.optional(z.string().check(z.maxLength(500))),
  retryAfterSeconds: z.optional(z.number()),
});
export type PostFailure = z.infer<typeof postFailureSchema>;

// createdId: what the host named a comment it created, so that a handoff cancelled after its comment
// landed (and its reassign did not) can take the comment back.
const createdId = z.optional(z.string().check(z.maxLength(100)));
export const postResultSchema = z.union([
  z.object({ ok: z.literal(true), createdId }),
  z.object({ ok: z.literal(false), failure: postFailureSchema, createdId }),
]);
export type PostResult = z.infer<typeof postResultSchema>;

export const heldActionSchema = z.object({
  id,
  site: z.string(),
  via: z.enum(['ui', 'network']),
  context: handoffContextSchema,
  /** Every ticket the reassign changes (more than one for a bulk edit); the comment goes on each. */
  tickets: z.array(z.string()).check(z.minLength(1), z.maxLength(1000)),
  /** The format the page's host takes, where it differs from the site's (Jira Data Center: wiki markup). */
  commentFormat: z.optional(z.enum(COMMENT_FORMATS)),
});
export type HeldAction = z.infer<typeof heldActionSchema>;
