import { describe, expect, it } from 'vitest';
import { renderText } from '../../../lib/checklist/render-text';
import { parseMarker } from '../../../lib/checklist/summary';
import { FULL, HANDOFF_ID, HOSTILE, INERT_CASES, NOT_TEXT, summaryOf, summaryWith } from './fixtures';

describe('renderText', () => {
  it.each(INERT_CASES)('drops %s, and keeps tabs and line breaks', (_name, dirty, inert) => {
    const out = renderText({
      ...summaryWith([
        { label: `Notes${dirty}`, value: { kind: 'text', text: `a${dirty}b\tc` } },
        { label: 'Links', value: { kind: 'links', urls: [`https://acme.example/${dirty}x`] } },
      ]),
      heading: `Head${dirty}`,
    });
    expect(out).not.toMatch(NOT_TEXT);
    expect(out.startsWith(`Head${inert}\n`)).toBe(true);
    expect(out).toContain(`Notes${inert}: a${inert}b\tc\n`);
    expect(out).toContain(`- https://acme.example/${inert}x\n`);
  });

  it('renders the whole summary as plain text', () => {
    const { risks: _r, ...answers } = FULL;
    expect(renderText(summaryOf({ ...answers, done: 'First step done\nSecond step done' }))).toBe(
      [
        'Handoff checklist',
        'Ticket: SUP-42 — Refund not received',
        'From: Alice Kim',
        'To: Bob Lee',
        '',
        'Reason for handoff: Escalation',
        '',
        `Situation: ${FULL.situation}`,
        '',
        `Customer and impact: ${FULL.impact}`,
        '',
        'What has been done: First step done',
        'Second step done',
        '',
        `Next action for the receiver: ${FULL.next}`,
        '',
        `What the customer was told: ${FULL.told}`,
        '',
        'Links:',
        '- https://acme.example/billing/123',
        '- http://status.example.com/incidents?id=7&x=1',
        '',
        `baton:v1 handoff=${HANDOFF_ID}`,
        '',
      ].join('\n'),
    );
  });

  it('keeps hostile text literal, for the clipboard', () => {
    const out = renderText(
      summaryWith(HOSTILE.map((h) => ({ label: 'Note', value: { kind: 'text', text: h } }))),
    );
    for (const hostile of HOSTILE) expect(out).toContain(`Note: ${hostile}\n`);
    expect(parseMarker(out)).toBe(HANDOFF_ID);
  });

  it('renders Korean', () => {
    const out = renderText(summaryOf({ ...FULL, reason: 'other' }, 'ko'));
    expect(out).toContain('이관 사유: 기타\n');
    expect(out).toContain('관련 링크:\n- https://acme.example/billing/123\n');
  });
});
