import { describe, expect, it } from 'vitest';
import {
  changeKind,
  copyTemplate,
  isPristineBuiltIn,
  moveItem,
  newChoice,
  newField,
  removeItem,
  removeTemplate,
  replaceItem,
  sameData,
  setLabel,
  setLength,
  templatesToSave,
  uniqueId,
} from '../../../components/options/template-editing';
import { SERVICE_HANDOFF } from '../../../lib/checklist/default-template';
import { type Field, type Template, type TextField, templateSchema } from '../../../lib/checklist/template';

const ids = (fields: readonly { id: string }[]) => fields.map((field) => field.id);

describe('moving, removing and replacing list items', () => {
  const list = ['a', 'b', 'c', 'd'];

  it('moves an item up and down by one place', () => {
    expect(moveItem(list, 2, -1)).toEqual(['a', 'c', 'b', 'd']);
    expect(moveItem(list, 0, 1)).toEqual(['b', 'a', 'c', 'd']);
    expect(moveItem(list, 3, -3)).toEqual(['d', 'a', 'b', 'c']);
  });

  it('leaves the list as it is at its ends, and never changes its input', () => {
    expect(moveItem(list, 0, -1)).toEqual(list);
    expect(moveItem(list, 3, 1)).toEqual(list);
    expect(moveItem(list, 7, -1)).toEqual(list);
    expect(list).toEqual(['a', 'b', 'c', 'd']);
    expect(moveItem(list, 0, -1)).not.toBe(list);
  });

  it('removes and replaces by place', () => {
    expect(removeItem(list, 1)).toEqual(['a', 'c', 'd']);
    expect(removeItem(list, 9)).toEqual(list);
    expect(replaceItem(list, 3, 'z')).toEqual(['a', 'b', 'c', 'z']);
    expect(list).toEqual(['a', 'b', 'c', 'd']);
  });

  it('reorders the built-in template fields as the editor does', () => {
    const fields = moveItem(SERVICE_HANDOFF.fields, 1, 1);
    expect(ids(fields).slice(0, 3)).toEqual(['reason', 'impact', 'situation']);
    expect(templateSchema.safeParse({ ...SERVICE_HANDOFF, fields }).success).toBe(true);
  });
});

describe('ids', () => {
  it('takes the first free number', () => {
    expect(uniqueId('field_1', [], '_')).toBe('field_1');
    expect(uniqueId('field_1', ['field_1'], '_')).toBe('field_1_2');
    expect(uniqueId('x', ['x', 'x-2', 'x-3'], '-')).toBe('x-4');
  });

  it('gives a new field a free id, required, with labels for the user to write', () => {
    const field = newField(SERVICE_HANDOFF.fields);
    expect(field).toEqual({ id: 'field_9', kind: 'text', label: { en: '' }, required: true });
    const crowded: Field[] = [{ id: 'field_2', kind: 'text', label: { en: 'x' }, required: false }];
    expect(newField(crowded).id).toBe('field_2_2');
  });

  it('gives a new choice a free id', () => {
    expect(newChoice([]).id).toBe('choice_1');
    expect(newChoice([{ id: 'choice_2', label: { en: 'x' } }]).id).toBe('choice_2_2');
  });
});

describe('a new template', () => {
  it('starts as a copy of the built-in with a free id and a numbered name in both languages', () => {
    const first = copyTemplate(SERVICE_HANDOFF, [SERVICE_HANDOFF]);
    expect(first.id).toBe('service-handoff-2');
    expect(first.name).toEqual({ en: 'Service handoff 2', ko: '서비스 인수인계 2' });
    expect(first.fields).toEqual(SERVICE_HANDOFF.fields);
    expect(templateSchema.safeParse(first).success).toBe(true);
    const second = copyTemplate(SERVICE_HANDOFF, [SERVICE_HANDOFF, first]);
    expect(second.id).toBe('service-handoff-3');
    expect(second.name.en).toBe('Service handoff 3');
  });

  it('is a deep copy: editing it leaves the built-in alone', () => {
    const copy = copyTemplate(SERVICE_HANDOFF, [SERVICE_HANDOFF]);
    (copy.fields[0] as Field).label.en = 'Changed';
    expect(SERVICE_HANDOFF.fields[0]?.label.en).toBe('Reason for handoff');
  });
});

describe('editing a field', () => {
  const text: TextField = {
    id: 'notes',
    kind: 'text',
    label: { en: 'Notes', ko: '메모' },
    required: true,
    minLength: 3,
  };

  it('changes kind, keeping id, label and required and dropping what only the old kind had', () => {
    const choice = changeKind(text, 'choice');
    expect(choice).toEqual({
      id: 'notes',
      kind: 'choice',
      label: { en: 'Notes', ko: '메모' },
      required: true,
      choices: [{ id: 'choice_1', label: { en: '' } }],
    });
    const list = changeKind(choice, 'list');
    expect(list).toEqual({ id: 'notes', kind: 'list', label: text.label, required: true, itemKind: 'url' });
    expect(changeKind(list, 'text')).toEqual({
      id: 'notes',
      kind: 'text',
      label: text.label,
      required: true,
    });
    expect(changeKind(text, 'text')).toBe(text);
  });

  it('leaves an empty Korean label out rather than storing it empty', () => {
    expect(setLabel({ en: 'A', ko: '가' }, 'ko', '')).toEqual({ en: 'A' });
    expect(setLabel({ en: 'A' }, 'ko', '나')).toEqual({ en: 'A', ko: '나' });
    expect(setLabel({ en: 'A', ko: '가' }, 'en', 'B')).toEqual({ en: 'B', ko: '가' });
  });

  it('sets and clears lengths from what a number input holds', () => {
    expect(setLength(text, 'minLength', '15').minLength).toBe(15);
    expect(setLength(text, 'minLength', '')).not.toHaveProperty('minLength');
    expect(setLength(text, 'maxLength', ' 200 ').maxLength).toBe(200);
    // Out of range is kept, for the schema to name on Save.
    expect(setLength(text, 'minLength', '-4').minLength).toBe(-4);
    expect(
      templateSchema.safeParse({ ...SERVICE_HANDOFF, fields: [setLength(text, 'minLength', '-4')] }).success,
    ).toBe(false);
  });
});

describe('what is saved', () => {
  it('leaves the built-in out while it is as shipped, and keeps it once edited', () => {
    const copy = copyTemplate(SERVICE_HANDOFF, [SERVICE_HANDOFF]);
    expect(templatesToSave([structuredClone(SERVICE_HANDOFF), copy])).toEqual([copy]);
    const edited: Template = { ...SERVICE_HANDOFF, name: { en: 'Our handoff', ko: '우리 인수인계' } };
    expect(isPristineBuiltIn(edited)).toBe(false);
    expect(templatesToSave([edited, copy])).toEqual([edited, copy]);
  });

  it('compares data regardless of key order and undefined keys', () => {
    expect(sameData({ a: 1, b: { c: 2, d: undefined } }, { b: { c: 2 }, a: 1 })).toBe(true);
    expect(sameData([1, 2], [2, 1])).toBe(false);
  });
});

describe('removing a template', () => {
  const copy = copyTemplate(SERVICE_HANDOFF, [SERVICE_HANDOFF]);

  it('sends the sites that used it back to the built-in', () => {
    const result = removeTemplate(
      [SERVICE_HANDOFF, copy],
      { jira: copy.id, trello: 'service-handoff' },
      copy.id,
    );
    expect(result.templates.map((t) => t.id)).toEqual(['service-handoff']);
    expect(result.templateBySite).toEqual({ jira: 'service-handoff', trello: 'service-handoff' });
  });

  it('restores the built-in as shipped when an edited built-in is removed', () => {
    const edited: Template = { ...SERVICE_HANDOFF, fields: SERVICE_HANDOFF.fields.slice(0, 2) };
    const result = removeTemplate([copy, edited], {}, SERVICE_HANDOFF.id);
    expect(result.templates.map((t) => t.id)).toEqual(['service-handoff', copy.id]);
    expect(isPristineBuiltIn(result.templates[0] as Template)).toBe(true);
  });
});
