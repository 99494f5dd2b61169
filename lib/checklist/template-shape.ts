import * as z from 'zod/mini';
import { FIELD_ID } from './template-plain';

// A template as the checklist page receives it from the background (hold:get), in zod/mini so that the
// checklist frame loads no full zod. The background has already checked it against templateSchema
// (template.ts) with every rule; this checks the shape the page renders: the same keys, kinds and
// bounds, without the rules across entries (unique ids, minLength ≤ maxLength). Held to templateSchema by
// test/unit/checklist/template-shape.test.ts.

const labelText = z.string().check(z.minLength(1), z.maxLength(200));
const localized = z.strictObject({ en: labelText, ko: z.optional(labelText) });
const fieldId = z.string().check(z.regex(FIELD_ID));
const fieldBase = { id: fieldId, label: localized, required: z.boolean() };

export const templateShapeSchema = z.strictObject({
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/)),
  version: z.literal(1),
  name: localized,
  fields: z
    .array(
      z.discriminatedUnion('kind', [
        z.strictObject({
          ...fieldBase,
          kind: z.literal('text'),
          minLength: z.optional(z.int().check(z.minimum(0), z.maximum(10_000))),
          maxLength: z.optional(z.int().check(z.minimum(1), z.maximum(100_000))),
        }),
        z.strictObject({
          ...fieldBase,
          kind: z.literal('choice'),
          choices: z
            .array(z.strictObject({ id: fieldId, label: localized }))
            .check(z.minLength(1), z.maxLength(50)),
        }),
        z.strictObject({ ...fieldBase, kind: z.literal('list'), itemKind: z.literal('url') }),
      ]),
    )
    .check(z.minLength(1), z.maxLength(30)),
});
