import { inertSummary } from './inert-text';
import { isMarkerLine } from './marker';
import type { Summary } from './summary';
import { parseHttpUrl, splitLines } from './url';

// For Jira Data Center and Server comments (REST v2 `body`): Jira's wiki markup, as its renderer
// (atlassian-renderer) reads it. Every string in a Summary is untrusted and must render literally: no
// emphasis, links, macros ({html}, {code}, {noformat}), mentions, images, headings, lists, tables,
// emoticons or dashes. Evidence and what is inferred: docs/jira-datacenter.md.

// One pass over each line, so that nothing this writes is read again:
// - the characters the renderer's backslash escape accepts (BackslashEscapeRendererComponent) get one;
// - a backslash cannot be escaped (`\\` is a forced line break, and `\\*` leaves the `*` live), so it is
//   written as its HTML entity, and an `&` that would start an entity as `&amp;` (the renderer passes
//   existing entities through: INFERRED, docs/jira-datacenter.md);
// - a colon that would make an emoticon spelled with letters (`:P`, `:D`) or a link of a bare URL
//   (`http://…`, `mailto:…`) becomes an entity.
const SPECIAL =
  /[-#*_+?^~|%{}[\]()!@\\]|&(?=#?[A-Za-z0-9]+;)|:(?=[PpDd](?![A-Za-z0-9])|\/\/)|(?<=\bmailto):/gi;
// Line-start blocks spelled with letters (`h1.`…`h6.` headings, `bq.` quotes) have nothing to escape:
// their first letter becomes an entity.
const LETTER_BLOCK = /^(?:[hH](?=[1-6]\.)|[bB](?=[qQ]\.))/;
// What Baton writes as a link: `[url]` ends at `]`, splits at `|`, and must hold no space.
const LINKABLE = /^[^\s[\]|{}\\!<>]+$/;
// A username as `[~username]` takes it: anything that cannot end or split the mention.
const MENTIONABLE = /^[\p{L}\p{N}._@+-]{1,255}$/u;

function entity(char: string): string {
  return `&#${char.codePointAt(0)};`;
}

function escapeLine(line: string): string {
  return line
    .trim()
    .replace(SPECIAL, (char) => {
      if (char === '&') return '&amp;';
      return char === '\\' || char === ':' ? entity(char) : `\\${char}`;
    })
    .replace(LETTER_BLOCK, entity);
}

/** For strings that must stay on one line (heading, labels, meta): any line break becomes a space. */
function escapeInline(text: string): string {
  return escapeLine(text.replace(/\s+/g, ' '));
}

/** Lines stay line breaks; a run of blank lines becomes one paragraph break. */
function escapeText(text: string): string {
  return splitLines(text)
    .map(escapeLine)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}

function strongLabel(label: string): string {
  return `*${escapeInline(label)}:*`;
}

function linkItem(value: string): string {
  return parseHttpUrl(value) && LINKABLE.test(value) ? `* [${value}]` : `* ${escapeInline(value)}`;
}

function mentions(ids: readonly string[] | undefined): string {
  const valid = (ids ?? []).filter((id) => MENTIONABLE.test(id));
  return valid.map((id) => ` [~${id}]`).join('');
}

function marker(line: string): string {
  // Written as it is so Jira's search finds it, which is safe only for a real marker line with no dash
  // that could open a strikethrough (one after a letter or digit cannot).
  return isMarkerLine(line) && !/(?<![A-Za-z0-9])-/.test(line) ? line : escapeInline(line);
}

export function renderWiki(summary: Summary): string {
  const s = inertSummary(summary);
  const blocks = [
    `h3. ${escapeInline(s.heading)}`,
    s.meta.map((m) => `${strongLabel(m.label)} ${escapeInline(m.value)}${mentions(m.mention)}`).join('\n'),
  ];
  if (s.history) blocks.push(escapeInline(s.history));
  for (const item of s.items) {
    if (item.value.kind === 'text') {
      blocks.push(`${strongLabel(item.label)} ${escapeText(item.value.text)}`);
    } else {
      blocks.push([strongLabel(item.label), ...item.value.urls.map(linkItem)].join('\n'));
    }
  }
  for (const note of s.notes ?? []) blocks.push(`_${escapeInline(note)}_`);
  blocks.push(marker(s.marker));
  return `${blocks.join('\n\n')}\n`;
}
