// @vitest-environment happy-dom
import { createRequire } from 'node:module';
import Ajv from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { CUT_MARK, fitSummary } from '../../../lib/checklist/fit';
import { inertText } from '../../../lib/checklist/inert-text';
import { renderAdf } from '../../../lib/checklist/render-adf';
import { renderHtml } from '../../../lib/checklist/render-html';
import { renderMarkdown } from '../../../lib/checklist/render-markdown';
import { renderText } from '../../../lib/checklist/render-text';
import { parseMarker, type Summary } from '../../../lib/checklist/summary';
import { templateSchema } from '../../../lib/checklist/template';
import { parsePolicy } from '../../../lib/storage/settings';
import { FULL, HANDOFF_ID, HOSTILE, summaryOf } from './fixtures';

// The corpus of hostile and odd input (issue 7): every case goes through every renderer (text,
// markdown = Trello, HTML = Zendesk, ADF = Jira) and every import path (template JSON, managed policy).

const injection = [
  ...HOSTILE,
  '<svg/onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="data:text/html,<script>alert(1)</script>">x</a>',
  "'><script>alert(document.cookie)</script>",
  '</p><h1>fake heading</h1><p>',
  '<!-- comment --> after',
  '<style>body{display:none}</style>',
  '&lt;script&gt; already escaped',
  '&amp;&#x3C;&#60;',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<form action=https://evil.example><input name=x></form>',
  '<details open ontoggle=alert(1)>',
  '<base href="https://evil.example/">',
  '<meta http-equiv="refresh" content="0;url=https://evil.example">',
  '"><img src=x onerror=alert(1)>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template literal as typed text is the point.
  '`${alert(1)}`',
  'javascript:alert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  'JaVaScRiPt:alert(1)',
];
const lookAlikes = [
  '# Heading',
  '## Not a heading',
  '> quoted',
  '- list item',
  '1. numbered',
  '* star item',
  '```code fence```',
  '~~~\nfenced\n~~~',
  '    indented code',
  '| table | cell |\n|---|---|',
  '***',
  '---',
  '___',
  '[link](https://evil.example)',
  '![image](https://evil.example/x.png)',
  '<https://autolink.example>',
  '[ref]: https://evil.example',
  '__underscore bold__',
  '_em_ *em*',
  '~~strike~~',
  '\\*escaped star\\*',
  'line with trailing spaces  \nnext',
  '{color:red}red{color}',
  '{code}x{code}',
  '{noformat}x{noformat}',
  '[~accountid:5b10ac8d82e05b22cc7d4ef5]',
  '[~bob]',
  'h1. wiki heading',
  '!image.png!',
  '||heading||\n|cell|',
  '{"type":"doc","version":1,"content":[]}',
  '{"type":"mention","attrs":{"id":"all"}}',
  '{{mustache}}',
  '{% liquid %}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template placeholder as typed text is the point.
  '${template}',
  '%s %d %n',
];
const mentions = [
  '@all',
  '@channel',
  '@here',
  '@board',
  '@card',
  '@team',
  '@bob',
  'mail@example.com',
  '@@double',
];
const unicode = [
  '\u202Eevil\u202C reversed',
  'a\u200Bb\u200Cc\u200Dd\uFEFFe',
  '\u2066isolate\u2069',
  'emoji 🎉👩‍👩‍👧‍👦🏳️‍🌈',
  '고객이 저장된 카드로 결제할 수 없습니다',
  '한국어와 English 섞어서 <b>태그</b>',
  'Ünïcödé çhàrs ß',
  '中文字符和日本語テキスト',
  'عربي RTL text',
  'combining e\u0301 and a\u0308',
  '\u0000null\u0001control\u0007bell',
  'tab\tseparated\tvalues',
  'CRLF\r\nline',
  'only\rCR',
  '\u2028line separator\u2029paragraph separator',
  '𝕱𝖗𝖆𝖐𝖙𝖚𝖗 math letters',
  'ZWJ 👨‍💻',
  '   leading and trailing   ',
  '\n\nblank lines around\n\n',
  'a\n\n\n\nmany blank lines\n\n\nb',
];
const proto = [
  '__proto__',
  'constructor',
  'prototype',
  '{"__proto__":{"polluted":true}}',
  'toString',
  'hasOwnProperty',
];
const long = ['x'.repeat(5000), 'word '.repeat(2000), '가'.repeat(3000)];

const CORPUS = [...injection, ...lookAlikes, ...mentions, ...unicode, ...proto, ...long];

const adfSchema = createRequire(import.meta.url)('@atlaskit/adf-schema/dist/json-schema/v1/full.json');
const validateAdf = new Ajv({ allErrors: true, strict: false }).compile(adfSchema);

function adfText(node: unknown): string[] {
  if (!node || typeof node !== 'object') return [];
  const n = node as { type?: string; text?: string; content?: unknown[] };
  return [...(n.type === 'text' && n.text ? [n.text] : []), ...(n.content ?? []).flatMap(adfText)];
}

const withSituation = (value: string) =>
  summaryOf({ ...FULL, situation: `Situation: ${value} (long enough)` });

describe('hostile and odd input through every renderer', () => {
  it('has at least 100 cases', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(100);
  });

  it.each(CORPUS.map((value, index) => [index, value]))('case %i stays inert text', (_index, value) => {
    const summary = withSituation(value);
    const situation = summary.items.find((item) => item.label === 'Situation')?.value;
    // What a comment may carry of it: controls and bidi overrides dropped (lib/checklist/inert-text.ts).
    const typed = inertText(situation?.kind === 'text' ? situation.text : '');

    // ADF (Jira): valid against Atlassian's schema, the text only in text nodes without marks.
    const adf = renderAdf(summary);
    expect(validateAdf(adf), JSON.stringify(validateAdf.errors)).toBe(true);
    const adfJoined = adfText(adf).join('\n');
    for (const line of typed.split(/\r\n?|\n/).filter((l) => l.trim() !== ''))
      expect(adfJoined).toContain(line.trim());
    expect(JSON.stringify(adf)).not.toMatch(/"type":"(mention|inlineCard|blockCard|media)"/);

    // HTML (Zendesk): parsing it back gives no element the agent did not write.
    const html = renderHtml(summary);
    const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
    const tags = new Set([...doc.body.querySelectorAll('*')].map((el) => el.tagName.toLowerCase()));
    for (const tag of tags) expect(['h3', 'p', 'strong', 'br', 'ul', 'li', 'a', 'em']).toContain(tag);
    for (const el of doc.body.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) expect(['href', 'rel']).toContain(attr);
    }
    for (const a of doc.body.querySelectorAll('a')) expect(a.getAttribute('href')).toMatch(/^https?:\/\//);

    // Markdown (Trello): no unescaped markup character from the answer, and mentions neutralised.
    const markdown = renderMarkdown(summary);
    const block = markdown.split('\n\n').find((b) => b.startsWith('**Situation:** ')) ?? '';
    expect(block.slice('**Situation:** '.length)).not.toMatch(/(?<!\\)[<>`[\]*_|~]/);
    expect(markdown).not.toMatch(/@(all|channel|here|board|card|team|bob)\b/);

    // Plain text: the answer verbatim but for what no comment carries, and the marker still found in every rendering.
    const lines = (text: string) => text.replace(/\r\n?/g, '\n');
    expect(lines(renderText(summary))).toContain(lines(typed));
    for (const rendered of [renderText(summary), markdown, html, JSON.stringify(adf)]) {
      expect(parseMarker(rendered)).toBe(HANDOFF_ID);
    }
  });
});

describe('hostile input through the import paths', () => {
  it.each(CORPUS.map((value, index) => [index, value]))(
    'case %i as a template label never throws',
    (_i, value) => {
      const candidate = {
        id: 'team',
        version: 1,
        name: { en: value.slice(0, 200) || 'x' },
        fields: [
          { id: 'situation', kind: 'text', label: { en: value.slice(0, 200) || 'x' }, required: true },
        ],
      };
      expect(() => templateSchema.safeParse(candidate)).not.toThrow();
      expect(() => templateSchema.safeParse(JSON.parse(JSON.stringify(candidate)))).not.toThrow();
    },
  );

  it('rejects prototype-pollution keys in templates and never pollutes', () => {
    const polluted = JSON.parse(
      '{"__proto__":{"polluted":true},"id":"t","version":1,"name":{"en":"T"},"fields":[{"id":"a","kind":"text","label":{"en":"A"},"required":true}]}',
    );
    expect(templateSchema.safeParse(polluted).success).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('malformed JSON is an error, not a template', () => {
    for (const text of ['{', '{"id":', 'null', '[]', '"string"', '42', '{"id":"x"}', '']) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        continue;
      }
      expect(templateSchema.safeParse(parsed).success).toBe(false);
    }
  });

  it.each(CORPUS.map((value, index) => [index, value]))(
    'case %i in a managed policy is dropped, not obeyed',
    (_i, value) => {
      const policy = parsePolicy({
        enforcement: { jira: value },
        retentionDays: value,
        customHosts: [{ origin: value, site: 'jira' }],
        templateBySite: { jira: value },
      });
      expect(policy.enforcement).toBeUndefined();
      expect(policy.retentionDays).toBeUndefined();
      expect(policy.customHosts).toBeUndefined();
      // A template id is any string: it is kept as given, and only ever looked up, never interpreted.
      expect(policy.templateBySite).toEqual({ jira: value });
    },
  );

  it('one bad key in a policy leaves the good ones in force', () => {
    const policy = parsePolicy(
      JSON.parse('{"__proto__":{"x":1},"enforcement":{"jira":"off"},"retentionDays":"many"}'),
    );
    expect(policy).toEqual({ enforcement: { jira: 'off' } });
  });
});

describe('answers longer than the host accepts', () => {
  const huge = 'A very long answer. '.repeat(5000); // 100 KB
  const summary = summaryOf({ ...FULL, situation: huge, done: `${'B'.repeat(50_000)} done` });
  const note = (cut: number) => `${cut} characters were cut`;

  it.each([
    ['Jira (ADF text)', 32_767, (s: Summary) => renderText(s).length],
    ['Zendesk (HTML)', 65_535, (s: Summary) => renderHtml(s).length],
    ['Trello (markdown)', 16_384, (s: Summary) => renderMarkdown(s).length],
  ] as const)('%s: cut to the limit, with a visible note and the marker kept', (_host, limit, measure) => {
    const fitted = fitSummary(summary, { limit, measure, note });
    expect(measure(fitted)).toBeLessThanOrEqual(limit);
    expect(fitted.notes?.at(-1)).toMatch(/^\d+ characters were cut$/);
    expect(renderText(fitted)).toContain(CUT_MARK.trim());
    expect(parseMarker(renderText(fitted))).toBe(HANDOFF_ID);
    expect(validateAdf(renderAdf(fitted))).toBe(true);
  });

  it('leaves a summary under the limit untouched', () => {
    const small = summaryOf(FULL);
    expect(fitSummary(small, { limit: 32_767, measure: (s) => renderText(s).length, note })).toBe(small);
  });
});
