import type { HandoffContext, Person } from './context';

// What a page shows can be longer than Baton keeps (a Trello card name runs to 16,384 characters). It
// is cut to the schema's limits and marked as cut, never rejected, so a long name never costs a handoff.
// No zod here: the scripts that load on every host page use it.

export const LIMITS = { ticketKey: 100, title: 1000, url: 4000, name: 200, id: 200 } as const;

function cut(value: string, limit: number): string {
  if (value.length <= limit) return value;
  let kept = value.slice(0, limit - 1);
  if (/[\uD800-\uDBFF]$/.test(kept)) kept = kept.slice(0, -1);
  return `${kept}…`;
}

function fitPerson(person: Person): Person {
  const name = cut(person.name, LIMITS.name);
  return person.id === undefined ? { name } : { name, id: cut(person.id, LIMITS.id) };
}

/** The context as the schema takes it, whatever the page showed. */
export function fitContext(context: HandoffContext): HandoffContext {
  const fitted: HandoffContext = {
    ...context,
    ticketKey: cut(context.ticketKey, LIMITS.ticketKey),
    url: cut(context.url, LIMITS.url),
  };
  if (context.title !== undefined) fitted.title = cut(context.title, LIMITS.title);
  if (context.from) fitted.from = fitPerson(context.from);
  if (context.to) fitted.to = fitPerson(context.to);
  return fitted;
}
