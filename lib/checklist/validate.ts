import { graphemeLength } from './graphemes';
import type { Field, Template } from './template';
import { parseHttpUrl, splitLines } from './url';

/** What the form holds: every field as a string (a choice holds the choice id, a list holds lines). */
export type RawAnswers = Record<string, string>;
/** Text trimmed; a choice is its id; a list is its non-empty trimmed URL lines. Empty optional fields are absent. */
export type CleanAnswers = Record<string, string | string[]>;

export type FieldError =
  | { code: 'required' }
  | { code: 'too_short'; min: number; length: number }
  | { code: 'too_long'; max: number; length: number }
  | { code: 'invalid_choice' }
  | { code: 'invalid_url'; line: number; value: string };

export type ValidationResult =
  | { ok: true; answers: CleanAnswers }
  | { ok: false; errors: Record<string, FieldError> };

type Checked = { value: string | string[] } | { error: FieldError };

function checkField(field: Field, text: string): Checked {
  switch (field.kind) {
    case 'text': {
      const length = graphemeLength(text);
      if (field.minLength !== undefined && length < field.minLength) {
        return { error: { code: 'too_short', min: field.minLength, length } };
      }
      if (field.maxLength !== undefined && length > field.maxLength) {
        return { error: { code: 'too_long', max: field.maxLength, length } };
      }
      return { value: text };
    }
    case 'choice':
      return field.choices.some((choice) => choice.id === text)
        ? { value: text }
        : { error: { code: 'invalid_choice' } };
    case 'list': {
      const urls: string[] = [];
      for (const [index, line] of splitLines(text).entries()) {
        const value = line.trim();
        if (value === '') continue;
        if (!parseHttpUrl(value)) return { error: { code: 'invalid_url', line: index + 1, value } };
        urls.push(value);
      }
      return { value: urls };
    }
  }
}

/**
 * Checks answers against a template. Only the template's own fields are read, and only as own
 * properties: field ids like `constructor` are legal, so `raw` (and the results, which have no
 * prototype) must never answer through Object.prototype.
 */
export function validateAnswers(template: Template, raw: RawAnswers): ValidationResult {
  const answers: CleanAnswers = Object.create(null);
  const errors: Record<string, FieldError> = Object.create(null);
  for (const field of template.fields) {
    const value = Object.hasOwn(raw, field.id) ? raw[field.id] : undefined;
    const text = typeof value === 'string' ? value.trim() : '';
    if (text === '') {
      if (field.required) errors[field.id] = { code: 'required' };
      continue;
    }
    const checked = checkField(field, text);
    if ('error' in checked) errors[field.id] = checked.error;
    else answers[field.id] = checked.value;
  }
  return Object.keys(errors).length === 0 ? { ok: true, answers } : { ok: false, errors };
}
