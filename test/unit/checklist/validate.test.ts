import { describe, expect, it } from 'vitest';
import { SERVICE_HANDOFF } from '../../../lib/checklist/default-template';
import type { Template } from '../../../lib/checklist/template';
import { type RawAnswers, validateAnswers } from '../../../lib/checklist/validate';
import { rawAnswersSchema } from '../../../lib/hold';
import { FULL } from './fixtures';

const validate = (raw: RawAnswers) => validateAnswers(SERVICE_HANDOFF, raw);
const errorsOf = (raw: RawAnswers) => {
  const result = validate(raw);
  return result.ok ? {} : result.errors;
};
const answersOf = (raw: RawAnswers) => {
  const result = validate(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.answers;
};

describe('validateAnswers: the standard checklist', () => {
  it('accepts a complete checklist and returns clean answers', () => {
    const answers = answersOf({
      ...FULL,
      situation: `  ${FULL.situation}\n`,
      links: `\n ${FULL.links} \n\n`,
    });
    expect(answers).toEqual({
      ...FULL,
      links: ['https://acme.example/billing/123', 'http://status.example.com/incidents?id=7&x=1'],
    });
  });

  it('requires reason, situation, impact, done, next and told', () => {
    expect(errorsOf({})).toEqual({
      reason: { code: 'required' },
      situation: { code: 'required' },
      impact: { code: 'required' },
      done: { code: 'required' },
      next: { code: 'required' },
      told: { code: 'required' },
    });
  });

  it('treats whitespace-only as empty', () => {
    expect(errorsOf({ ...FULL, situation: ' \n\t\u00a0 ', reason: '  ' })).toEqual({
      situation: { code: 'required' },
      reason: { code: 'required' },
    });
  });

  it.each([
    ['situation', 15],
    ['impact', 5],
    ['done', 10],
    ['next', 10],
    ['told', 5],
  ])('%s needs at least %i characters', (id, min) => {
    expect(errorsOf({ ...FULL, [id]: 'x'.repeat(min - 1) })).toEqual({
      [id]: { code: 'too_short', min, length: min - 1 },
    });
    expect(validate({ ...FULL, [id]: 'x'.repeat(min) }).ok).toBe(true);
  });

  it('counts length after trimming', () => {
    expect(errorsOf({ ...FULL, impact: '   abcd   ' })).toEqual({
      impact: { code: 'too_short', min: 5, length: 4 },
    });
  });

  it('counts Korean syllables as one character each, composed or not', () => {
    expect(validate({ ...FULL, impact: '환불 지연' }).ok).toBe(true);
    expect(errorsOf({ ...FULL, impact: '환불지연' })).toEqual({
      impact: { code: 'too_short', min: 5, length: 4 },
    });
    const decomposed = '환불지연'.normalize('NFD');
    expect(decomposed.length).toBeGreaterThan(4);
    expect(errorsOf({ ...FULL, impact: decomposed })).toEqual({
      impact: { code: 'too_short', min: 5, length: 4 },
    });
  });

  it('counts an emoji as one character however many code units it has', () => {
    const emoji = '👨‍👩‍👧👍🏽🇰🇷❤️';
    expect(emoji.length).toBeGreaterThan(5);
    expect(errorsOf({ ...FULL, impact: emoji })).toEqual({
      impact: { code: 'too_short', min: 5, length: 4 },
    });
  });

  it('accepts only the ids of the reason choices', () => {
    expect(answersOf({ ...FULL, reason: ' shift_change ' }).reason).toBe('shift_change');
    for (const reason of ['Escalation', 'Wrong team', 'nope', 'constructor', '__proto__', 'toString']) {
      expect(errorsOf({ ...FULL, reason })).toEqual({ reason: { code: 'invalid_choice' } });
    }
  });

  it('leaves risks and links optional and omits them when empty', () => {
    const answers = answersOf({ ...FULL, risks: '  ', links: '\n \n' });
    expect(Object.keys(answers)).toEqual(['reason', 'situation', 'impact', 'done', 'next', 'told']);
    expect(answersOf({ ...FULL, risks: '?' }).risks).toBe('?');
  });

  it('keeps internal newlines of a text', () => {
    expect(answersOf({ ...FULL, done: 'Step one done.\n\nStep two done.\n' }).done).toBe(
      'Step one done.\n\nStep two done.',
    );
  });

  it('splits links on any line ending and drops blank lines', () => {
    expect(
      answersOf({ ...FULL, links: 'https://a.example/1\r\n\r\n  HTTPS://B.example/2  \rhttp://c.example' })
        .links,
    ).toEqual(['https://a.example/1', 'HTTPS://B.example/2', 'http://c.example']);
  });

  it.each([
    ['javascript:alert(1)'],
    ['JavaScript:alert(document.cookie)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['/relative/path'],
    ['example.com/page'],
    ['ftp://example.com/file'],
    ['mailto:someone@example.com'],
    ['https://'],
    ['not a url'],
  ])('rejects the link %j with its 1-based line', (bad) => {
    expect(errorsOf({ ...FULL, links: `https://ok.example\n\n${bad}\nhttps://also.example` })).toEqual({
      links: { code: 'invalid_url', line: 3, value: bad },
    });
  });

  it('reports several fields at once', () => {
    expect(errorsOf({ ...FULL, reason: 'x', told: 'ok', links: 'javascript:x' })).toEqual({
      reason: { code: 'invalid_choice' },
      told: { code: 'too_short', min: 5, length: 2 },
      links: { code: 'invalid_url', line: 1, value: 'javascript:x' },
    });
  });
});

describe('validateAnswers: hostile and odd input', () => {
  it('ignores keys that are not fields', () => {
    const raw = JSON.parse(
      JSON.stringify({ ...FULL, extra: 'x', toString: 'y' }).replace(
        '{',
        '{"__proto__":{"reason":"escalation"},',
      ),
    ) as RawAnswers;
    expect(Object.hasOwn(raw, '__proto__')).toBe(true);
    const answers = answersOf(raw);
    expect(Object.keys(answers)).toEqual(SERVICE_HANDOFF.fields.map((f) => f.id));
  });

  it('does not read answers through the prototype', () => {
    const template: Template = {
      id: 'odd',
      version: 1,
      name: { en: 'Odd' },
      fields: [
        { id: 'constructor', kind: 'text', label: { en: 'C' }, required: true },
        { id: 'tostring', kind: 'text', label: { en: 'T' }, required: false },
      ],
    };
    const result = validateAnswers(template, {});
    expect(result).toEqual({ ok: false, errors: { constructor: { code: 'required' } } });
    if (result.ok) return;
    expect(result.errors.toString).toBeUndefined();
    const ok = validateAnswers(template, { constructor: 'built' });
    expect(ok.ok && ok.answers.constructor).toBe('built');
  });

  it('ignores non-string values that slipped past the types', () => {
    const raw = { ...FULL, reason: 42 } as unknown as RawAnswers;
    expect(errorsOf(raw)).toEqual({ reason: { code: 'required' } });
  });

  it('enforces maxLength in characters', () => {
    const template: Template = {
      id: 'short',
      version: 1,
      name: { en: 'Short' },
      fields: [{ id: 'note', kind: 'text', label: { en: 'Note' }, required: true, maxLength: 3 }],
    };
    expect(validateAnswers(template, { note: '한국어' }).ok).toBe(true);
    expect(validateAnswers(template, { note: '👍🏽👍🏽👍🏽👍🏽' })).toEqual({
      ok: false,
      errors: { note: { code: 'too_long', max: 3, length: 4 } },
    });
  });
});

describe('rawAnswersSchema', () => {
  it('accepts field-shaped keys with strings', () => {
    expect(rawAnswersSchema.parse(FULL)).toEqual(FULL);
  });

  it.each([
    ['a key that is not a field id', { 'Bad-Key': 'x' }],
    ['a non-string value', { reason: 1 }],
    ['an answer over 100000 characters', { situation: 'x'.repeat(100_001) }],
    ['more than 60 answers', Object.fromEntries(Array.from({ length: 61 }, (_, i) => [`f${i}`, '']))],
    ['an array', ['x']],
  ])('rejects %s', (_what, input) => {
    expect(rawAnswersSchema.safeParse(input).success).toBe(false);
  });

  it('never passes a __proto__ key on', () => {
    const parsed = rawAnswersSchema.safeParse(JSON.parse('{"__proto__":{"x":"y"},"reason":"other"}'));
    expect(Object.hasOwn(parsed.data ?? {}, '__proto__')).toBe(false);
  });
});
