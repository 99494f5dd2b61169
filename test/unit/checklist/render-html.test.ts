import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../../lib/checklist/render-html';
import { parseMarker } from '../../../lib/checklist/summary';
import { FULL, HANDOFF_ID, HOSTILE, INERT_CASES, NOT_TEXT, summaryOf, summaryWith } from './fixtures';

const ALLOWED_TAGS = new Set(['h3', 'p', 'strong', 'br', 'ul', 'li', 'a']);
const tagsOf = (html: string) =>
  [...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1]?.toLowerCase());
const anchorsOf = (html: string) => [...html.matchAll(/<a\b[^>]*>/g)].map((m) => m[0]);

describe('renderHtml', () => {
  it.each(INERT_CASES)('drops %s from every slot', (_name, dirty, inert) => {
    const html = renderHtml({
      ...summaryWith([
        { label: `Notes${dirty}`, value: { kind: 'text', text: `a${dirty}b\tc` } },
        { label: 'Links', value: { kind: 'links', urls: [`https://acme.example/${dirty}x`] } },
      ]),
      heading: `Head${dirty}`,
    });
    expect(html).not.toMatch(NOT_TEXT);
    expect(html).toContain(`<h3>Head${inert}</h3>`);
    expect(html).toContain(`<p><strong>Notes${inert}:</strong> a${inert}b\tc</p>`);
    expect(html).toContain(`>https://acme.example/${inert}x</a>`);
  });

  it('renders headings, labels, line breaks, links and the marker', () => {
    const html = renderHtml(summaryOf({ ...FULL, done: 'First step done.\nSecond step done.' }));
    expect(html).toContain('<h3>Handoff checklist</h3>');
    expect(html).toContain('<p><strong>Ticket:</strong> SUP-42 — Refund not received</p>');
    expect(html).toContain(
      '<p><strong>What has been done:</strong> First step done.<br>Second step done.</p>',
    );
    expect(html).toContain(
      '<li><a href="http://status.example.com/incidents?id=7&amp;x=1" rel="noreferrer noopener">http://status.example.com/incidents?id=7&amp;x=1</a></li>',
    );
    expect(html.endsWith(`<p>baton:v1 handoff=${HANDOFF_ID}</p>`)).toBe(true);
    expect(parseMarker(html)).toBe(HANDOFF_ID);
  });

  it.each(HOSTILE)('escapes %j everywhere', (hostile) => {
    const html = renderHtml({
      ...summaryOf({ ...FULL, risks: hostile }),
      heading: hostile,
      meta: [{ label: hostile, value: hostile }],
    });
    // No tag but Baton's own, and no quote that could end an attribute.
    expect(html).not.toMatch(/<script|<img|<b>|"\s*onmouseover/i);
    for (const tag of tagsOf(html)) expect(ALLOWED_TAGS).toContain(tag);
    expect(parseMarker(html)).toBe(HANDOFF_ID);
  });

  it('escapes & < > " and \'', () => {
    const html = renderHtml(summaryWith([{ label: 'L', value: { kind: 'text', text: `&<>"'` } }]));
    expect(html).toContain('<p><strong>L:</strong> &amp;&lt;&gt;&quot;&#39;</p>');
  });

  it('links only http(s) URLs, with an encoded href', () => {
    const urls = [
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'https://ok.example/"onmouseover="alert(1)',
      'https://ok.example/a b',
    ];
    const html = renderHtml(summaryWith([{ label: 'Links', value: { kind: 'links', urls } }]));
    expect(html).toContain('<li>javascript:alert(1)</li>');
    expect(html).toContain('<li>data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;</li>');
    expect(anchorsOf(html)).toEqual([
      '<a href="https://ok.example/%22onmouseover=%22alert(1)" rel="noreferrer noopener">',
      '<a href="https://ok.example/a%20b" rel="noreferrer noopener">',
    ]);
    expect(html).not.toMatch(/<script/i);
  });

  it('escapes a marker that is not a marker line', () => {
    const html = renderHtml({ ...summaryWith([]), marker: '<b>x</b>' });
    expect(html.endsWith('<p>&lt;b&gt;x&lt;/b&gt;</p>')).toBe(true);
  });
});
