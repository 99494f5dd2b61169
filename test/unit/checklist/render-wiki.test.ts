import { describe, expect, it } from 'vitest';
import { SERVICE_HANDOFF } from '../../../lib/checklist/default-template';
import { readMarker } from '../../../lib/checklist/marker';
import { renderWiki } from '../../../lib/checklist/render-wiki';
import { buildSummary, parseMarker } from '../../../lib/checklist/summary';
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

const text = (value: string) =>
  renderWiki(summaryWith([{ label: 'Notes', value: { kind: 'text', text: value } }]));
const links = (urls: string[]) =>
  renderWiki(summaryWith([{ label: 'Links', value: { kind: 'links', urls } }]));

/** What the user's text becomes once Baton's own markup (heading, bold labels, links, mentions) is taken out. */
function userText(wiki: string): string {
  return wiki
    .replace(/^h3\. /m, '')
    .replace(/^\* \[https?:\/\/[^\s[\]|]+\]$/gm, '')
    .replace(/ \[~[^\]\s]+\]$/gm, '')
    .replace(/\*((?:\\.|[^*\\\n])+):\*/g, '$1')
    .replace(/^\* /gm, '')
    .replace(/^_(.*)_$/gm, '$1')
    .replace(/^baton:v1 handoff=[A-Za-z0-9-]+$/m, '');
}

describe('renderWiki', () => {
  it.each(INERT_CASES)('drops %s from every slot', (_name, dirty, inert) => {
    const wiki = renderWiki({
      ...summaryWith([
        { label: `Notes${dirty}`, value: { kind: 'text', text: `a${dirty}b` } },
        { label: 'Links', value: { kind: 'links', urls: [`https://acme.example/${dirty}x`] } },
      ]),
      heading: `Head${dirty}`,
    });
    expect(wiki).not.toMatch(NOT_TEXT);
    expect(wiki).toContain(`h3. Head${inert}\n`);
    expect(wiki).toContain(`a${inert}b`);
  });

  it('renders every field: heading, labelled context, answers, links and the marker line', () => {
    const wiki = renderWiki(summaryOf({ ...FULL, done: 'First step done\nSecond step done' }));
    expect(wiki).toBe(
      [
        'h3. Handoff checklist',
        '',
        '*Ticket:* SUP\\-42 — Refund not received',
        '*From:* Alice Kim',
        '*To:* Bob Lee',
        '',
        '*Reason for handoff:* Escalation',
        '',
        '*Situation:* Customer was charged twice for the March invoice.',
        '',
        '*Customer and impact:* Acme Corp, 40 seats, billing blocked',
        '',
        '*What has been done:* First step done\nSecond step done',
        '',
        '*Next action for the receiver:* Issue the refund in the billing console.',
        '',
        '*What the customer was told:* That a refund is on the way within 5 days.',
        '',
        '*Open questions and risks:* The card may have expired.',
        '',
        '*Links:*\n* [https://acme.example/billing/123]\n* [http://status.example.com/incidents?id=7&x=1]',
        '',
        `baton:v1 handoff=${HANDOFF_ID}`,
        '',
      ].join('\n'),
    );
    expect(parseMarker(wiki)).toBe(HANDOFF_ID);
  });

  it('leaves out empty optional answers', () => {
    const { risks: _r, links: _l, ...required } = FULL;
    const wiki = renderWiki(summaryOf(required));
    expect(wiki).not.toContain('Open questions');
    expect(wiki).not.toContain('Links');
    expect(wiki).toContain(
      '*What the customer was told:* That a refund is on the way within 5 days.\n\nbaton:v1',
    );
  });

  it('writes Korean labels and text as they are', () => {
    const wiki = renderWiki(
      summaryOf(
        { ...FULL, reason: 'shift_change', situation: '고객이 3월 청구서에 대해 두 번 결제되었습니다.' },
        'ko',
      ),
    );
    expect(wiki).toContain('*이관 사유:* 근무 교대·부재\n');
    expect(wiki).toContain('*현재 상황:* 고객이 3월 청구서에 대해 두 번 결제되었습니다.\n');
    expect(wiki).toContain('*인수자가 할 다음 조치:* Issue the refund in the billing console.\n');
  });

  it.each([
    ['{html}<b>x</b>{html}', '\\{html\\}<b>x</b>\\{html\\}'],
    ['[link|http://x]', '\\[link\\|http&#58;//x\\]'],
    ['*bold*', '\\*bold\\*'],
    ['{code}rm -rf /{code}', '\\{code\\}rm \\-rf /\\{code\\}'],
    ['{noformat}x{noformat}', '\\{noformat\\}x\\{noformat\\}'],
    ['a \\\\ b', 'a &#92;&#92; b'],
    ['C:\\path\\*x*', 'C:&#92;path&#92;\\*x\\*'],
    ['[~jsmith] and [~accountid:123]', '\\[\\~jsmith\\] and \\[\\~accountid:123\\]'],
    [
      '_it_ +ins+ ^sup^ ~sub~ ??cite?? -del- {{mono}}',
      '\\_it\\_ \\+ins\\+ \\^sup\\^ \\~sub\\~ \\?\\?cite\\?\\? \\-del\\- \\{\\{mono\\}\\}',
    ],
    ['!http://evil.example/x.png!', '\\!http&#58;//evil.example/x.png\\!'],
    ['{color:red}x{color}', '\\{color:red\\}x\\{color\\}'],
    ['a -- b --- c', 'a \\-\\- b \\-\\-\\- c'],
    [':) :( ;) :P :D (y) (x) (!)', ':\\) :\\( ;\\) &#58;P &#58;D \\(y\\) \\(x\\) \\(\\!\\)'],
    ['mail: mailto:a@b.example', 'mail: mailto&#58;a\\@b.example'],
    ['&amp; &#64;all &copy; R&D', '&amp;amp; &amp;\\#64;all &amp;copy; R&D'],
    ['50% off', '50\\% off'],
  ])('escapes %j so nothing typed becomes markup', (input, escaped) => {
    expect(text(input)).toContain(`*Notes:* ${escaped}\n`);
  });

  it.each([
    ['h1. heading', '&#104;1. heading'],
    ['H6. heading', '&#72;6. heading'],
    ['bq. quote', '&#98;q. quote'],
    ['* item', '\\* item'],
    ['- item', '\\- item'],
    ['# item', '\\# item'],
    ['|| head ||', '\\|\\| head \\|\\|'],
    ['----', '\\-\\-\\-\\-'],
    ['   h2. indented', '&#104;2. indented'],
  ])('neutralises a line starting %j', (line, escaped) => {
    expect(text(`Intro\n${line}`)).toContain(`Intro\n${escaped}\n`);
    expect(text(`Intro\n\n${line}`)).toContain(`Intro\n\n${escaped}\n`);
  });

  it('keeps a run of blank lines as one paragraph break and drops stray whitespace', () => {
    expect(text('one  \n\n\n  \ntwo\n')).toContain('*Notes:* one\n\ntwo\n\nbaton:v1');
  });

  it.each(HOSTILE)('never lets %j through unescaped, in any slot', (hostile) => {
    const wiki = renderWiki({
      ...summaryOf({ ...FULL, risks: hostile }),
      heading: hostile,
      meta: [{ label: hostile, value: `${hostile}\nh1. injected` }],
      notes: [hostile],
    });
    expect(userText(wiki)).not.toMatch(/(?<!\\)[-#*_+?^~|%{}[\]()!@]/);
    expect(wiki).not.toMatch(/^h1\./m);
    expect(parseMarker(wiki)).toBe(HANDOFF_ID);
  });

  it('links only http(s) URLs that cannot break out of [ ]', () => {
    expect(
      links([
        'https://ok.example/a?b=1&c=(2)#top',
        'javascript:alert(1)',
        'https://ok.example/a]b',
        'https://ok.example/a|b',
        'https://ok.example/a b',
        '/relative',
      ]),
    ).toContain(
      [
        '*Links:*',
        '* [https://ok.example/a?b=1&c=(2)#top]',
        '* javascript:alert\\(1\\)',
        '* https&#58;//ok.example/a\\]b',
        '* https&#58;//ok.example/a\\|b',
        '* https&#58;//ok.example/a b',
        '* /relative',
      ].join('\n'),
    );
  });

  it('mentions the receiver by username, and only a username that cannot break the mention', () => {
    const summary = (id: string) =>
      buildSummary(
        SERVICE_HANDOFF,
        clean(FULL),
        { ...CTX, to: { name: 'Bob Lee', id } },
        HANDOFF_ID,
        'en',
        STRINGS,
      );
    expect(renderWiki(summary('bob.lee'))).toContain('*To:* Bob Lee [~bob.lee]\n');
    expect(renderWiki(summary('bob-lee'))).toContain('*To:* Bob Lee [~bob-lee]\n');
    expect(renderWiki(summary('bob]lee'))).toContain('*To:* Bob Lee\n');
    expect(renderWiki(summary('bob lee|x'))).toContain('*To:* Bob Lee\n');
    // The sender is named, never notified.
    expect(renderWiki(summary('bob'))).toContain('*From:* Alice Kim\n');
  });

  it('keeps the marker line findable, with the receiver it names', () => {
    const summary = buildSummary(
      SERVICE_HANDOFF,
      clean(FULL),
      { ...CTX, to: { name: 'Bob Lee', id: 'blee' } },
      HANDOFF_ID,
      'en',
      STRINGS,
    );
    const wiki = renderWiki(summary);
    expect(wiki.endsWith(`\n\nbaton:v1 handoff=${HANDOFF_ID} to=blee\n`)).toBe(true);
    expect(readMarker(wiki)).toEqual({ handoffId: HANDOFF_ID, to: ['blee'], re: null });
  });

  it('writes only a real marker line unescaped, and none whose dash could open a strikethrough', () => {
    expect(
      renderWiki({ ...summaryWith([]), marker: '*not* a marker' }).endsWith('\\*not\\* a marker\n'),
    ).toBe(true);
    const dashed = `baton:v1 handoff=${HANDOFF_ID} to=-x-`;
    expect(renderWiki({ ...summaryWith([]), marker: dashed })).not.toContain(dashed);
  });
});
