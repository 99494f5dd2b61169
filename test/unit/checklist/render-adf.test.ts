import { createRequire } from 'node:module';
import Ajv from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { SERVICE_HANDOFF } from '../../../lib/checklist/default-template';
import { type AdfDoc, renderAdf } from '../../../lib/checklist/render-adf';
import { buildSummary } from '../../../lib/checklist/summary';
import {
  CTX,
  clean,
  FULL,
  HANDOFF_ID,
  HOSTILE,
  INERT_CASES,
  NOT_TEXT,
  STRINGS,
  summaryOf,
  summaryWith,
} from './fixtures';

// Atlassian's published schema, read from the installed package so an upgrade is tested as it ships.
const schema = createRequire(import.meta.url)('@atlaskit/adf-schema/dist/json-schema/v1/full.json');
const validateAdf = new Ajv({ allErrors: true, strict: false }).compile(schema);

type Node = {
  type: string;
  text?: string;
  marks?: { type: string; attrs?: { href?: string } }[];
  content?: Node[];
};

function nodes(doc: AdfDoc): Node[] {
  const all: Node[] = [];
  const walk = (node: Node) => {
    all.push(node);
    for (const child of node.content ?? []) walk(child);
  };
  walk(doc as Node);
  return all;
}

function expectValid(doc: AdfDoc) {
  const valid = validateAdf(doc);
  expect(validateAdf.errors ?? [], JSON.stringify(doc)).toEqual([]);
  expect(valid).toBe(true);
  for (const node of nodes(doc)) if (node.type === 'text') expect(node.text).not.toBe('');
  expect(doc.content.at(-1)).toEqual({
    type: 'paragraph',
    content: [{ type: 'text', text: `baton:v1 handoff=${HANDOFF_ID}` }],
  });
}

const plainTexts = (doc: AdfDoc) =>
  nodes(doc)
    .filter((n) => n.type === 'text' && !n.marks)
    .map((n) => n.text);

describe('renderAdf', () => {
  it.each(INERT_CASES)('drops %s from every text node and link', (_name, dirty, inert) => {
    const doc = renderAdf({
      ...summaryWith([
        { label: `Notes${dirty}`, value: { kind: 'text', text: `a${dirty}b\tc` } },
        { label: 'Links', value: { kind: 'links', urls: [`https://acme.example/${dirty}x`] } },
      ]),
      heading: `Head${dirty}`,
    });
    expectValid(doc);
    expect(JSON.stringify(doc)).not.toMatch(NOT_TEXT);
    const texts = nodes(doc).flatMap((node) => (node.text === undefined ? [] : [node.text]));
    expect(texts).toEqual(expect.arrayContaining([`Head${inert}`, `Notes${inert}: `, `a${inert}b\tc`]));
    const link = nodes(doc).find((node) => node.marks?.[0]?.type === 'link');
    expect(link?.text).toBe(`https://acme.example/${inert}x`);
  });

  it('renders every field filled as valid ADF', () => {
    const doc = renderAdf(summaryOf(FULL));
    expectValid(doc);
    expect(doc.content[0]).toEqual({
      type: 'heading',
      attrs: { level: 3 },
      content: [{ type: 'text', text: 'Handoff checklist' }],
    });
    expect(doc.content[1]).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Ticket: ', marks: [{ type: 'strong' }] },
        { type: 'text', text: 'SUP-42 — Refund not received' },
      ],
    });
    const links = nodes(doc).filter((n) => n.marks?.some((m) => m.type === 'link'));
    expect(links.map((n) => [n.text, n.marks?.[0]?.attrs?.href])).toEqual([
      ['https://acme.example/billing/123', 'https://acme.example/billing/123'],
      ['http://status.example.com/incidents?id=7&x=1', 'http://status.example.com/incidents?id=7&x=1'],
    ]);
    expect(doc.content.find((b) => b.type === 'bulletList')?.content).toHaveLength(2);
  });

  it('renders a checklist with the optional fields empty as valid ADF', () => {
    const { risks: _r, links: _l, ...required } = FULL;
    const doc = renderAdf(summaryOf(required));
    expectValid(doc);
    expect(doc.content.some((b) => b.type === 'bulletList')).toBe(false);
  });

  it.each([
    ['blank lines', 'one\n\n\ntwo'],
    ['a trailing newline', 'one\n'],
    ['leading newlines', '\n\none'],
    ['only newlines', '\n\r\n\r'],
    ['an empty string', ''],
    ['whitespace lines', 'one\n   \ntwo'],
  ])('never emits an empty text node for %s', (_what, text) => {
    const doc = renderAdf(summaryWith([{ label: 'Notes', value: { kind: 'text', text } }]));
    expectValid(doc);
    const paragraph = doc.content.find(
      (b) =>
        b.type === 'paragraph' && b.content[0]?.type === 'text' && b.content[0].text.startsWith('Notes:'),
    );
    const breaks = text.split(/\r\n|\r|\n/).length - 1;
    expect(paragraph?.content.filter((n) => n.type === 'hardBreak')).toHaveLength(breaks);
  });

  it('keeps Korean, emoji and other unicode intact', () => {
    const korean = '고객이 두 번 결제되었습니다 👨‍👩‍👧 🇰🇷 — naïve café ∑ 𝔘';
    const doc = renderAdf(summaryOf({ ...FULL, situation: korean, risks: '위험 없음 ✅' }, 'ko'));
    expectValid(doc);
    expect(plainTexts(doc)).toEqual(expect.arrayContaining([korean, '위험 없음 ✅', '상위 지원 요청']));
    expect(nodes(doc).some((n) => n.text === '현재 상황: ')).toBe(true);
  });

  it.each(HOSTILE)('keeps %j as a plain text node', (hostile) => {
    const s = buildSummary(
      SERVICE_HANDOFF,
      clean({ ...FULL, risks: hostile, situation: `${hostile}\n${hostile} and more words` }),
      { ...CTX, title: hostile, to: { name: hostile } },
      HANDOFF_ID,
      'en',
      STRINGS,
    );
    const doc = renderAdf(s);
    expectValid(doc);
    expect(plainTexts(doc).filter((t) => t === hostile)).toHaveLength(3);
    expect(plainTexts(doc)).toContain(`SUP-42 — ${hostile}`);
    expect(
      nodes(doc).every((n) =>
        ['doc', 'heading', 'paragraph', 'text', 'hardBreak', 'bulletList', 'listItem'].includes(n.type),
      ),
    ).toBe(true);
  });

  it('links only http(s) URLs and keeps the rest as plain text', () => {
    const urls = ['javascript:alert(1)', 'data:text/html,<b>x</b>', '/relative', 'https://ok.example/a b'];
    const doc = renderAdf(summaryWith([{ label: 'Links', value: { kind: 'links', urls } }]));
    expectValid(doc);
    const items = nodes(doc).filter((n) => n.type === 'listItem');
    expect(items.map((item) => item.content?.[0]?.content?.[0])).toEqual([
      { type: 'text', text: 'javascript:alert(1)' },
      { type: 'text', text: 'data:text/html,<b>x</b>' },
      { type: 'text', text: '/relative' },
      {
        type: 'text',
        text: 'https://ok.example/a b',
        marks: [{ type: 'link', attrs: { href: 'https://ok.example/a%20b' } }],
      },
    ]);
  });

  it('stays valid with an empty heading and an empty link list', () => {
    const doc = renderAdf({
      ...summaryWith([{ label: 'Links', value: { kind: 'links', urls: [] } }]),
      heading: '',
    });
    expectValid(doc);
    expect(doc.content[0]).toEqual({ type: 'heading', attrs: { level: 3 }, content: [] });
  });
});
