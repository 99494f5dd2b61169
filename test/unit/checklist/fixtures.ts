import type { HandoffContext } from '../../../lib/checklist/context';
import { SERVICE_HANDOFF } from '../../../lib/checklist/default-template';
import { buildSummary, type CommentStrings, type Summary } from '../../../lib/checklist/summary';
import type { Locale } from '../../../lib/checklist/template';
import { type CleanAnswers, type RawAnswers, validateAnswers } from '../../../lib/checklist/validate';

export const HANDOFF_ID = '3f2b8c1e-5d4a-4c2b-9e1f-0a1b2c3d4e5f';

export const CTX: HandoffContext = {
  site: 'jira',
  ticketKey: 'SUP-42',
  title: 'Refund not received',
  url: 'https://acme.atlassian.net/browse/SUP-42',
  from: { name: 'Alice Kim' },
  to: { name: 'Bob Lee' },
  at: '2025-01-01T00:00:00.000Z',
};

export const STRINGS: CommentStrings = {
  heading: 'Handoff checklist',
  ticket: 'Ticket',
  from: 'From',
  to: 'To',
  unassigned: 'Unassigned',
};

export const FULL: RawAnswers = {
  reason: 'escalation',
  situation: 'Customer was charged twice for the March invoice.',
  impact: 'Acme Corp, 40 seats, billing blocked',
  done: 'Checked the payment logs and confirmed the duplicate charge.',
  next: 'Issue the refund in the billing console.',
  told: 'That a refund is on the way within 5 days.',
  risks: 'The card may have expired.',
  links: 'https://acme.example/billing/123\nhttp://status.example.com/incidents?id=7&x=1',
};

/** Strings that must reach every target format as plain, inert text. */
export const HOSTILE = [
  '<script>alert(1)</script>',
  '{html}<b>x</b>{html}',
  '**bold** [x](javascript:alert(1))',
  '{"type":"doc"}',
  '[~accountid:123]',
  '@all',
  '<img src=x onerror=alert(1)>',
  '" onmouseover="alert(1)',
];

/**
 * Characters no comment may carry (NUL, other C0 and C1 controls, bidi overrides and isolates), each
 * with what is left of it: nothing. LRM/RLM stay (lib/checklist/inert-text.ts says why).
 */
export const INERT_CASES: [name: string, dirty: string, inert: string][] = [
  ['NUL', '\u0000', ''],
  ['BEL and ESC', '\u0007\u001bX', 'X'],
  ['vertical tab and form feed', '\u000b\u000c', ''],
  ['DEL and C1 controls', '\u007f\u0085\u009b', ''],
  ['a right-to-left override', '\u202eevil\u202c', 'evil'],
  ['an embedding', '\u202a\u202b', ''],
  ['isolates', '\u2066\u2067\u2068x\u2069', 'x'],
  ['left-to-right and right-to-left marks (kept)', '\u200e\u200f', '\u200e\u200f'],
];

/** Any character INERT_CASES removes. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
export const NOT_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

export function clean(raw: RawAnswers): CleanAnswers {
  const result = validateAnswers(SERVICE_HANDOFF, raw);
  if (!result.ok) throw new Error(`fixture does not validate: ${JSON.stringify(result.errors)}`);
  return result.answers;
}

export function summaryOf(raw: RawAnswers, locale: Locale = 'en'): Summary {
  return buildSummary(SERVICE_HANDOFF, clean(raw), CTX, HANDOFF_ID, locale, STRINGS);
}

/** A summary built by hand, to reach renderers with what validation would have stopped. */
export function summaryWith(items: Summary['items']): Summary {
  return { ...summaryOf(FULL), items };
}
