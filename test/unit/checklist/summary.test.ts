import { describe, expect, it } from 'vitest';
import { SERVICE_HANDOFF } from '../../../lib/checklist/default-template';
import { buildSummary, MARKER_PREFIX, markerLine, parseMarker } from '../../../lib/checklist/summary';
import { CTX, clean, FULL, HANDOFF_ID, STRINGS, summaryOf } from './fixtures';

describe('marker', () => {
  it('is a baton:v1 line that parseMarker reads back', () => {
    expect(MARKER_PREFIX).toBe('baton:v1');
    expect(markerLine(HANDOFF_ID)).toBe(`baton:v1 handoff=${HANDOFF_ID}`);
    expect(parseMarker(`Some comment\n\n${markerLine(HANDOFF_ID)}\n`)).toBe(HANDOFF_ID);
    expect(parseMarker(`<p>${markerLine('abc123')}</p>`)).toBe('abc123');
    expect(parseMarker(JSON.stringify({ text: markerLine('abc123') }))).toBe('abc123');
  });

  it.each(['short', 'has space', 'under_score', 'x'.repeat(65), ''])('refuses the handoff id %j', (id) => {
    expect(() => markerLine(id)).toThrow(RangeError);
  });

  it.each([
    ['no marker', 'just a comment'],
    ['another version', 'baton:v2 handoff=abcdef'],
    ['a short id', 'baton:v1 handoff=abc'],
    ['an id that runs on', `baton:v1 handoff=${'a'.repeat(65)}`],
    ['a longer word', 'xbaton:v1 handoff=abcdef'],
  ])('finds nothing in %s', (_what, text) => {
    expect(parseMarker(text)).toBeNull();
  });

  it('prefers the last marker, the one Baton writes at the end', () => {
    expect(parseMarker(`baton:v1 handoff=typed-by-user\n${markerLine(HANDOFF_ID)}`)).toBe(HANDOFF_ID);
  });
});

describe('buildSummary', () => {
  it('lists the context, then the answers in template order, then the marker', () => {
    const answers = clean(FULL);
    const reordered = Object.fromEntries(Object.entries(answers).reverse());
    expect(buildSummary(SERVICE_HANDOFF, reordered, CTX, HANDOFF_ID, 'en', STRINGS)).toEqual({
      heading: 'Handoff checklist',
      meta: [
        { label: 'Ticket', value: 'SUP-42 — Refund not received' },
        { label: 'From', value: 'Alice Kim' },
        { label: 'To', value: 'Bob Lee' },
      ],
      items: [
        { label: 'Reason for handoff', value: { kind: 'text', text: 'Escalation' } },
        { label: 'Situation', value: { kind: 'text', text: FULL.situation } },
        { label: 'Customer and impact', value: { kind: 'text', text: FULL.impact } },
        { label: 'What has been done', value: { kind: 'text', text: FULL.done } },
        { label: 'Next action for the receiver', value: { kind: 'text', text: FULL.next } },
        { label: 'What the customer was told', value: { kind: 'text', text: FULL.told } },
        { label: 'Open questions and risks', value: { kind: 'text', text: FULL.risks } },
        { label: 'Links', value: { kind: 'links', urls: answers.links } },
      ],
      marker: `baton:v1 handoff=${HANDOFF_ID}`,
    });
  });

  it('uses Korean labels and choice labels', () => {
    const s = summaryOf({ ...FULL, reason: 'shift_change' }, 'ko');
    expect(s.items[0]).toEqual({ label: '이관 사유', value: { kind: 'text', text: '근무 교대·부재' } });
    expect(s.items.map((i) => i.label)).toContain('인수자가 할 다음 조치');
  });

  it('skips unanswered fields and keeps newlines in text', () => {
    const { risks: _r, links: _l, ...required } = FULL;
    const s = summaryOf({ ...required, done: 'Line one here\n\nLine two' });
    expect(s.items.map((i) => i.label)).not.toContain('Links');
    expect(s.items).toHaveLength(6);
    expect(s.items[3]?.value).toEqual({ kind: 'text', text: 'Line one here\n\nLine two' });
  });

  it('shows the ticket key alone without a title, and unassigned people', () => {
    const { title: _t, from: _f, ...ctx } = CTX;
    const s = buildSummary(
      SERVICE_HANDOFF,
      clean(FULL),
      { ...ctx, to: { name: '  ' } },
      HANDOFF_ID,
      'en',
      STRINGS,
    );
    expect(s.meta).toEqual([
      { label: 'Ticket', value: 'SUP-42' },
      { label: 'From', value: 'Unassigned' },
      { label: 'To', value: 'Unassigned' },
    ]);
  });

  it('shows the id of a choice the template no longer has', () => {
    const s = buildSummary(SERVICE_HANDOFF, { reason: 'retired' }, CTX, HANDOFF_ID, 'en', STRINGS);
    expect(s.items).toEqual([{ label: 'Reason for handoff', value: { kind: 'text', text: 'retired' } }]);
  });

  it('does not read answers through the prototype', () => {
    const answers = JSON.parse('{"__proto__":{"situation":"from the prototype"}}');
    expect(buildSummary(SERVICE_HANDOFF, answers, CTX, HANDOFF_ID, 'en', STRINGS).items).toEqual([]);
  });
});
