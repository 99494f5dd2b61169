import type { HandoffContext, Person } from './context';

// How long each part of a handoff's context may be (context.ts holds the schema to these). Kept apart
// from the schema, with no zod, so the scripts that load on every host page can trim what a page says
// to fit: a host allows longer values (a Trello card name takes 16,384 characters), and a context that
// does not parse would leave the reassign stopped with no dialog.
export const CONTEXT_LIMITS = {
  ticketKey: 100,
  title: 1000,
  url: 4000,
  personName: 200,
  personId: 200,
} as const;

/** The first `max` UTF-16 units, never ending halfway through a character; `…` marks a cut. */
export function clip(value: string, max: number): string {
  if (value.length <= max) return value;
  const kept = value.slice(0, max - 1);
  const last = kept.charCodeAt(kept.length - 1);
  return `${last >= 0xd800 && last <= 0xdbff ? kept.slice(0, -1) : kept}…`;
}

function fitPerson(person: Person): Person {
  const name = clip(person.name, CONTEXT_LIMITS.personName);
  // A cut id names nobody: better none than a wrong one.
  return person.id && person.id.length <= CONTEXT_LIMITS.personId ? { name, id: person.id } : { name };
}

/** The context with every value trimmed to what the schema takes. */
export function fitContext(context: HandoffContext): HandoffContext {
  const fitted: HandoffContext = {
    ...context,
    ticketKey: clip(context.ticketKey, CONTEXT_LIMITS.ticketKey),
    url: clip(context.url, CONTEXT_LIMITS.url),
  };
  if (context.title !== undefined) fitted.title = clip(context.title, CONTEXT_LIMITS.title);
  if (context.from) fitted.from = fitPerson(context.from);
  if (context.to) fitted.to = fitPerson(context.to);
  return fitted;
}
