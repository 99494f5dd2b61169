// The MAIN-world network net and the isolated content script share only the page's DOM, so they talk
// through CustomEvents on window whose detail is a JSON string (objects do not cross worlds reliably).
// Everything received is checked: page scripts can dispatch these events too.
//
// Plain type guards rather than zod/mini here: the MAIN-world script loads on every host page, and
// zod/mini alone would cost 7.5 KB gzip of the 20 KB budget (DESIGN.md §9) for four message shapes.
export const TO_ISOLATED = 'baton:net:to-isolated';
export const TO_MAIN = 'baton:net:to-main';

export interface ReassignMatch {
  /** Every ticket the request reassigns (more than one for a bulk edit). */
  tickets: string[];
  /** The new assignee's id; null to unassign; undefined when the request does not say. */
  toId?: string | null;
  /** What else the site's adapter needs to decide (e.g. a Trello member removed, a list moved to). */
  details?: Record<string, string | string[] | null>;
}

export type ToIsolated = { kind: 'held'; id: string; method: string; url: string; match: ReassignMatch };
export type ToMain =
  | { kind: 'ack' | 'release' | 'fail'; id: string }
  // A one-shot pass for the request that replaying a completed UI action will make.
  | { kind: 'pass'; tickets: string[] };

type Guard<T> = (value: unknown) => value is T;

const isString = (value: unknown, max = 4000): value is string =>
  typeof value === 'string' && value.length <= max;
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;
const isTickets = (value: unknown): value is string[] =>
  Array.isArray(value) &&
  value.length > 0 &&
  value.length <= 1000 &&
  value.every((t) => isString(t, 100) && t !== '');

const isDetail = (value: unknown): boolean =>
  value === null ||
  isString(value, 200) ||
  (Array.isArray(value) && value.length <= 1000 && value.every((v) => isString(v, 200)));

const isDetails = (value: unknown): boolean =>
  value === undefined ||
  (isRecord(value) && Object.keys(value).length <= 20 && Object.values(value).every(isDetail));

export const isReassignMatch: Guard<ReassignMatch> = (value): value is ReassignMatch =>
  isRecord(value) &&
  isTickets(value.tickets) &&
  (value.toId === undefined || value.toId === null || isString(value.toId, 200)) &&
  isDetails(value.details);

export const isToIsolated: Guard<ToIsolated> = (value): value is ToIsolated =>
  isRecord(value) &&
  value.kind === 'held' &&
  isString(value.id, 100) &&
  isString(value.method, 20) &&
  isString(value.url) &&
  isReassignMatch(value.match);

export const isToMain: Guard<ToMain> = (value): value is ToMain =>
  isRecord(value) &&
  (value.kind === 'pass'
    ? isTickets(value.tickets)
    : (value.kind === 'ack' || value.kind === 'release' || value.kind === 'fail') && isString(value.id, 100));

export function send(target: Window, type: string, message: ToIsolated | ToMain): void {
  target.dispatchEvent(new CustomEvent(type, { detail: JSON.stringify(message) }));
}

export function parse<T>(guard: Guard<T>, event: Event): T | null {
  const detail = (event as CustomEvent).detail;
  if (typeof detail !== 'string' || detail.length > 100_000) return null;
  try {
    const value: unknown = JSON.parse(detail);
    return guard(value) ? value : null;
  } catch {
    return null;
  }
}
