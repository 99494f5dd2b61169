import { type Template, templateSchema } from '../../lib/checklist/template';
import type { Translate } from '../translate';

// Importing templates from a JSON file a person chose: one template or an array of them. Nothing is
// applied unless the whole file is valid; otherwise the first problem is named with its path.

/** As many as storage keeps (lib/storage/templates.ts). */
export const MAX_TEMPLATES = 50;
/** Far more than 50 templates of 30 fields take; anything bigger is not a template file. */
export const MAX_IMPORT_BYTES = 1_000_000;

export type ImportProblem =
  | { kind: 'too_large' }
  | { kind: 'not_json'; detail: string }
  | { kind: 'empty' }
  | { kind: 'invalid'; path: string; message: string }
  | { kind: 'duplicate'; id: string }
  | { kind: 'too_many'; count: number };

export type ImportResult = { ok: true; templates: Template[] } | { ok: false; problem: ImportProblem };

/** `templates[1].fields.2.id` for an array, `fields.2.id` for a single template. */
function issuePath(index: number | null, path: readonly PropertyKey[]): string {
  const inner = path.map(String).join('.');
  if (index === null) return inner;
  return inner ? `[${index}].${inner}` : `[${index}]`;
}

export function parseTemplateImport(text: string): ImportResult {
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, problem: { kind: 'too_large' } };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: { kind: 'not_json', detail } };
  }
  const single = !Array.isArray(data);
  const candidates: unknown[] = single ? [data] : (data as unknown[]);
  if (candidates.length === 0) return { ok: false, problem: { kind: 'empty' } };
  if (candidates.length > MAX_TEMPLATES)
    return { ok: false, problem: { kind: 'too_many', count: candidates.length } };
  const templates: Template[] = [];
  for (const [index, candidate] of candidates.entries()) {
    const parsed = templateSchema.safeParse(candidate);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return {
        ok: false,
        problem: {
          kind: 'invalid',
          path: issuePath(single ? null : index, issue?.path ?? []),
          message: issue?.message ?? 'invalid',
        },
      };
    }
    if (templates.some((template) => template.id === parsed.data.id))
      return { ok: false, problem: { kind: 'duplicate', id: parsed.data.id } };
    templates.push(parsed.data);
  }
  return { ok: true, templates };
}

/**
 * Adds imported templates to the list: one with an id already there replaces it in place, others
 * are appended. Fails (changing nothing) when the result would hold more than storage keeps.
 */
export function mergeImported(
  current: readonly Template[],
  imported: readonly Template[],
):
  | { ok: true; templates: Template[]; added: number; replaced: number }
  | { ok: false; problem: ImportProblem } {
  const next = [...current];
  let added = 0;
  let replaced = 0;
  for (const template of imported) {
    const at = next.findIndex((existing) => existing.id === template.id);
    if (at >= 0) {
      next[at] = template;
      replaced += 1;
    } else {
      next.push(template);
      added += 1;
    }
  }
  if (next.length > MAX_TEMPLATES) return { ok: false, problem: { kind: 'too_many', count: next.length } };
  return { ok: true, templates: next, added, replaced };
}

/** The message shown for a file that was not imported. zod's own wording is kept for the detail. */
export function importProblemMessage(problem: ImportProblem, t: Translate): string {
  switch (problem.kind) {
    case 'too_large':
      return t('optionsImportTooLarge');
    case 'not_json':
      return t('optionsImportNotJson', [problem.detail]);
    case 'empty':
      return t('optionsImportEmpty');
    case 'invalid':
      return problem.path
        ? t('optionsImportInvalid', [problem.path, problem.message])
        : t('optionsImportInvalidTop', [problem.message]);
    case 'duplicate':
      return t('optionsImportDuplicate', [problem.id]);
    case 'too_many':
      return t('optionsImportTooMany', [String(problem.count), String(MAX_TEMPLATES)]);
  }
}

/** The templates as a file a person can keep, share and import again. */
export function templatesToJson(templates: readonly Template[]): string {
  return `${JSON.stringify(templates, null, 2)}\n`;
}
