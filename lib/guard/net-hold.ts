import { isToMain, parse, type ReassignMatch, send, TO_ISOLATED, TO_MAIN } from './net-protocol';

// Runs in the page's MAIN world at document_start: wraps fetch and XMLHttpRequest so that a reassign
// request the UI layer did not catch (shortcut, bulk edit, macro, page code) waits for the checklist.
// Anything that is not a reassign goes straight to the original with nothing awaited.

export interface RequestMatcher {
  /** Cheap test on method and URL alone, run for every request. */
  isCandidate(method: string, url: URL): boolean;
  /** Full test with the body, run only for candidates. */
  match(method: string, url: URL, body: string | null): ReassignMatch | null;
}

type Decision = 'release' | 'fail';

const PASS_TTL_MS = 10_000;

export function installNetHold(win: Window & typeof globalThis, matcher: RequestMatcher): void {
  const waiting = new Map<string, (decision: Decision) => void>();
  const passes: { tickets: Set<string>; until: number }[] = [];

  win.addEventListener(TO_MAIN, (event) => {
    const message = parse(isToMain, event);
    if (!message) return;
    if (message.kind === 'pass') {
      passes.push({ tickets: new Set(message.tickets), until: Date.now() + PASS_TTL_MS });
    } else if (message.kind === 'release' || message.kind === 'fail') {
      waiting.get(message.id)?.(message.kind);
      waiting.delete(message.id);
    }
  });

  function takePass(match: ReassignMatch): boolean {
    const now = Date.now();
    const index = passes.findIndex((p) => p.until > now && match.tickets.every((t) => p.tickets.has(t)));
    passes.splice(0, passes.length, ...passes.filter((p, i) => p.until > now && i !== index));
    return index >= 0;
  }

  /** Resolves with the decision, or with null when no isolated script answered (then the page must not hang). */
  function hold(method: string, url: URL, match: ReassignMatch): Promise<Decision> | null {
    if (takePass(match)) return null;
    const id = crypto.randomUUID();
    let acked = false;
    const onAck = (event: Event) => {
      const message = parse(isToMain, event);
      if (message?.kind === 'ack' && message.id === id) acked = true;
    };
    win.addEventListener(TO_MAIN, onAck);
    const decision = new Promise<Decision>((resolve) => waiting.set(id, resolve));
    // Dispatch is synchronous, so the isolated script's acknowledgement has arrived when it returns.
    send(win, TO_ISOLATED, { kind: 'held', id, method, url: url.href, match });
    win.removeEventListener(TO_MAIN, onAck);
    if (!acked) {
      waiting.delete(id);
      return null;
    }
    return decision;
  }

  wrapFetch(win, matcher, hold);
  wrapXhr(win, matcher, hold);
}

type Hold = (method: string, url: URL, match: ReassignMatch) => Promise<Decision> | null;

function toUrl(win: Window, raw: string | URL): URL | null {
  try {
    return new URL(raw, win.location.href);
  } catch {
    return null;
  }
}

async function bodyText(body: unknown): Promise<string | null> {
  if (body == null) return null;
  if (typeof body === 'string') return body;
  if (body instanceof URLSearchParams) return body.toString();
  if (body instanceof Blob) return body.text();
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) return new TextDecoder().decode(body);
  return null;
}

function wrapFetch(win: Window & typeof globalThis, matcher: RequestMatcher, hold: Hold): void {
  const original = win.fetch;
  async function guarded(input: RequestInfo | URL, init: RequestInit | undefined, method: string, url: URL) {
    const body =
      init?.body !== undefined
        ? await bodyText(init.body)
        : input instanceof Request
          ? await input.clone().text()
          : null;
    const match = matcher.match(method, url, body);
    const decision = match ? hold(method, url, match) : null;
    if (decision && (await decision) === 'fail') throw new TypeError('Failed to fetch');
    return original.call(win, input, init);
  }
  const fetch = function fetch(this: unknown, input: RequestInfo | URL, init?: RequestInit) {
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const url = toUrl(win, input instanceof Request ? input.url : input);
    if (!url || !matcher.isCandidate(method, url)) return original.call(win, input, init);
    return guarded(input, init, method, url);
  };
  win.fetch = fetch as typeof win.fetch;
}

function wrapXhr(win: Window & typeof globalThis, matcher: RequestMatcher, hold: Hold): void {
  const proto = win.XMLHttpRequest.prototype;
  const originalOpen = proto.open;
  const originalSend = proto.send;
  const opened = new WeakMap<XMLHttpRequest, { method: string; url: URL | null; async: boolean }>();

  proto.open = function open(this: XMLHttpRequest, method: string, url: string | URL, ...rest: unknown[]) {
    const async = rest.length === 0 || rest[0] !== false;
    opened.set(this, { method: method.toUpperCase(), url: toUrl(win, url), async });
    return (originalOpen as (...args: unknown[]) => void).call(this, method, url, ...rest);
  } as typeof proto.open;

  proto.send = function send(this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    const request = opened.get(this);
    // A synchronous XHR cannot be held without freezing the page; it is rare enough to let through.
    if (!request?.url || !request.async || !matcher.isCandidate(request.method, request.url)) {
      return originalSend.call(this, body);
    }
    const { method, url } = request;
    void bodyText(body).then((text) => {
      const match = matcher.match(method, url, text);
      const decision = match ? hold(method, url, match) : null;
      if (!decision) return originalSend.call(this, body);
      return decision.then((d) => (d === 'release' ? originalSend.call(this, body) : failXhr(this)));
    });
  };
}

/** Makes a held XHR end the way a network error ends it, so the page's own error handling runs. */
function failXhr(xhr: XMLHttpRequest): void {
  Object.defineProperty(xhr, 'readyState', { configurable: true, get: () => 4 });
  Object.defineProperty(xhr, 'status', { configurable: true, get: () => 0 });
  for (const type of ['readystatechange', 'error', 'loadend']) {
    xhr.dispatchEvent(type === 'readystatechange' ? new Event(type) : new ProgressEvent(type));
  }
}
