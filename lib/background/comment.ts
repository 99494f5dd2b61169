import type { HandoffContext } from '../checklist/context';
import { renderAdf } from '../checklist/render-adf';
import { renderHtml } from '../checklist/render-html';
import { renderMarkdown } from '../checklist/render-markdown';
import { renderText } from '../checklist/render-text';
import { buildSummary } from '../checklist/summary';
import type { Template } from '../checklist/template';
import type { CleanAnswers } from '../checklist/validate';
import { commentStrings, uiLocale } from '../locale';
import type { CommentFormat } from '../sites/registry';

export interface RenderedComment {
  body: unknown;
  text: string;
}

const RENDERERS: Record<CommentFormat, (summary: ReturnType<typeof buildSummary>) => unknown> = {
  adf: renderAdf,
  html: renderHtml,
  markdown: renderMarkdown,
};

export function renderComment(
  format: CommentFormat,
  template: Template,
  answers: CleanAnswers,
  context: HandoffContext,
  handoffId: string,
): RenderedComment {
  const summary = buildSummary(template, answers, context, handoffId, uiLocale(), commentStrings());
  return { body: RENDERERS[format](summary), text: renderText(summary) };
}
