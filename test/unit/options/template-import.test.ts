import { afterEach, describe, expect, it, vi } from 'vitest';
import { copyTemplate } from '../../../components/options/template-editing';
import {
  type ImportProblem,
  importProblemMessage,
  MAX_TEMPLATES,
  mergeImported,
  parseTemplateImport,
  templatesToJson,
} from '../../../components/options/template-import';
import { translate } from '../../../components/translate';
import { SERVICE_HANDOFF } from '../../../lib/checklist/default-template';
import type { Template } from '../../../lib/checklist/template';
import { useLocale } from '../support/i18n';

const mine: Template = {
  id: 'escalation',
  version: 1,
  name: { en: 'Escalation', ko: '에스컬레이션' },
  fields: [
    { id: 'why', kind: 'text', label: { en: 'Why' }, required: true, minLength: 10 },
    {
      id: 'tier',
      kind: 'choice',
      label: { en: 'Tier', ko: '등급' },
      required: true,
      choices: [
        { id: 'gold', label: { en: 'Gold' } },
        { id: 'silver', label: { en: 'Silver' } },
      ],
    },
  ],
};

function problemOf(text: string): ImportProblem {
  const result = parseTemplateImport(text);
  if (result.ok) throw new Error('expected the import to fail');
  return result.problem;
}

describe('parsing an import file', () => {
  it('accepts one template or an array of them', () => {
    expect(parseTemplateImport(JSON.stringify(mine))).toEqual({ ok: true, templates: [mine] });
    expect(parseTemplateImport(JSON.stringify([mine, SERVICE_HANDOFF]))).toEqual({
      ok: true,
      templates: [mine, SERVICE_HANDOFF],
    });
  });

  it('reads back what the export writes', () => {
    const templates = [SERVICE_HANDOFF, mine];
    expect(parseTemplateImport(templatesToJson(templates))).toEqual({ ok: true, templates });
  });

  it('says when the file is not JSON at all', () => {
    const problem = problemOf('{"id": "x",');
    expect(problem.kind).toBe('not_json');
    expect(problem.kind === 'not_json' && problem.detail).toMatch(/JSON/);
  });

  it('names the path and the message of the first problem in a single template', () => {
    const bad = structuredClone(mine) as { fields: { id: string }[] };
    (bad.fields[1] as { id: string }).id = 'Tier Level';
    expect(problemOf(JSON.stringify(bad))).toEqual({
      kind: 'invalid',
      path: 'fields.1.id',
      message: 'must be lowercase letters, digits or _, starting with a letter',
    });
  });

  it('names the template by its place when the file holds a list', () => {
    const bad = structuredClone(mine) as unknown as { fields: Record<string, unknown>[] };
    (bad.fields[0] as Record<string, unknown>).kind = 'paragraph';
    const problem = problemOf(JSON.stringify([SERVICE_HANDOFF, bad]));
    expect(problem).toMatchObject({ kind: 'invalid', path: '[1].fields.0.kind' });
  });

  it('rejects unknown keys (strict schema), including __proto__ smuggled through JSON', () => {
    expect(problemOf(JSON.stringify({ ...mine, colour: 'red' }))).toMatchObject({
      kind: 'invalid',
      path: '',
    });
    const proto = `{"__proto__": {"polluted": true}, ${JSON.stringify(mine).slice(1)}`;
    expect(problemOf(proto).kind).toBe('invalid');
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('rejects an empty list, a list with the same id twice, and more than storage keeps', () => {
    expect(problemOf('[]')).toEqual({ kind: 'empty' });
    expect(problemOf(JSON.stringify([mine, mine]))).toEqual({ kind: 'duplicate', id: 'escalation' });
    const many = Array.from({ length: MAX_TEMPLATES + 1 }, (_, i) => ({ ...mine, id: `t-${i}` }));
    expect(problemOf(JSON.stringify(many))).toEqual({ kind: 'too_many', count: MAX_TEMPLATES + 1 });
  });

  it('rejects a file far bigger than any template file', () => {
    expect(problemOf(' '.repeat(1_000_001))).toEqual({ kind: 'too_large' });
  });

  it('rejects JSON that is not a template: a number, a string, null', () => {
    for (const text of ['42', '"template"', 'null']) expect(problemOf(text).kind).toBe('invalid');
  });
});

describe('adding imported templates to the list', () => {
  it('replaces a template with the same id in place and appends new ones', () => {
    const copy = copyTemplate(SERVICE_HANDOFF, [SERVICE_HANDOFF]);
    const renamed: Template = { ...SERVICE_HANDOFF, name: { en: 'Ours' } };
    const merged = mergeImported([SERVICE_HANDOFF, copy], [renamed, mine]);
    expect(merged).toEqual({ ok: true, templates: [renamed, copy, mine], added: 1, replaced: 1 });
  });

  it('changes nothing when the list would hold more than storage keeps', () => {
    const full = Array.from({ length: MAX_TEMPLATES }, (_, i) => ({ ...mine, id: `t-${i}` }));
    expect(mergeImported(full, [{ ...mine, id: 'one-more' }])).toEqual({
      ok: false,
      problem: { kind: 'too_many', count: MAX_TEMPLATES + 1 },
    });
  });
});

describe('the message a person reads', () => {
  afterEach(() => vi.restoreAllMocks());

  it('names what is wrong, in English', () => {
    useLocale('en');
    expect(
      importProblemMessage({ kind: 'invalid', path: 'fields.1.id', message: 'must be lowercase' }, translate),
    ).toBe('It is not a valid template at fields.1.id: must be lowercase');
    expect(
      importProblemMessage({ kind: 'not_json', detail: 'Unexpected end of JSON input' }, translate),
    ).toBe('It is not valid JSON: Unexpected end of JSON input');
    expect(importProblemMessage({ kind: 'duplicate', id: 'x' }, translate)).toBe(
      'It holds the template id “x” twice.',
    );
    expect(importProblemMessage({ kind: 'too_many', count: 51 }, translate)).toBe(
      'That would make 51 templates; Baton keeps at most 50.',
    );
  });

  it('and in Korean', () => {
    useLocale('ko');
    expect(
      importProblemMessage({ kind: 'invalid', path: 'fields.1.id', message: 'must be lowercase' }, translate),
    ).toBe('fields.1.id 위치가 올바른 템플릿이 아닙니다: must be lowercase');
    expect(importProblemMessage({ kind: 'empty' }, translate)).toBe('빈 목록이라 가져올 템플릿이 없습니다.');
  });

  it('has a message for every kind of problem in both languages', () => {
    const problems: ImportProblem[] = [
      { kind: 'too_large' },
      { kind: 'not_json', detail: 'd' },
      { kind: 'empty' },
      { kind: 'invalid', path: 'p', message: 'm' },
      { kind: 'invalid', path: '', message: 'm' },
      { kind: 'duplicate', id: 'i' },
      { kind: 'too_many', count: 60 },
    ];
    for (const locale of ['en', 'ko'] as const) {
      // biome-ignore lint/correctness/useHookAtTopLevel: not a React hook; it mocks browser.i18n.
      useLocale(locale);
      for (const problem of problems)
        expect(importProblemMessage(problem, translate).length, problem.kind).toBeGreaterThan(10);
    }
  });
});
