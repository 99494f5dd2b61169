import { type ChangeEvent, useEffect, useRef, useState } from 'react';
import { SERVICE_HANDOFF } from '../../lib/checklist/default-template';
import { type Locale, localize, type Template } from '../../lib/checklist/template';
import { sendToBackground } from '../../lib/messaging';
import { SITES, type SiteId } from '../../lib/sites/registry';
import { lockedFor } from '../../lib/storage/settings';
import { translate as t, translateCount } from '../translate';
import { FieldEditor, ID_HINT } from './field-editor';
import { Confirm, downloadText, focusSoon, LockedNote, StatusLine, useStatus } from './parts';
import { saveErrorPlace } from './settings-edit';
import {
  copyTemplate,
  isBuiltIn,
  isPristineBuiltIn,
  moveItem,
  newField,
  removeItem,
  removeTemplate,
  replaceItem,
  sameData,
  setLabel,
  templatesToSave,
} from './template-editing';
import {
  importProblemMessage,
  MAX_IMPORT_BYTES,
  MAX_TEMPLATES,
  mergeImported,
  parseTemplateImport,
  templatesToJson,
} from './template-import';
import type { OptionsData, SaveSettings } from './use-options';

// Templates are edited as a draft and saved together with the template chosen per site: the
// background validates every template and saves nothing when one is wrong, and the draft stays as
// the person left it so they can fix what the message names.

interface Draft {
  templates: Template[];
  templateBySite: Record<string, string>;
}

const SITE_IDS = Object.keys(SITES) as SiteId[];

function draftFrom(data: OptionsData): Draft {
  const templateBySite: Record<string, string> = {};
  for (const site of SITE_IDS) {
    const chosen = data.settings.templateBySite[site];
    templateBySite[site] =
      chosen && data.templates.some((template) => template.id === chosen) ? chosen : SERVICE_HANDOFF.id;
  }
  return { templates: structuredClone(data.templates), templateBySite };
}

function templateName(template: Template, locale: Locale): string {
  return localize(template.name, locale).trim() || template.id;
}

function TemplateEditor({
  template,
  locale,
  onChange,
}: {
  template: Template;
  locale: Locale;
  onChange(template: Template): void;
}) {
  const fields = template.fields;
  return (
    <div className="template-editor">
      <h3 id="template-editor-heading">{t('optionsEditing', [templateName(template, locale)])}</h3>
      <div className="grid">
        <div className="field">
          <label htmlFor="template-name-en">{t('optionsNameEn')}</label>
          <input
            id="template-name-en"
            lang="en"
            value={template.name.en}
            required
            maxLength={200}
            onChange={(event) =>
              onChange({ ...template, name: setLabel(template.name, 'en', event.target.value) })
            }
          />
        </div>
        <div className="field">
          <label htmlFor="template-name-ko">{t('optionsNameKo')}</label>
          <input
            id="template-name-ko"
            lang="ko"
            value={template.name.ko ?? ''}
            maxLength={200}
            onChange={(event) =>
              onChange({ ...template, name: setLabel(template.name, 'ko', event.target.value) })
            }
          />
        </div>
        <div className="field">
          <span className="label">{t('optionsTemplateId')}</span>
          <code className="template-id">{template.id}</code>
        </div>
      </div>
      <h4 id="fields-heading" tabIndex={-1}>
        {t('optionsFields')}
      </h4>
      <p className="hint" id={ID_HINT}>
        {t('optionsIdHint')}
      </p>
      <ol className="field-list" aria-labelledby="fields-heading">
        {fields.map((field, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a field's id is being edited here, so only its place is stable.
          <li key={index}>
            <FieldEditor
              field={field}
              index={index}
              count={fields.length}
              locale={locale}
              onChange={(next) => onChange({ ...template, fields: replaceItem(fields, index, next) })}
              onMove={(delta) => onChange({ ...template, fields: moveItem(fields, index, delta) })}
              onRemove={() => {
                onChange({ ...template, fields: removeItem(fields, index) });
                focusSoon(index < fields.length - 1 ? `field-${index}-label-en` : 'add-field');
              }}
            />
          </li>
        ))}
      </ol>
      <div className="actions">
        <button
          type="button"
          id="add-field"
          onClick={() => {
            onChange({ ...template, fields: [...fields, newField(fields)] });
            focusSoon(`field-${fields.length}-label-en`);
          }}
        >
          {t('optionsAddField')}
        </button>
      </div>
    </div>
  );
}

export function TemplatesSection({
  data,
  save,
  locale,
}: {
  data: OptionsData;
  save: SaveSettings;
  locale: Locale;
}) {
  const templatesLocked = data.locked.includes('templates');
  // A policy locks the sites it names; the others stay the user's.
  const siteLocked = (site: SiteId) => lockedFor(data.policy, 'templateBySite', site);
  const bySiteLocked = SITE_IDS.every(siteLocked);
  const someSiteLocked = SITE_IDS.some(siteLocked);
  const [saved, setSaved] = useState<Draft>(() => draftFrom(data));
  const [draft, setDraft] = useState<Draft>(saved);
  const [selected, setSelected] = useState<string>(saved.templates[0]?.id ?? SERVICE_HANDOFF.id);
  const [removing, setRemoving] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, say, clearStatus] = useStatus();
  const statusRef = useRef(status);
  statusRef.current = status;
  const [fileStatus, sayFile] = useStatus();
  const dirty = !sameData(draft, saved);

  // What is stored changed (this page's save, another tab, a policy): take it, unless there are edits
  // here that have not been saved, which are never thrown away behind the person's back.
  const incoming = draftFrom(data);
  const incomingKey = JSON.stringify(incoming);
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the stored value's content.
  useEffect(() => {
    setSaved(incoming);
    if (!dirtyRef.current) setDraft(incoming);
  }, [incomingKey]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const current = draft.templates.find((template) => template.id === selected) ?? draft.templates[0];

  function edit(change: Partial<Draft>) {
    setDraft((before) => ({ ...before, ...change }));
    // "Saved" is no longer true after an edit; an error stays until the next save, to fix by.
    if (!statusRef.current?.error) clearStatus();
  }

  function updateTemplate(next: Template) {
    edit({ templates: draft.templates.map((template) => (template.id === next.id ? next : template)) });
  }

  function add() {
    if (draft.templates.length >= MAX_TEMPLATES) {
      say(t('optionsImportTooMany', [String(draft.templates.length + 1), String(MAX_TEMPLATES)]), true);
      return;
    }
    const copy = copyTemplate(SERVICE_HANDOFF, draft.templates);
    edit({ templates: [...draft.templates, copy] });
    setSelected(copy.id);
    focusSoon('template-name-en');
  }

  function remove(id: string) {
    setRemoving(null);
    const next = removeTemplate(draft.templates, draft.templateBySite, id);
    edit(next);
    if (selected === id) setSelected(next.templates[0]?.id ?? SERVICE_HANDOFF.id);
    focusSoon(`template-select-${next.templates[0]?.id ?? SERVICE_HANDOFF.id}`);
  }

  async function saveAll() {
    setBusy(true);
    say(t('optionsSaving'));
    try {
      if (!templatesLocked) {
        const sent = templatesToSave(draft.templates);
        const answer = await sendToBackground('templates:save', { templates: sent }).catch(() => null);
        if (!answer) return say(t('optionsSaveFailed'), true);
        if (!answer.ok) {
          const place = saveErrorPlace(answer.error, sent, locale);
          if (!place) return say(t('optionsTemplatesNotSavedPlain', [answer.error]), true);
          const where =
            place.field === null
              ? t('optionsSaveErrorTemplate', [place.template])
              : t('optionsSaveErrorField', [place.template, String(place.field)]);
          return say(t('optionsTemplatesNotSaved', [where, answer.error]), true);
        }
      }
      if (!bySiteLocked) {
        // Only the sites the policy leaves to the user: its own values stay out of the user's settings.
        const own = Object.fromEntries(
          Object.entries(draft.templateBySite).filter(([site]) => !siteLocked(site as SiteId)),
        );
        const ok = await save({ templateBySite: { ...data.local.templateBySite, ...own } });
        if (!ok) return say(t('optionsSaveFailed'), true);
      }
      setSaved(draft);
      say(t('optionsTemplatesSaved'));
    } finally {
      setBusy(false);
    }
  }

  async function importFile(event: ChangeEvent<HTMLInputElement>) {
    const input = event.target;
    const file = input.files?.[0];
    // Cleared at once, so choosing the same file again (after fixing it) is a change too.
    input.value = '';
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) return sayFile(importProblemMessage({ kind: 'too_large' }, t), true);
    let text: string;
    try {
      text = await file.text();
    } catch {
      return sayFile(t('optionsImportUnreadable', [file.name]), true);
    }
    const parsed = parseTemplateImport(text);
    if (!parsed.ok)
      return sayFile(t('optionsImportFailed', [file.name, importProblemMessage(parsed.problem, t)]), true);
    const merged = mergeImported(draft.templates, parsed.templates);
    if (!merged.ok)
      return sayFile(t('optionsImportFailed', [file.name, importProblemMessage(merged.problem, t)]), true);
    edit({ templates: merged.templates });
    setSelected(parsed.templates[0]?.id ?? selected);
    sayFile(t('optionsImported', [String(merged.added), String(merged.replaced)]));
  }

  function exportFile() {
    downloadText('baton-templates.json', templatesToJson(draft.templates), 'application/json');
    sayFile(
      translateCount('optionsTemplatesExported', draft.templates.length, [String(draft.templates.length)]),
    );
  }

  const removingTemplate = draft.templates.find((template) => template.id === removing);

  return (
    <section aria-labelledby="templates-heading" className="card">
      <h2 id="templates-heading">{t('optionsTemplatesTitle')}</h2>
      <p className="muted">{t('optionsTemplatesIntro')}</p>
      {templatesLocked ? <LockedNote id="templates-locked" /> : null}

      <ul className="template-list" aria-label={t('optionsTemplatesListLabel')}>
        {draft.templates.map((template) => {
          const name = templateName(template, locale);
          const builtIn = isBuiltIn(template);
          // The built-in can only be removed once edited, and removing it then restores the original.
          const removable = !templatesLocked && !(builtIn && isPristineBuiltIn(template));
          return (
            <li key={template.id} className={template.id === current?.id ? 'selected' : undefined}>
              <button
                type="button"
                id={`template-select-${template.id}`}
                className="template-name"
                aria-pressed={template.id === current?.id}
                onClick={() => setSelected(template.id)}
              >
                {name}
              </button>
              <code className="template-id">{template.id}</code>
              {builtIn ? (
                <span className="tag">
                  {isPristineBuiltIn(template) ? t('optionsBuiltIn') : t('optionsBuiltInEdited')}
                </span>
              ) : null}
              {SITE_IDS.filter((site) => draft.templateBySite[site] === template.id).map((site) => (
                <span className="tag site-tag" key={site}>
                  {SITES[site].name}
                </span>
              ))}
              {removable ? (
                <button
                  type="button"
                  className="danger"
                  id={`template-remove-${template.id}`}
                  aria-label={t(builtIn ? 'optionsRestoreNamed' : 'optionsRemoveNamed', [name])}
                  onClick={() => setRemoving(template.id)}
                >
                  {builtIn ? t('optionsRestore') : t('optionsRemove')}
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
      {removingTemplate ? (
        <Confirm
          question={t(isBuiltIn(removingTemplate) ? 'optionsRestoreConfirm' : 'optionsRemoveConfirm', [
            templateName(removingTemplate, locale),
          ])}
          confirmLabel={isBuiltIn(removingTemplate) ? t('optionsRestore') : t('optionsRemove')}
          onConfirm={() => remove(removingTemplate.id)}
          onKeep={() => {
            focusSoon(`template-remove-${removingTemplate.id}`);
            setRemoving(null);
          }}
        />
      ) : null}
      <div className="actions">
        <button type="button" onClick={add} disabled={templatesLocked}>
          {t('optionsAddTemplate')}
        </button>
      </div>

      <fieldset
        className="plain"
        disabled={templatesLocked}
        aria-describedby={templatesLocked ? 'templates-locked' : undefined}
      >
        {current ? <TemplateEditor template={current} locale={locale} onChange={updateTemplate} /> : null}
      </fieldset>

      <h3>{t('optionsTemplateBySite')}</h3>
      {someSiteLocked ? <LockedNote id="by-site-locked" /> : null}
      <fieldset className="plain by-site">
        {SITE_IDS.map((site) => (
          <div className="field" key={site}>
            <label htmlFor={`template-for-${site}`}>{SITES[site].name}</label>
            <select
              id={`template-for-${site}`}
              value={draft.templateBySite[site] ?? SERVICE_HANDOFF.id}
              disabled={siteLocked(site)}
              aria-describedby={siteLocked(site) ? 'by-site-locked' : undefined}
              onChange={(event) =>
                edit({ templateBySite: { ...draft.templateBySite, [site]: event.target.value } })
              }
            >
              {draft.templates.map((template) => (
                <option key={template.id} value={template.id}>
                  {templateName(template, locale)}
                </option>
              ))}
            </select>
          </div>
        ))}
      </fieldset>

      <div className="actions save-bar">
        <button
          type="button"
          className="primary"
          // aria-disabled keeps focus on the button once the save is done.
          aria-disabled={!dirty || busy || (templatesLocked && bySiteLocked) || undefined}
          onClick={() => {
            if (dirty && !busy) void saveAll();
          }}
        >
          {t('optionsSaveTemplates')}
        </button>
        <button
          type="button"
          aria-disabled={!dirty || busy || undefined}
          onClick={() => {
            if (!dirty || busy) return;
            setDraft(saved);
            say(t('optionsDiscarded'));
          }}
        >
          {t('optionsDiscard')}
        </button>
        {dirty ? <span className="unsaved">{t('optionsUnsaved')}</span> : null}
      </div>
      <StatusLine status={status} />

      <h3>{t('optionsImportExportTitle')}</h3>
      <div className="import-export">
        <div className="field">
          <label htmlFor="template-import">{t('optionsImport')}</label>
          <input
            id="template-import"
            type="file"
            accept="application/json,.json"
            disabled={templatesLocked}
            aria-describedby="template-import-hint"
            onChange={(event) => void importFile(event)}
          />
          <p className="hint" id="template-import-hint">
            {t('optionsImportHint')}
          </p>
        </div>
        <div className="actions">
          <button type="button" onClick={exportFile}>
            {t('optionsExportTemplates')}
          </button>
        </div>
      </div>
      <StatusLine status={fileStatus} />
    </section>
  );
}
