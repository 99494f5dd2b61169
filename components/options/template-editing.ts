import { SERVICE_HANDOFF } from '../../lib/checklist/default-template';
import type { Field, LocalizedText, Template, TextField } from '../../lib/checklist/template';

// The options page edits templates as plain data: every operation here returns a new value and
// leaves its input alone, so the editor can compare what it holds with what is saved.

export type FieldKind = Field['kind'];
export type Choice = Extract<Field, { kind: 'choice' }>['choices'][number];

/** Moves one item by `delta` places; out of range leaves the list as it is (same array). */
export function moveItem<T>(items: readonly T[], index: number, delta: number): T[] {
  const target = index + delta;
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return [...items];
  const next = [...items];
  const [item] = next.splice(index, 1) as [T];
  next.splice(target, 0, item);
  return next;
}

export function removeItem<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, i) => i !== index);
}

export function replaceItem<T>(items: readonly T[], index: number, item: T): T[] {
  return items.map((current, i) => (i === index ? item : current));
}

/** `base`, or `base` followed by the first free number (`base-2`, `base_3`…). */
export function uniqueId(base: string, taken: Iterable<string>, separator: '-' | '_'): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}${separator}${n}`;
    if (!used.has(candidate)) return candidate;
  }
}

/** Template ids allow 64 characters; leave room for a number. */
const TEMPLATE_ID_ROOM = 58;

/**
 * A new template that starts as a copy of `base` (the built-in, normally), with a free id and a
 * numbered name in both languages, so nothing here needs words of its own.
 */
export function copyTemplate(base: Template, taken: readonly Template[]): Template {
  const ids = new Set(taken.map((template) => template.id));
  const stem = base.id.slice(0, TEMPLATE_ID_ROOM);
  let n = 2;
  while (ids.has(`${stem}-${n}`)) n += 1;
  const copy = structuredClone(base);
  return {
    ...copy,
    id: `${stem}-${n}`,
    name: withoutEmptyKo({ en: `${base.name.en} ${n}`, ko: base.name.ko && `${base.name.ko} ${n}` }),
  };
}

export function isBuiltIn(template: Template): boolean {
  return template.id === SERVICE_HANDOFF.id;
}

/** The built-in exactly as shipped: it need not be stored (and is not, so later versions can update it). */
export function isPristineBuiltIn(template: Template): boolean {
  return isBuiltIn(template) && sameData(template, SERVICE_HANDOFF);
}

/** What is sent to the background: the user's templates, without the built-in unless it was edited. */
export function templatesToSave(templates: readonly Template[]): Template[] {
  return templates.filter((template) => !isPristineBuiltIn(template));
}

/** Removes a template; sites that used it go back to the built-in. */
export function removeTemplate(
  templates: readonly Template[],
  templateBySite: Readonly<Record<string, string>>,
  id: string,
): { templates: Template[]; templateBySite: Record<string, string> } {
  const remaining = templates.filter((template) => template.id !== id);
  // Removing an edited built-in restores the one that ships with Baton.
  const restored = id === SERVICE_HANDOFF.id ? [structuredClone(SERVICE_HANDOFF), ...remaining] : remaining;
  const bySite = Object.fromEntries(
    Object.entries(templateBySite).map(([site, chosen]) => [
      site,
      chosen === id ? SERVICE_HANDOFF.id : chosen,
    ]),
  );
  return { templates: restored, templateBySite: bySite };
}

/** A new text field with a free id; its labels are for the user to write. */
export function newField(fields: readonly Field[]): TextField {
  const id = uniqueId(
    `field_${fields.length + 1}`,
    fields.map((field) => field.id),
    '_',
  );
  return { id, kind: 'text', label: { en: '' }, required: true };
}

export function newChoice(choices: readonly Choice[]): Choice {
  const id = uniqueId(
    `choice_${choices.length + 1}`,
    choices.map((choice) => choice.id),
    '_',
  );
  return { id, label: { en: '' } };
}

/** Changes a field's kind, keeping id, label and required; what only the old kind had is dropped. */
export function changeKind(field: Field, kind: FieldKind): Field {
  if (field.kind === kind) return field;
  const common = { id: field.id, label: field.label, required: field.required };
  switch (kind) {
    case 'text':
      return { ...common, kind };
    case 'choice':
      return { ...common, kind, choices: [newChoice([])] };
    case 'list':
      return { ...common, kind, itemKind: 'url' };
  }
}

/** The Korean label is optional: an empty one is left out rather than stored empty. */
export function setLabel(label: LocalizedText, language: 'en' | 'ko', value: string): LocalizedText {
  if (language === 'en') return { ...label, en: value };
  return withoutEmptyKo({ ...label, ko: value });
}

function withoutEmptyKo(label: { en: string; ko?: string | undefined }): LocalizedText {
  const { ko, ...rest } = label;
  return ko ? { ...rest, ko } : rest;
}

/**
 * Sets a text field's minimum or maximum length from what is typed in a number input: empty clears
 * it; anything else is kept as a number (even out of range) for the schema to name on Save.
 */
export function setLength(field: TextField, which: 'minLength' | 'maxLength', raw: string): TextField {
  const { [which]: _old, ...rest } = field;
  const trimmed = raw.trim();
  if (trimmed === '') return rest;
  const value = Number(trimmed);
  return Number.isFinite(value) ? { ...rest, [which]: value } : rest;
}

/** Structural equality of JSON data, ignoring key order and keys whose value is undefined. */
export function sameData(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner)
            .filter(([, v]) => v !== undefined)
            .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)),
        )
      : inner,
  );
}
