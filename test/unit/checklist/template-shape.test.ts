import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { SERVICE_HANDOFF } from '../../../lib/checklist/default-template';
import { templateSchema } from '../../../lib/checklist/template';
import { templateShapeSchema } from '../../../lib/checklist/template-shape';

// The checklist page checks a template's shape in zod/mini; the background, every rule in full zod. What
// the background accepts, the page must show unchanged; what has the wrong shape, both refuse.

const base = { id: 'mini', version: 1, name: { en: 'Mini', ko: '미니' } };
const text = { id: 'note', kind: 'text', label: { en: 'Note' }, required: false, minLength: 0, maxLength: 9 };
const choice = {
  id: 'why',
  kind: 'choice',
  label: { en: 'Why' },
  required: true,
  choices: [{ id: 'a', label: { en: 'A', ko: '가' } }],
};
const list = { id: 'links', kind: 'list', label: { en: 'Links' }, required: false, itemKind: 'url' };

const valid: unknown[] = [SERVICE_HANDOFF, { ...base, fields: [text, choice, list] }];
const wrongShape: unknown[] = [
  null,
  'template',
  { ...base, fields: [] },
  { ...base, version: 2, fields: [text] },
  { ...base, id: 'Bad Id', fields: [text] },
  { ...base, extra: true, fields: [text] },
  { ...base, fields: [{ ...text, kind: 'date' }] },
  { ...base, fields: [{ ...text, id: '9lives' }] },
  { ...base, fields: [{ ...text, label: { en: '' } }] },
  { ...base, fields: [{ ...text, label: { en: 'x'.repeat(201) } }] },
  { ...base, fields: [{ ...text, minLength: 1.5 }] },
  { ...base, fields: [{ ...text, maxLength: 0 }] },
  { ...base, fields: [{ ...choice, choices: [] }] },
  { ...base, fields: [{ ...choice, choices: [{ id: 'a', label: { en: 'A' }, x: 1 }] }] },
  { ...base, fields: [{ ...list, itemKind: 'email' }] },
  { ...base, fields: Array.from({ length: 31 }, (_, i) => ({ ...text, id: `f${i}` })) },
  JSON.parse(
    `{"id":"mini","version":1,"name":{"en":"M"},"fields":[{"id":"a","kind":"text","label":{"en":"A"},"required":true,"__proto__":{}}]}`,
  ),
];

describe('templateShapeSchema', () => {
  it.each(valid.map((t, i) => [i, t]))('shows template %s as the background accepted it', (_, template) => {
    expect(z.parse(templateShapeSchema, template)).toEqual(templateSchema.parse(template));
  });

  it.each(wrongShape.map((t) => [JSON.stringify(t)?.slice(0, 80), t]))(
    'refuses %s, as templateSchema does',
    (_, template) => {
      expect(templateSchema.safeParse(template).success).toBe(false);
      expect(z.safeParse(templateShapeSchema, template).success).toBe(false);
    },
  );
});
