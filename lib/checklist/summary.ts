import type { HandoffContext, Person } from './context';
import { type Field, type Locale, localize, type Template } from './template';
import type { CleanAnswers } from './validate';

/** Already translated by the caller (from the extension's locale files): this library shows no text of its own. */
export interface CommentStrings {
  heading: string;
  ticket: string;
  from: string;
  to: string;
  unassigned: string;
}

export type SummaryValue = { kind: 'text'; text: string } | { kind: 'links'; urls: string[] };

/** What a handoff comment says, independent of the format it is posted in. Every string in it is untrusted. */
export interface Summary {
  heading: string;
  meta: { label: string; value: string }[];
  items: { label: string; value: SummaryValue }[];
  /** Baton's own remarks about the comment (e.g. that it was cut to the host's limit), shown before the marker. */
  notes?: string[];
  marker: string;
}

// Every comment ends with this line so a team can find handoffs with the host's own search.
export const MARKER_PREFIX = 'baton:v1';
const HANDOFF_ID = /^[A-Za-z0-9-]{6,64}$/;
// Matches anywhere, not only on a line of its own: in HTML the marker sits inside <p>, in ADF inside
// JSON. The last match wins, because Baton writes the marker last and a user could type one earlier.
const MARKER_IN_TEXT = /(?<![A-Za-z0-9])baton:v1 handoff=([A-Za-z0-9-]{6,64})(?![A-Za-z0-9-])/g;

export function markerLine(handoffId: string): string {
  // A marker that parseMarker could not read back would make the handoff unfindable.
  if (!HANDOFF_ID.test(handoffId)) throw new RangeError(`invalid handoff id: ${JSON.stringify(handoffId)}`);
  return `${MARKER_PREFIX} handoff=${handoffId}`;
}

export function parseMarker(text: string): string | null {
  let id: string | null = null;
  for (const match of text.matchAll(MARKER_IN_TEXT)) id = match[1] ?? null;
  return id;
}

function personName(person: Person | undefined, strings: CommentStrings): string {
  return person?.name.trim() || strings.unassigned;
}

function summaryValue(field: Field, answer: string | string[], locale: Locale): SummaryValue | null {
  switch (field.kind) {
    case 'choice': {
      const choice = field.choices.find((c) => c.id === answer);
      // An answer saved under an older template may name a choice that no longer exists: show its id.
      return { kind: 'text', text: choice ? localize(choice.label, locale) : String(answer) };
    }
    case 'text': {
      const text = Array.isArray(answer) ? answer.join('\n') : answer;
      return text === '' ? null : { kind: 'text', text };
    }
    case 'list': {
      const urls = Array.isArray(answer) ? answer : [answer];
      return urls.length === 0 ? null : { kind: 'links', urls };
    }
  }
}

export function buildSummary(
  template: Template,
  answers: CleanAnswers,
  ctx: HandoffContext,
  handoffId: string,
  locale: Locale,
  strings: CommentStrings,
): Summary {
  const title = ctx.title?.trim();
  const items: Summary['items'] = [];
  for (const field of template.fields) {
    const answer = Object.hasOwn(answers, field.id) ? answers[field.id] : undefined;
    if (answer === undefined) continue;
    const value = summaryValue(field, answer, locale);
    if (value) items.push({ label: localize(field.label, locale), value });
  }
  return {
    heading: strings.heading,
    meta: [
      { label: strings.ticket, value: title ? `${ctx.ticketKey} — ${title}` : ctx.ticketKey },
      { label: strings.from, value: personName(ctx.from, strings) },
      { label: strings.to, value: personName(ctx.to, strings) },
    ],
    items,
    marker: markerLine(handoffId),
  };
}
