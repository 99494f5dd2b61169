import type { HandoffContext, Person } from './context';
import { isMarkerLine, MARKER_PREFIX, markerLine, parseMarker } from './marker';
import { type Field, type Locale, localize, type Template } from './template';
import type { CleanAnswers } from './validate';

export { isMarkerLine, MARKER_PREFIX, markerLine, parseMarker };

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
  /** mention: the ids of the people a line names, for a format that can notify them (Jira's wiki markup). */
  meta: { label: string; value: string; mention?: string[] }[];
  items: { label: string; value: SummaryValue }[];
  /** How often the ticket changed hands lately ("Changed hands 3 times in 30 days"), after the meta lines. */
  history?: string;
  /** Baton's own remarks about the comment (e.g. that it was cut to the host's limit), shown before the marker. */
  notes?: string[];
  marker: string;
}

function personName(person: Person | undefined, strings: CommentStrings): string {
  return person?.name.trim() || strings.unassigned;
}

/** A Trello handoff may name several receivers: their ids are kept comma-separated in one Person. */
function receiverIds(person: Person | undefined): string[] {
  return person?.id ? person.id.split(',').filter(Boolean) : [];
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
      {
        label: strings.to,
        value: personName(ctx.to, strings),
        ...(receiverIds(ctx.to).length > 0 ? { mention: receiverIds(ctx.to) } : {}),
      },
    ],
    items,
    // The receiver's id (when the page gave one) lets Baton show them the handoff when they open the ticket.
    marker: markerLine(handoffId, { to: receiverIds(ctx.to) }),
  };
}
