import { browser } from 'wxt/browser';
import type { HandoffContext } from '../checklist/context';
import { fitSummary } from '../checklist/fit';
import { renderAdf } from '../checklist/render-adf';
import { renderHtml } from '../checklist/render-html';
import { renderMarkdown } from '../checklist/render-markdown';
import { renderText } from '../checklist/render-text';
import { renderWiki } from '../checklist/render-wiki';
import { buildSummary } from '../checklist/summary';
import type { Template } from '../checklist/template';
import type { CleanAnswers } from '../checklist/validate';
import { changedHandsText } from '../history/wording';
import { commentStrings, uiLocale } from '../locale';
import { pluralForm } from '../plural';
import type { CommentFormat } from '../sites/site-record';

export interface RenderedComment {
  body: unknown;
  text: string;
}

const RENDERERS: Record<CommentFormat, (summary: ReturnType<typeof buildSummary>) => unknown> = {
  adf: renderAdf,
  html: renderHtml,
  markdown: renderMarkdown,
  wiki: renderWiki,
};

// How each format's length is counted by its host: ADF by its text, the others as sent.
const MEASURES: Record<CommentFormat, (summary: ReturnType<typeof buildSummary>) => number> = {
  adf: (summary) => renderText(summary).length,
  html: (summary) => renderHtml(summary).length,
  markdown: (summary) => renderMarkdown(summary).length,
  wiki: (summary) => renderWiki(summary).length,
};

export function renderComment(
  site: { name: string; commentFormat: CommentFormat; commentLimit: number },
  template: Template,
  answers: CleanAnswers,
  context: HandoffContext,
  handoffId: string,
  /** How often the ticket changed hands in the window, when its history was read and it has. */
  changedHands?: number,
): RenderedComment {
  const locale = uiLocale();
  const built = buildSummary(template, answers, context, handoffId, locale, commentStrings());
  const full = changedHands
    ? {
        ...built,
        history: changedHandsText(changedHands, locale, (key, substitutions) =>
          browser.i18n.getMessage(key, substitutions),
        ),
      }
    : built;
  const summary = fitSummary(full, {
    limit: site.commentLimit,
    measure: MEASURES[site.commentFormat],
    note: (cut) =>
      browser.i18n.getMessage(`commentTruncated${pluralForm(uiLocale(), cut)}`, [String(cut), site.name]),
  });
  // The clipboard copy is the full text: only the host's copy is cut.
  return { body: RENDERERS[site.commentFormat](summary), text: renderText(full) };
}
