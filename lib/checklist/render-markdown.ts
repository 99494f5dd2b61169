import { inertSummary } from './inert-text';
import { isMarkerLine } from './marker';
import type { Summary } from './summary';
import { parseHttpUrl, splitLines } from './url';

// For Trello comments (CommonMark). Every string in a Summary is untrusted and must render literally:
// no emphasis, links, images, HTML, headings, lists, code, tables — and no notifications.

// All punctuation CommonMark gives a meaning to, including `=` (setext headings) and `&` (entities).
const MARKDOWN_PUNCTUATION = /[\\`*_{}[\]()#+\-.!|<>~=&]/g;
const HARD_BREAK = '  \n';

function escapeLine(line: string): string {
  // Lines are trimmed: leading spaces would start an indented code block, trailing ones a hard break.
  // A zero-width space after an '@' that could start a mention keeps `@all` / `@board` / `@name` from
  // notifying anyone. An '@' right after a letter or digit is inside an e-mail address (bob@example.com),
  // which must stay as typed so the receiver can copy it; that Trello does not read a mention there is
  // INFERRED (mentions elsewhere start at a word boundary), so only letters and digits count.
  return line
    .trim()
    .replace(MARKDOWN_PUNCTUATION, '\\$&')
    .replace(/(?<![\p{L}\p{N}])@/gu, '@\u200B');
}

/** For strings that must stay on one line (heading, labels, meta): any line break becomes a space. */
function escapeInline(text: string): string {
  return escapeLine(text.replace(/\s+/g, ' '));
}

/** Lines become hard breaks; a run of blank lines becomes one paragraph break (a paragraph cannot hold one). */
function escapeText(text: string): string {
  return splitLines(text)
    .map(escapeLine)
    .join('\n')
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.replace(/^\n+|\n+$/g, '').replaceAll('\n', HARD_BREAK))
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}

function strongLabel(label: string): string {
  return `**${escapeInline(label)}:**`;
}

// An autolink takes its content verbatim (no backslash escapes), so only a URL that cannot end it
// early or break out of it is linked; anything else is shown as escaped text.
function linkItem(value: string): string {
  return parseHttpUrl(value) && !/[\s<>]/.test(value) ? `- <${value}>` : `- ${escapeInline(value)}`;
}

function marker(line: string): string {
  // Written unescaped so the host's search finds it, which is safe only for a real marker line.
  return isMarkerLine(line) ? line : escapeInline(line);
}

export function renderMarkdown(summary: Summary): string {
  const s = inertSummary(summary);
  const blocks = [
    `### ${escapeInline(s.heading)}`,
    s.meta.map((m) => `${strongLabel(m.label)} ${escapeInline(m.value)}`).join(HARD_BREAK),
  ];
  if (s.history) blocks.push(escapeInline(s.history));
  for (const item of s.items) {
    if (item.value.kind === 'text') {
      blocks.push(`${strongLabel(item.label)} ${escapeText(item.value.text)}`);
    } else {
      blocks.push(strongLabel(item.label), item.value.urls.map(linkItem).join('\n'));
    }
  }
  for (const note of s.notes ?? []) blocks.push(`*${escapeInline(note)}*`);
  blocks.push(marker(s.marker));
  return `${blocks.join('\n\n')}\n`;
}
