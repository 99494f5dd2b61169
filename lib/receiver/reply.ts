import { markerLine } from '../checklist/marker';
import { renderAdf } from '../checklist/render-adf';
import { renderHtml } from '../checklist/render-html';
import { renderMarkdown } from '../checklist/render-markdown';
import { renderWiki } from '../checklist/render-wiki';
import type { Summary } from '../checklist/summary';
import type { CommentFormat } from '../sites/site-record';

// The receiver's reply to a handoff, in the host's comment format. Built as a Summary so it goes
// through the same renderers, and so the same escaping, as the handoff comment itself.

export type Reply =
  | { kind: 'ack'; handoffId: string; heading: string }
  | { kind: 'question'; handoffId: string; heading: string; label: string; question: string };

export function replySummary(reply: Reply): Summary {
  return {
    heading: reply.heading,
    meta: [],
    items:
      reply.kind === 'question'
        ? [{ label: reply.label, value: { kind: 'text', text: reply.question } }]
        : [],
    marker: markerLine(reply.handoffId, { re: reply.kind }),
  };
}

export function renderReply(format: CommentFormat, reply: Reply): unknown {
  const summary = replySummary(reply);
  switch (format) {
    case 'adf':
      return renderAdf(summary);
    case 'html':
      return renderHtml(summary);
    case 'markdown':
      return renderMarkdown(summary);
    case 'wiki':
      return renderWiki(summary);
  }
}
