import { describe, expect, it } from 'vitest';
import { SERVICE_HANDOFF } from '../../../lib/checklist/default-template';
import { localize, type Template, templateSchema } from '../../../lib/checklist/template';

const minimal = (fields: unknown[]) => ({ id: 'mini', version: 1, name: { en: 'Mini' }, fields });
const text = (id: string, extra: object = {}) => ({
  id,
  kind: 'text',
  label: { en: id },
  required: true,
  ...extra,
});

function issues(input: unknown) {
  const result = templateSchema.safeParse(input);
  expect(result.success).toBe(false);
  return result.error?.issues ?? [];
}

describe('default template', () => {
  it('parses through templateSchema unchanged', () => {
    expect(templateSchema.parse(SERVICE_HANDOFF)).toEqual(SERVICE_HANDOFF);
  });

  it('has the fields of DESIGN.md §2, in order', () => {
    const rows = SERVICE_HANDOFF.fields.map((f) => [
      f.id,
      f.label.en,
      f.label.ko,
      f.kind,
      f.required,
      f.kind === 'text' ? f.minLength : undefined,
    ]);
    expect(rows).toEqual([
      ['reason', 'Reason for handoff', '이관 사유', 'choice', true, undefined],
      ['situation', 'Situation', '현재 상황', 'text', true, 15],
      ['impact', 'Customer and impact', '고객 및 영향도', 'text', true, 5],
      ['done', 'What has been done', '지금까지 한 조치', 'text', true, 10],
      ['next', 'Next action for the receiver', '인수자가 할 다음 조치', 'text', true, 10],
      ['told', 'What the customer was told', '고객에게 안내한 내용', 'text', true, 5],
      ['risks', 'Open questions and risks', '미해결 질문과 위험', 'text', false, undefined],
      ['links', 'Links', '관련 링크', 'list', false, undefined],
    ]);
    expect(SERVICE_HANDOFF.fields.at(-1)).toMatchObject({ kind: 'list', itemKind: 'url' });
    expect(SERVICE_HANDOFF).toMatchObject({
      id: 'service-handoff',
      version: 1,
      name: { en: 'Service handoff', ko: '서비스 인수인계' },
    });
  });

  it('has the reason choices of DESIGN.md §2, in order', () => {
    const reason = SERVICE_HANDOFF.fields[0];
    expect(reason?.kind).toBe('choice');
    const choices = reason?.kind === 'choice' ? reason.choices : [];
    expect(choices.map((c) => [c.id, c.label.en, c.label.ko])).toEqual([
      ['escalation', 'Escalation', '상위 지원 요청'],
      ['expertise', 'Needs other expertise', '다른 전문성 필요'],
      ['shift_change', 'Shift change or absence', '근무 교대·부재'],
      ['wrong_team', 'Wrong team', '담당 팀 아님'],
      ['workload', 'Workload balancing', '업무량 조정'],
      ['customer_request', 'Customer request', '고객 요청'],
      ['other', 'Other', '기타'],
    ]);
  });
});

describe('localize', () => {
  it('picks the locale and falls back to English', () => {
    expect(localize({ en: 'Links', ko: '관련 링크' }, 'ko')).toBe('관련 링크');
    expect(localize({ en: 'Links', ko: '관련 링크' }, 'en')).toBe('Links');
    expect(localize({ en: 'Links' }, 'ko')).toBe('Links');
  });
});

describe('templateSchema', () => {
  it('trims labels and accepts a minimal template', () => {
    const parsed: Template = templateSchema.parse(minimal([{ ...text('a'), label: { en: '  A  ' } }]));
    expect(parsed.fields[0]?.label).toEqual({ en: 'A' });
  });

  it('rejects duplicate field ids at the repeated field', () => {
    const [issue] = issues(minimal([text('situation'), text('other'), text('situation')]));
    expect(issue?.path).toEqual(['fields', 2, 'id']);
    expect(issue?.message).toContain('situation');
  });

  it('rejects duplicate choice ids at the repeated choice', () => {
    const choice = (id: string) => ({ id, label: { en: id } });
    const field = { id: 'reason', kind: 'choice', label: { en: 'Reason' }, required: true };
    const [issue] = issues(
      minimal([text('a'), { ...field, choices: [choice('x'), choice('y'), choice('x')] }]),
    );
    expect(issue?.path).toEqual(['fields', 1, 'choices', 2, 'id']);
    expect(issue?.message).toContain('"x"');
  });

  it.each(['Situation', '1st', 'a-b', 'a b', '_a', '', 'a'.repeat(41)])('rejects field id %j', (id) => {
    expect(issues(minimal([text('ok'), text(id)]))[0]?.path).toEqual(['fields', 1, 'id']);
  });

  it('accepts a field id of 40 characters', () => {
    expect(templateSchema.safeParse(minimal([text(`a${'_9'.repeat(19)}b`)])).success).toBe(true);
  });

  it.each(['Service', '-lead', 'a_b', 'a'.repeat(65)])('rejects template id %j', (id) => {
    expect(issues({ ...minimal([text('a')]), id })[0]?.path).toEqual(['id']);
  });

  it('rejects a bad choice id', () => {
    const field = { id: 'r', kind: 'choice', label: { en: 'R' }, required: true };
    const input = minimal([{ ...field, choices: [{ id: 'Bad Id', label: { en: 'x' } }] }]);
    expect(issues(input)[0]?.path).toEqual(['fields', 0, 'choices', 0, 'id']);
  });

  it('rejects unknown keys with their path', () => {
    const [issue] = issues(minimal([text('a'), text('b', { placeholder: 'x' })]));
    expect(issue).toMatchObject({ code: 'unrecognized_keys', keys: ['placeholder'], path: ['fields', 1] });
    expect(issues({ ...minimal([text('a')]), author: 'me' })[0]).toMatchObject({
      keys: ['author'],
      path: [],
    });
  });

  it.each([
    ['the template', '{"__proto__":{"polluted":1},"id":"t","version":1,"name":{"en":"T"},"fields":[]}', []],
    [
      'a field',
      '{"id":"t","version":1,"name":{"en":"T"},"fields":[{"__proto__":{"required":false},"id":"a","kind":"text","label":{"en":"A"},"required":true}]}',
      ['fields', 0],
    ],
    [
      'a label',
      '{"id":"t","version":1,"name":{"en":"T"},"fields":[{"id":"a","kind":"text","label":{"en":"A","__proto__":{}},"required":true}]}',
      ['fields', 0, 'label'],
    ],
  ])('rejects a __proto__ key in %s', (_where, json, path) => {
    const found = issues(JSON.parse(json)).find((i) => i.code === 'unrecognized_keys');
    expect(found).toMatchObject({ keys: ['__proto__'], path });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects minLength greater than maxLength at the field', () => {
    const [issue] = issues(minimal([text('a', { minLength: 10, maxLength: 5 })]));
    expect(issue?.path).toEqual(['fields', 0, 'minLength']);
    expect(templateSchema.safeParse(minimal([text('a', { minLength: 5, maxLength: 5 })])).success).toBe(true);
  });

  it.each([
    ['a fractional minLength', text('a', { minLength: 1.5 }), ['fields', 0, 'minLength']],
    ['a maxLength of 0', text('a', { maxLength: 0 }), ['fields', 0, 'maxLength']],
    ['an empty label', text('a', { label: { en: '   ' } }), ['fields', 0, 'label', 'en']],
    ['a long label', text('a', { label: { en: 'x'.repeat(201) } }), ['fields', 0, 'label', 'en']],
    ['an unknown kind', text('a', { kind: 'date' }), ['fields', 0, 'kind']],
    ['a list of non-URLs', { ...text('a', { kind: 'list' }), itemKind: 'email' }, ['fields', 0, 'itemKind']],
  ])('rejects %s', (_what, field, path) => {
    expect(issues(minimal([field]))[0]?.path).toEqual(path);
  });

  it('rejects no fields, more than 30 fields, no choices and another version', () => {
    expect(issues(minimal([]))[0]?.path).toEqual(['fields']);
    expect(issues(minimal(Array.from({ length: 31 }, (_, i) => text(`f${i}`))))[0]?.path).toEqual(['fields']);
    const choice = { id: 'r', kind: 'choice', label: { en: 'R' }, required: true, choices: [] };
    expect(issues(minimal([choice]))[0]?.path).toEqual(['fields', 0, 'choices']);
    expect(issues({ ...minimal([text('a')]), version: 2 })[0]?.path).toEqual(['version']);
  });
});
