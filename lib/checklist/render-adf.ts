import { inertSummary } from './inert-text';
import type { Summary } from './summary';
import { parseHttpUrl, splitLines } from './url';

// For Jira Cloud comments: Atlassian Document Format, valid against the JSON schema in
// @atlaskit/adf-schema. User text only ever lands in `text` nodes, which Jira shows literally.

export type AdfMark = { type: 'strong' } | { type: 'em' } | { type: 'link'; attrs: { href: string } };
export type AdfText = { type: 'text'; text: string; marks?: AdfMark[] };
export type AdfInline = AdfText | { type: 'hardBreak' };
export type AdfParagraph = { type: 'paragraph'; content: AdfInline[] };
export type AdfListItem = { type: 'listItem'; content: [AdfParagraph] };
export type AdfBlock =
  | { type: 'heading'; attrs: { level: 3 }; content: AdfInline[] }
  | AdfParagraph
  | { type: 'bulletList'; content: AdfListItem[] };
export interface AdfDoc {
  type: 'doc';
  version: 1;
  content: AdfBlock[];
}

// ADF forbids empty text nodes (`text: ''` fails the schema and Jira rejects the comment).
function text(value: string, marks?: AdfMark[]): AdfText[] {
  if (value === '') return [];
  return [marks ? { type: 'text', text: value, marks } : { type: 'text', text: value }];
}

function multiline(value: string): AdfInline[] {
  return splitLines(value).flatMap((line, index): AdfInline[] =>
    index === 0 ? text(line) : [{ type: 'hardBreak' }, ...text(line)],
  );
}

// The space after the colon is inside the strong mark so the value stays a node of its own, unmarked.
function labelled(label: string, value: AdfInline[]): AdfParagraph {
  return {
    type: 'paragraph',
    content: [...text(`${label}:${value.length ? ' ' : ''}`, [{ type: 'strong' }]), ...value],
  };
}

function linkItem(value: string): AdfListItem {
  const url = parseHttpUrl(value);
  const content = url ? text(value, [{ type: 'link', attrs: { href: url.href } }]) : text(value);
  return { type: 'listItem', content: [{ type: 'paragraph', content }] };
}

export function renderAdf(summary: Summary): AdfDoc {
  const s = inertSummary(summary);
  const content: AdfBlock[] = [
    { type: 'heading', attrs: { level: 3 }, content: text(s.heading) },
    ...s.meta.map((m) => labelled(m.label, text(m.value))),
  ];
  if (s.history) content.push({ type: 'paragraph', content: text(s.history) });
  for (const item of s.items) {
    if (item.value.kind === 'text') {
      content.push(labelled(item.label, multiline(item.value.text)));
    } else {
      content.push(labelled(item.label, []));
      // A bulletList must have at least one item.
      if (item.value.urls.length) {
        content.push({ type: 'bulletList', content: item.value.urls.map(linkItem) });
      }
    }
  }
  for (const note of s.notes ?? []) {
    if (note !== '')
      content.push({ type: 'paragraph', content: [{ type: 'text', text: note, marks: [{ type: 'em' }] }] });
  }
  content.push({ type: 'paragraph', content: text(s.marker) });
  return { type: 'doc', version: 1, content };
}
