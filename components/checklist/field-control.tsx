import type { Field } from '../../lib/checklist/template';
import { type Locale, localize } from '../../lib/checklist/template-plain';

export interface FieldControlProps {
  field: Field;
  locale: Locale;
  value: string;
  error: string | null;
  optionalText: string;
  chooseText: string;
  listHint: string;
  /** A word from Baton about this field for this ticket (e.g. why the reason matters more this time). */
  note?: string;
  onChange(value: string): void;
}

/** One labelled control per template field; its error sits right under it and is tied to it for screen readers. */
export function FieldControl({
  field,
  locale,
  value,
  error,
  optionalText,
  chooseText,
  listHint,
  note,
  onChange,
}: FieldControlProps) {
  const id = `field-${field.id}`;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const optionalId = `${id}-optional`;
  const noteId = `${id}-note`;
  const describedBy = [
    field.required ? null : optionalId,
    note ? noteId : null,
    field.kind === 'list' ? hintId : null,
    error ? errorId : null,
  ]
    .filter(Boolean)
    .join(' ');
  const common = {
    id,
    name: field.id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy || undefined,
    'aria-required': field.required || undefined,
  };
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      {/* The accessible name is exactly the template label (DESIGN.md §8); "optional" is a description. */}
      <div className="label-row">
        <label htmlFor={id}>{localize(field.label, locale)}</label>
        {field.required ? null : (
          <span className="optional" id={optionalId}>
            ({optionalText})
          </span>
        )}
      </div>
      {note ? (
        <p className="field-note" id={noteId}>
          {note}
        </p>
      ) : null}
      {field.kind === 'choice' ? (
        <select {...common} value={value} onChange={(event) => onChange(event.target.value)}>
          <option value="">{chooseText}</option>
          {field.choices.map((choice) => (
            <option key={choice.id} value={choice.id}>
              {localize(choice.label, locale)}
            </option>
          ))}
        </select>
      ) : (
        <textarea
          {...common}
          value={value}
          rows={field.kind === 'list' ? 2 : 3}
          spellCheck={field.kind !== 'list'}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      {field.kind === 'list' ? (
        <p className="hint" id={hintId}>
          {listHint}
        </p>
      ) : null}
      {error ? (
        <p className="error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
