// The MAIN-world network net and the isolated content script talk over a private MessageChannel. The
// MAIN script creates it at document_start and offers one port in a MessageEvent dispatched on
// `document` (a DOM node is what the two worlds share); the isolated script takes it by cancelling that
// event. Which of the two scripts runs first is not promised, so the isolated one asks for the port when
// it starts, and the MAIN one offers it when it starts and again when asked, until it is taken. Both
// run before any page script and the exchange is synchronous, so page scripts never hold the port:
// they cannot forge a release, nor see what is held. (A window.postMessage handover did the same, but
// the first postMessage of a page costs about 0.8 ms of every page load; an event dispatch, nothing.)
// Later, the MAIN script uses the port only through built-ins it took at document_start
// (page-builtins.ts), so a page that replaces MessagePort.prototype.postMessage or the like afterwards
// is not handed the port either. What arrives is still checked, cheaply: the shapes below, an id the net
// makes (a UUID) and takes once, and an answer only for a request the isolated side released. A pass
// (a request let through at once, because Baton has just allowed it) comes only over this port, so a page
// cannot make one.
//
// Plain type guards rather than zod/mini here: the MAIN-world script loads on every host page, and
// zod/mini alone would cost 7.5 KB gzip of the 20 KB budget (DESIGN.md §9) for a few message shapes.
/** The MAIN script's offer of its port (a MessageEvent on `document`, its port in `ports`). */
export const PORT_OFFER = 'baton:net-port';
/** The isolated script asking for the port, for when the MAIN script ran first. */
export const PORT_ASK = 'baton:net-ask';
/** Checklist frames, shown or loaded ahead, which the MAIN script removes if the isolated script is gone. */
export const FRAME_SELECTOR = 'iframe[data-baton^="checklist"]';
export const HEARTBEAT_MS = 1000;

export interface ReassignMatch {
  /** Every ticket the request reassigns (more than one for a bulk edit). */
  tickets: string[];
  /** The new assignee's id; null to unassign; undefined when the request does not say. */
  toId?: string | null;
  /** What else the site's adapter needs to decide (e.g. a Trello member removed, a list moved to). */
  details?: Record<string, string | string[] | null>;
}

/**
 * What a request Baton has just allowed looks like (the one a replayed or released action makes): data,
 * not a function, so that it crosses the port. A request fits a shape when it fits each part it names.
 */
export interface RequestShape {
  /** The request names no ticket but these (Trello: a card's shortLink and its id). */
  tickets?: string[];
  /** The request carries exactly these details (null: not at all). */
  details?: Record<string, string | null>;
  /** The request carries this detail, with any value. */
  has?: string;
}

export function fits(shape: RequestShape, match: ReassignMatch): boolean {
  const details = match.details ?? {};
  return (
    (shape.tickets === undefined || match.tickets.every((ticket) => shape.tickets?.includes(ticket))) &&
    Object.entries(shape.details ?? {}).every(([key, value]) => (details[key] ?? null) === value) &&
    (shape.has === undefined || typeof details[shape.has] === 'string')
  );
}

export type ToIsolated =
  | { kind: 'held'; id: string; method: string; url: string; match: ReassignMatch }
  // A pass let a request through, which will be answered under the pass's id.
  | { kind: 'passed'; id: string }
  // How a released request was answered (0: a network error), so a handoff counts only once the host
  // has really reassigned.
  | { kind: 'answered'; id: string; status: number };
export type ToMain =
  | { kind: 'hello' }
  | { kind: 'bye' }
  // While a checklist is open the isolated script says so every second: if it stops (the extension was
  // updated or removed, which can end content scripts silently) the MAIN script cleans up after it.
  | { kind: 'alive' }
  | { kind: 'idle' }
  | { kind: 'ack'; id: string }
  // retryable: the guard waits on the answer; if the host refuses, the page does not get that answer
  // until the guard says: 'release' again (send it once more) or 'fail' (hand the refusal over).
  | { kind: 'release'; id: string; retryable?: boolean }
  | { kind: 'fail'; id: string }
  // Sent before a replay runs: the first request that fits one of the shapes within ms goes out at once.
  | { kind: 'pass'; id: string; shapes: RequestShape[]; ms: number }
  // The pass is no longer needed (its comment failed, or the request came held and was released by id).
  | { kind: 'unpass'; id: string };

type Guard<T> = (value: unknown) => value is T;

const isString = (value: unknown, max = 4000): value is string =>
  typeof value === 'string' && value.length <= max;
/** The net names each held request with crypto.randomUUID(). */
const isHoldId = (value: unknown): value is string =>
  typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value);
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

const isShape = (value: unknown): boolean =>
  isRecord(value) &&
  (value.tickets !== undefined || value.details !== undefined || value.has !== undefined) &&
  (value.tickets === undefined || isTickets(value.tickets)) &&
  (value.details === undefined ||
    (isRecord(value.details) &&
      Object.keys(value.details).length <= 20 &&
      Object.values(value.details).every((v) => v === null || isString(v, 200)))) &&
  (value.has === undefined || (isString(value.has, 100) && value.has !== ''));

/** How long a pass may wait for its request, at most. */
export const PASS_MAX_MS = 60_000;

export const isToIsolated: Guard<ToIsolated> = (value): value is ToIsolated =>
  isRecord(value) &&
  isHoldId(value.id) &&
  (value.kind === 'passed' ||
    (value.kind === 'held' &&
      typeof value.method === 'string' &&
      /^[A-Z]{1,10}$/.test(value.method) &&
      isString(value.url) &&
      isReassignMatch(value.match)) ||
    (value.kind === 'answered' &&
      typeof value.status === 'number' &&
      Number.isInteger(value.status) &&
      value.status >= 0 &&
      value.status < 600));

export const isToMain: Guard<ToMain> = (value): value is ToMain =>
  isRecord(value) &&
  (value.kind === 'hello' ||
    value.kind === 'bye' ||
    value.kind === 'alive' ||
    value.kind === 'idle' ||
    ((value.kind === 'ack' || value.kind === 'release' || value.kind === 'fail') &&
      isString(value.id, 100) &&
      (value.retryable === undefined || typeof value.retryable === 'boolean')) ||
    (value.kind === 'unpass' && isHoldId(value.id)) ||
    (value.kind === 'pass' &&
      isHoldId(value.id) &&
      Array.isArray(value.shapes) &&
      value.shapes.length > 0 &&
      value.shapes.length <= 10 &&
      value.shapes.every(isShape) &&
      Number.isInteger(value.ms) &&
      (value.ms as number) > 0 &&
      (value.ms as number) <= PASS_MAX_MS));

/**
 * The isolated side of the handover: the first port offered on this document, taken (the offer
 * cancelled, so the MAIN script stops offering it) before any page script runs.
 */
export function acceptPort(doc: Document, signal: AbortSignal, onPort: (port: MessagePort) => void): void {
  const take = (event: Event) => {
    const port = (event as MessageEvent).ports?.[0];
    if (!port) return;
    doc.removeEventListener(PORT_OFFER, take, true);
    event.preventDefault();
    event.stopImmediatePropagation();
    onPort(port);
  };
  doc.addEventListener(PORT_OFFER, take, { capture: true, signal });
  doc.dispatchEvent(new Event(PORT_ASK));
}
