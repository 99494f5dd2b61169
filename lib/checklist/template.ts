import * as z from 'zod';
import { FIELD_ID } from './template-plain';

// Templates are data a team edits and imports as JSON, so every schema here is strict: an unknown key
// (a typo, or `__proto__` smuggled in through JSON.parse) is an error with a path, never silently kept.

export { FIELD_ID, type Locale, localize } from './template-plain';

const labelText = z.string().trim().min(1).max(200);

const localizedTextSchema = z.strictObject({ en: labelText, ko: labelText.optional() });
export type LocalizedText = z.infer<typeof localizedTextSchema>;

const fieldId = z.string().regex(FIELD_ID, 'must be lowercase letters, digits or _, starting with a letter');

/** Reports every repeat of an id at its own index, so the error names the offending entry. */
function uniqueIds(what: string) {
  return <T extends { id: string }>(items: T[], ctx: z.RefinementCtx<T[]>) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (seen.has(item.id)) {
        ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `duplicate ${what} id "${item.id}"` });
      }
      seen.add(item.id);
    });
  };
}

const fieldBase = { id: fieldId, label: localizedTextSchema, required: z.boolean() };

const textFieldSchema = z
  .strictObject({
    ...fieldBase,
    kind: z.literal('text'),
    minLength: z.int().min(0).max(10_000).optional(),
    maxLength: z.int().min(1).max(100_000).optional(),
  })
  .refine((f) => f.minLength === undefined || f.maxLength === undefined || f.minLength <= f.maxLength, {
    path: ['minLength'],
    message: 'minLength must not exceed maxLength',
  });

const choiceSchema = z.strictObject({ id: fieldId, label: localizedTextSchema });

const choiceFieldSchema = z.strictObject({
  ...fieldBase,
  kind: z.literal('choice'),
  choices: z.array(choiceSchema).min(1).max(50).superRefine(uniqueIds('choice')),
});

/** Typed as a textarea, one item per line. */
const listFieldSchema = z.strictObject({
  ...fieldBase,
  kind: z.literal('list'),
  itemKind: z.literal('url'),
});

const fieldSchema = z.discriminatedUnion('kind', [textFieldSchema, choiceFieldSchema, listFieldSchema]);

export const templateSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be lowercase letters, digits or -'),
  version: z.literal(1),
  name: localizedTextSchema,
  fields: z.array(fieldSchema).min(1).max(30).superRefine(uniqueIds('field')),
});

export type TextField = z.infer<typeof textFieldSchema>;
export type Field = z.infer<typeof fieldSchema>;
export type Template = z.infer<typeof templateSchema>;
