import {
  FRAME_SELECTOR,
  fits,
  HEARTBEAT_MS,
  isToMain,
  type ReassignMatch,
  type RequestShape,
  type ToIsolated,
} from './net-protocol';
import { captureBuiltins, type PageBuiltins } from './page-builtins';

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

/**
 * An isolated script that does not acknowledge a held request within this much time in which the page
 * was free to run is gone, and the page must not hang on it. Time in which a page's long task kept the
 * thread busy does not count: the acknowledgement waits behind that task, as the guard does.
 */
const ACK_WAIT_MS = 1500;
/** A timer this late fired after a long task: the port's messages queued meanwhile are read before judging. */
const LATE_MS = 250;
/** Heartbeats missed in a row, on timers that fired on time, before the guard counts as gone. */
const MISSED_BEATS = 3;

/**
 * Calls back after `ms` in which the page was free to run. A timer that fires late (a long task held the
 * thread) is armed again, so the guard's answer, queued behind that task, arrives before it is judged.
 */
function afterFreeTime(page: PageBuiltins, ms: number, callback: () => void): () => void {
  let timer: number | undefined;
  const arm = () => {
    const due = page.now() + ms;
    timer = page.setTimeout(() => {
      if (page.now() - due > LATE_MS) arm();
      else callback();
    }, ms);
  };
  arm();
  return () => page.clearTimeout(timer);
}

export function installNetHold(win: Window & typeof globalThis, matcher: RequestMatcher): void {
  const page = captureBuiltins(win);
  const { own: port, handed } = page.channel();
  const send = (message: ToIsolated) => page.send(port, message);
  const waiting = new Map<
    string,
    {
      decide: (decision: Decision, retryable: boolean) => void;
      acked: boolean;
      /** What a held request, not yet decided, asks for. */
      match?: ReassignMatch;
    }
  >();
  /** Requests Baton has just allowed, by the isolated script's id for each: the first that fits goes out. */
  const passes = new Map<string, { shapes: RequestShape[]; until: number }>();
  let connected = false;

  function takePass(match: ReassignMatch): string | null {
    const now = page.now();
    for (const [id, pass] of passes) {
      if (pass.until <= now) passes.delete(id);
      else if (pass.shapes.some((shape) => fits(shape, match))) {
        passes.delete(id);
        return id;
      }
    }
    return null;
  }

  /** While a checklist is open: heartbeats seen since the last check, and checks in a row without one. */
  let stopWatchdog: (() => void) | undefined;
  let beatSeen = false;
  let missed = 0;
  function watch(): void {
    stopWatchdog = afterFreeTime(page, HEARTBEAT_MS, () => {
      missed = beatSeen ? 0 : missed + 1;
      beatSeen = false;
      if (missed >= MISSED_BEATS) disconnect();
      else watch();
    });
  }
  function stopWatching(): void {
    stopWatchdog?.();
    stopWatchdog = undefined;
    missed = 0;
  }

  /** The extension was updated or removed: whatever was held is left as it was, and its dialog goes. */
  function disconnect() {
    connected = false;
    stopWatching();
    for (const held of waiting.values()) held.decide('fail', false);
    waiting.clear();
    passes.clear();
    for (const frame of win.document.querySelectorAll(FRAME_SELECTOR)) frame.remove();
  }

  page.receive(port, (message: unknown) => {
    if (!isToMain(message)) return;
    if (message.kind === 'hello') connected = true;
    else if (message.kind === 'bye') disconnect();
    else if (message.kind === 'alive') {
      beatSeen = true;
      if (!stopWatchdog) watch();
    } else if (message.kind === 'idle') stopWatching();
    else if (message.kind === 'ack') {
      const held = waiting.get(message.id);
      if (held) held.acked = true;
    } else if (message.kind === 'pass') {
      // A request held before its pass arrived is already the isolated script's to release with that
      // pass: the pass then lets nothing else through, so it is used once.
      const shapes = message.shapes;
      const claimed = [...waiting.values()].some(
        (held) => held.match && shapes.some((shape) => held.match && fits(shape, held.match)),
      );
      if (!claimed) passes.set(message.id, { shapes, until: page.now() + message.ms });
    } else if (message.kind === 'unpass') passes.delete(message.id);
    else {
      const held = waiting.get(message.id);
      waiting.delete(message.id);
      held?.decide(message.kind, message.kind === 'release' && message.retryable === true);
    }
  });
  if (!page.offer(handed)) {
    const stopAnswering = page.onAsk(() => {
      if (page.offer(handed)) stopAnswering();
    });
  }

  /** Null when nobody guards the page (then the request goes out as if Baton were not there). */
  function hold(method: string, url: URL, match: ReassignMatch): Held | null {
    if (!connected) return null;
    const pass = takePass(match);
    if (pass) {
      send({ kind: 'passed', id: pass });
      return {
        decision: Promise.resolve('release'),
        answered: (status) => {
          send({ kind: 'answered', id: pass, status });
          return Promise.resolve('fail');
        },
      };
    }
    const id = page.randomId();
    let retryable = false;
    const decision = new Promise<Decision>((resolve) => {
      const held = {
        decide: (decided: Decision, canRetry: boolean) => {
          retryable = canRetry;
          resolve(decided);
        },
        acked: false,
        match,
      };
      waiting.set(id, held);
      afterFreeTime(page, ACK_WAIT_MS, () => {
        if (held.acked || !waiting.has(id)) return;
        waiting.delete(id);
        resolve('release');
      });
      send({ kind: 'held', id, method, url: url.href, match });
    });
    const answered = (status: number): Promise<Decision> => {
      send({ kind: 'answered', id, status });
      if (!retryable || !connected || (status >= 200 && status < 300)) return Promise.resolve('fail');
      return new Promise<Decision>((resolve) => waiting.set(id, { decide: resolve, acked: true }));
    };
    return { decision, answered };
  }

  wrapFetch(win, page, matcher, hold);
  wrapXhr(win, page, matcher, hold);
}

interface Held {
  decision: Promise<Decision>;
  /**
   * Reports how the released request was answered. Then 'release': send it again (the user retried
   * after the host refused); 'fail': the page gets this answer.
   */
  answered(status: number): Promise<Decision>;
}
type Hold = (method: string, url: URL, match: ReassignMatch) => Held | null;

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

function wrapFetch(
  win: Window & typeof globalThis,
  page: PageBuiltins,
  matcher: RequestMatcher,
  hold: Hold,
): void {
  const original = win.fetch;
  const send = (input: RequestInfo | URL, init: RequestInit | undefined) =>
    page.call(original, win, [input, init]) as Promise<Response>;
  async function guarded(input: RequestInfo | URL, init: RequestInit | undefined, method: string, url: URL) {
    const body =
      init?.body !== undefined
        ? await bodyText(init.body)
        : input instanceof Request
          ? await input.clone().text()
          : null;
    const match = matcher.match(method, url, body);
    const held = match ? hold(method, url, match) : null;
    if (!held) return send(input, init);
    if ((await held.decision) === 'fail') throw new TypeError('Failed to fetch');
    // A Request's body can be read once: a copy stays for sending again after a refusal.
    const pristine = input instanceof Request ? input.clone() : null;
    for (;;) {
      const sent = await send(pristine ? pristine.clone() : input, init).then(
        (response) => ({ response, status: page.responseStatus(response) }),
        (error: unknown) => ({ error, status: 0 }),
      );
      if ((await held.answered(sent.status)) === 'fail') {
        if ('response' in sent) return sent.response;
        throw sent.error;
      }
    }
  }
  const fetch = function fetch(this: unknown, input: RequestInfo | URL, init?: RequestInit) {
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const url = toUrl(win, input instanceof Request ? input.url : input);
    if (!url || !matcher.isCandidate(method, url)) return send(input, init);
    return guarded(input, init, method, url);
  };
  win.fetch = fetch as typeof win.fetch;
}

function wrapXhr(
  win: Window & typeof globalThis,
  page: PageBuiltins,
  matcher: RequestMatcher,
  hold: Hold,
): void {
  const proto = win.XMLHttpRequest.prototype;
  const originalOpen = proto.open;
  const originalSend = proto.send;
  const opened = new WeakMap<XMLHttpRequest, { method: string; url: URL | null; async: boolean }>();

  proto.open = function open(this: XMLHttpRequest, method: string, url: string | URL, ...rest: unknown[]) {
    const async = rest.length === 0 || rest[0] !== false;
    opened.set(this, { method: method.toUpperCase(), url: toUrl(win, url), async });
    return page.call(originalOpen, this, [method, url, ...rest]);
  } as typeof proto.open;

  proto.send = function send(this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    const request = opened.get(this);
    // A synchronous XHR cannot be held without freezing the page; it is rare enough to let through.
    if (!request?.url || !request.async || !matcher.isCandidate(request.method, request.url)) {
      return page.call(originalSend, this, [body]);
    }
    const { method, url } = request;
    void bodyText(body).then((text) => {
      const match = matcher.match(method, url, text);
      const held = match ? hold(method, url, match) : null;
      if (!held) return page.call(originalSend, this, [body]);
      return held.decision.then((d) => {
        if (d === 'fail') return failXhr(this);
        // An XHR cannot be sent twice: a retry after a refusal gets the same answer again.
        const report = (again: Decision): unknown =>
          again === 'release' ? held.answered(page.xhrStatus(this)).then(report) : undefined;
        page.once(this, 'loadend', () => void held.answered(page.xhrStatus(this)).then(report));
        return page.call(originalSend, this, [body]);
      });
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
