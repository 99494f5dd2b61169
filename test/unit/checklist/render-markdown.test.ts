import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../lib/checklist/render-markdown';
import { parseMarker } from '../../../lib/checklist/summary';
import { FULL, HANDOFF_ID, HOSTILE, INERT_CASES, NOT_TEXT, summaryOf, summaryWith } from './fixtures';

const text = (value: string) =>
  renderMarkdown(summaryWith([{ label: 'Notes', value: { kind: 'text', text: value } }]));
const links = (urls: string[]) =>
  renderMarkdown(summaryWith([{ label: 'Links', value: { kind: 'links', urls } }]));
const ZWSP = '\u200b';

describe('renderMarkdown', () => {
  it('renders the heading, labels, hard breaks, autolinks and the marker line', () => {
    const md = renderMarkdown(summaryOf({ ...FULL, done: 'First step done\nSecond step done' }));
    expect(md).toContain('### Handoff checklist\n');
    expect(md).toContain(
      '**Ticket:** SUP\\-42 — Refund not received  \n**From:** Alice Kim  \n**To:** Bob Lee\n',
    );
    expect(md).toContain('**What has been done:** First step done  \nSecond step done\n');
    expect(md).toContain(
      '**Links:**\n\n- <https://acme.example/billing/123>\n- <http://status.example.com/incidents?id=7&x=1>\n',
    );
    expect(md.endsWith(`\n\nbaton:v1 handoff=${HANDOFF_ID}\n`)).toBe(true);
    expect(parseMarker(md)).toBe(HANDOFF_ID);
  });

  it.each([
    ['**x**', '\\*\\*x\\*\\*'],
    ['**bold** [x](javascript:alert(1))', '\\*\\*bold\\*\\* \\[x\\]\\(javascript:alert\\(1\\)\\)'],
    ['<script>alert(1)</script>', '\\<script\\>alert\\(1\\)\\</script\\>'],
    ['{html}<b>x</b>{html}', '\\{html\\}\\<b\\>x\\</b\\>\\{html\\}'],
    ['[~accountid:123]', '\\[\\~accountid:123\\]'],
    ['_a_ `code` ~~s~~ | t | ![i](u)', '\\_a\\_ \\`code\\` \\~\\~s\\~\\~ \\| t \\| \\!\\[i\\]\\(u\\)'],
    ['&amp; &#64;all', '\\&amp; \\&\\#64;all'],
    ['C:\\path\\', 'C:\\\\path\\\\'],
  ])('escapes %j', (input, escaped) => {
    expect(text(input)).toContain(`**Notes:** ${escaped}\n`);
  });

  it.each([
    ['# heading', '\\# heading'],
    ['- item', '\\- item'],
    ['+ item', '\\+ item'],
    ['* item', '\\* item'],
    ['1. item', '1\\. item'],
    ['2) item', '2\\) item'],
    ['> quote', '\\> quote'],
    ['===', '\\=\\=\\='],
    ['---', '\\-\\-\\-'],
    ['```js', '\\`\\`\\`js'],
    ['    indented', 'indented'],
  ])('neutralises a line starting %j', (line, escaped) => {
    expect(text(`Intro\n${line}`)).toContain(`Intro  \n${escaped}\n`);
    expect(text(`Intro\n\n${line}`)).toContain(`Intro\n\n${escaped}\n`);
  });

  it.each(['@all', '@board', '@card', '@alice', 'ping (@all)', 'see:@alice'])(
    'keeps %j from mentioning anyone',
    (input) => {
      const md = text(input);
      expect(md).not.toMatch(/@[a-z]/i);
      expect(md).toContain(`@${ZWSP}`);
    },
  );

  it.each([
    ['bob@example.com', 'bob@example\\.com'],
    ['mail me at a@b.example or 김@예시.한국', 'mail me at a@b\\.example or 김@예시\\.한국'],
  ])('keeps the e-mail address in %j as typed', (input, rendered) => {
    expect(text(input)).toContain(`**Notes:** ${rendered}\n`);
    expect(text(input)).not.toContain(ZWSP);
  });

  it.each(INERT_CASES)('drops %s from every slot', (_name, dirty, inert) => {
    const md = renderMarkdown({
      ...summaryWith([
        { label: `Notes${dirty}`, value: { kind: 'text', text: `a${dirty}b\tc` } },
        { label: 'Links', value: { kind: 'links', urls: [`https://acme.example/${dirty}x`] } },
      ]),
      heading: `Head${dirty}`,
    });
    expect(md).not.toMatch(NOT_TEXT);
    expect(md).toContain(`### Head${inert}\n`);
    expect(md).toContain(`**Notes${inert}:** a${inert}b\tc\n`);
    expect(md).toContain(`- <https://acme.example/${inert}x>`);
  });

  it('keeps blank lines as one paragraph break and drops stray whitespace', () => {
    expect(text('one  \n\n\n  \ntwo\n')).toContain('**Notes:** one\n\ntwo\n\nbaton:v1');
  });

  it.each(HOSTILE)('never lets %j through unescaped, in any slot', (hostile) => {
    const md = renderMarkdown({
      ...summaryOf({ ...FULL, risks: hostile }),
      heading: hostile,
      meta: [{ label: hostile, value: `${hostile}\n# injected` }],
    });
    // What is left once Baton's own markup (autolinks, bold labels) is taken out must be all escaped.
    const userText = md
      .replace(/^- <https?:\/\/[^\s<>]+>$/gm, '')
      .replace(/\*\*((?:\\.|[^*\\])+):\*\*/g, '$1');
    expect(userText).not.toMatch(/(?<!\\)[<>[\]*`]/);
    expect(md).not.toMatch(/@[a-z]/i);
    expect(md).not.toMatch(/^#(?!## )/m);
    expect(parseMarker(md)).toBe(HANDOFF_ID);
  });

  it('autolinks only http(s) URLs that cannot break out of <…>', () => {
    const md = links([
      'https://ok.example/a?b=1&c=(2)',
      'javascript:alert(1)',
      'data:text/html,x',
      'https://ok.example/a>b',
      'https://ok.example/a b',
      '/relative',
    ]);
    expect(md).toContain(
      [
        '- <https://ok.example/a?b=1&c=(2)>',
        '- javascript:alert\\(1\\)',
        '- data:text/html,x',
        '- https://ok\\.example/a\\>b',
        '- https://ok\\.example/a b',
        '- /relative',
      ].join('\n'),
    );
  });

  it('writes only a real marker line unescaped', () => {
    expect(
      renderMarkdown({ ...summaryWith([]), marker: '**not** a marker' }).endsWith(
        '\\*\\*not\\*\\* a marker\n',
      ),
    ).toBe(true);
  });
});
