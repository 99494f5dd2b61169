import type { Field, Locale, TextField } from '../../lib/checklist/template';
import { localize } from '../../lib/checklist/template';
import { translate as t } from '../translate';
import { focusSoon } from './parts';
import {
  type Choice,
  changeKind,
  type FieldKind,
  moveItem,
  newChoice,
  removeItem,
  replaceItem,
  setLabel,
  setLength,
} from './template-editing';

// One field of a template, as a group of labelled controls. Ids are built from the field's place so
// the controls keep their focus while the field's own id is typed (ids are data and can change).

const KINDS: { kind: FieldKind; label: () => string }[] = [
  { kind: 'text', label: () => t('optionsKindText') },
  { kind: 'choice', label: () => t('optionsKindChoice') },
  { kind: 'list', label: () => t('optionsKindList') },
];

/**
 * Move and remove buttons. At the ends of the list they stay focusable (aria-disabled, not disabled),
 * and after a move focus follows the item to its new place.
 */
function MoveButtons({
  idAt,
  index,
  count,
  onMove,
  removeLabel,
  onRemove,
}: {
  /** The id prefix of the item at a place in the list. */
  idAt(index: number): string;
  index: number;
  count: number;
  onMove(delta: number): void;
  removeLabel: string;
  onRemove(): void;
}) {
  const move = (delta: number) => {
    const target = index + delta;
    if (target < 0 || target >= count) return;
    onMove(delta);
    focusSoon(`${idAt(target)}-${delta < 0 ? 'up' : 'down'}`);
  };
  return (
    <div className="actions row-actions">
      <button
        type="button"
        id={`${idAt(index)}-up`}
        aria-disabled={index === 0 || undefined}
        onClick={() => move(-1)}
      >
        {t('optionsMoveUp')}
      </button>
      <button
        type="button"
        id={`${idAt(index)}-down`}
        aria-disabled={index === count - 1 || undefined}
        onClick={() => move(1)}
      >
        {t('optionsMoveDown')}
      </button>
      <button type="button" className="danger" onClick={onRemove}>
        {removeLabel}
      </button>
    </div>
  );
}

function LabelInputs({
  prefix,
  en,
  ko,
  enLabel,
  koLabel,
  onChange,
}: {
  prefix: string;
  en: string;
  ko: string;
  enLabel: string;
  koLabel: string;
  onChange(language: 'en' | 'ko', value: string): void;
}) {
  return (
    <>
      <div className="field">
        <label htmlFor={`${prefix}-en`}>{enLabel}</label>
        <input
          id={`${prefix}-en`}
          lang="en"
          value={en}
          required
          maxLength={200}
          onChange={(event) => onChange('en', event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-ko`}>{koLabel}</label>
        <input
          id={`${prefix}-ko`}
          lang="ko"
          value={ko}
          maxLength={200}
          onChange={(event) => onChange('ko', event.target.value)}
        />
      </div>
    </>
  );
}

/** The one hint every id input points to (TemplateEditor renders it once, above the fields). */
export const ID_HINT = 'field-id-hint';

function IdInput({ id, value, onChange }: { id: string; value: string; onChange(value: string): void }) {
  return (
    <div className="field">
      <label htmlFor={id}>{t('optionsId')}</label>
      <input
        id={id}
        className="code"
        value={value}
        spellCheck={false}
        autoComplete="off"
        maxLength={40}
        aria-describedby={ID_HINT}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

function ChoicesEditor({
  prefix,
  choices,
  onChange,
}: {
  prefix: string;
  choices: readonly Choice[];
  onChange(choices: Choice[]): void;
}) {
  return (
    <fieldset className="choices">
      <legend>{t('optionsChoices')}</legend>
      <ol>
        {choices.map((choice, index) => {
          const choicePrefix = `${prefix}-choice-${index}`;
          const update = (next: Choice) => onChange(replaceItem(choices, index, next));
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: a choice's id is being edited here, so only its place is stable.
            <li key={index}>
              <fieldset className="choice">
                <legend>{t('optionsChoiceN', [String(index + 1)])}</legend>
                <div className="choice-row">
                  <IdInput
                    id={`${choicePrefix}-id`}
                    value={choice.id}
                    onChange={(id) => update({ ...choice, id })}
                  />
                  <LabelInputs
                    prefix={`${choicePrefix}-label`}
                    en={choice.label.en}
                    ko={choice.label.ko ?? ''}
                    enLabel={t('optionsLabelEn')}
                    koLabel={t('optionsLabelKo')}
                    onChange={(language, value) =>
                      update({ ...choice, label: setLabel(choice.label, language, value) })
                    }
                  />
                  <MoveButtons
                    idAt={(at) => `${prefix}-choice-${at}`}
                    index={index}
                    count={choices.length}
                    onMove={(delta) => onChange(moveItem(choices, index, delta))}
                    removeLabel={t('optionsRemoveChoice')}
                    onRemove={() => {
                      onChange(removeItem(choices, index));
                      focusSoon(index < choices.length - 1 ? `${choicePrefix}-id` : `${prefix}-add-choice`);
                    }}
                  />
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div className="actions">
        <button
          type="button"
          id={`${prefix}-add-choice`}
          onClick={() => {
            onChange([...choices, newChoice(choices)]);
            focusSoon(`${prefix}-choice-${choices.length}-label-en`);
          }}
        >
          {t('optionsAddChoice')}
        </button>
      </div>
    </fieldset>
  );
}

function LengthInputs({
  prefix,
  field,
  onChange,
}: {
  prefix: string;
  field: TextField;
  onChange(field: TextField): void;
}) {
  return (
    <>
      <div className="field short">
        <label htmlFor={`${prefix}-min`}>{t('optionsMinLength')}</label>
        <input
          id={`${prefix}-min`}
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          value={field.minLength ?? ''}
          onChange={(event) => onChange(setLength(field, 'minLength', event.target.value))}
        />
      </div>
      <div className="field short">
        <label htmlFor={`${prefix}-max`}>{t('optionsMaxLength')}</label>
        <input
          id={`${prefix}-max`}
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          value={field.maxLength ?? ''}
          onChange={(event) => onChange(setLength(field, 'maxLength', event.target.value))}
        />
      </div>
    </>
  );
}

export function FieldEditor({
  field,
  index,
  count,
  locale,
  onChange,
  onMove,
  onRemove,
}: {
  field: Field;
  index: number;
  count: number;
  locale: Locale;
  onChange(field: Field): void;
  onMove(delta: number): void;
  onRemove(): void;
}) {
  const prefix = `field-${index}`;
  const label = localize(field.label, locale).trim();
  return (
    <fieldset className="field-editor">
      <legend>
        {label ? t('optionsFieldNamed', [String(index + 1), label]) : t('optionsFieldN', [String(index + 1)])}
      </legend>
      <div className="grid">
        <LabelInputs
          prefix={`${prefix}-label`}
          en={field.label.en}
          ko={field.label.ko ?? ''}
          enLabel={t('optionsLabelEn')}
          koLabel={t('optionsLabelKo')}
          onChange={(language, value) =>
            onChange({ ...field, label: setLabel(field.label, language, value) })
          }
        />
        <IdInput id={`${prefix}-id`} value={field.id} onChange={(id) => onChange({ ...field, id })} />
        <div className="field">
          <label htmlFor={`${prefix}-kind`}>{t('optionsKind')}</label>
          <select
            id={`${prefix}-kind`}
            value={field.kind}
            onChange={(event) => onChange(changeKind(field, event.target.value as FieldKind))}
          >
            {KINDS.map((kind) => (
              <option key={kind.kind} value={kind.kind}>
                {kind.label()}
              </option>
            ))}
          </select>
        </div>
        <div className="check">
          <input
            type="checkbox"
            id={`${prefix}-required`}
            checked={field.required}
            onChange={(event) => onChange({ ...field, required: event.target.checked })}
          />
          <label htmlFor={`${prefix}-required`}>{t('optionsRequired')}</label>
        </div>
        {field.kind === 'text' ? <LengthInputs prefix={prefix} field={field} onChange={onChange} /> : null}
      </div>
      {field.kind === 'list' ? <p className="hint">{t('optionsKindListHint')}</p> : null}
      {field.kind === 'choice' ? (
        <ChoicesEditor
          prefix={prefix}
          choices={field.choices}
          onChange={(choices) => onChange({ ...field, choices })}
        />
      ) : null}
      <MoveButtons
        idAt={(at) => `field-${at}`}
        index={index}
        count={count}
        onMove={onMove}
        removeLabel={t('optionsRemoveField')}
        onRemove={onRemove}
      />
    </fieldset>
  );
}
