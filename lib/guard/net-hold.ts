import {
  FRAME_SELECTOR,
  HEARTBEAT_MS,
  isToMain,
  PORT_HANDOVER,
  type ReassignMatch,
  type ToIsolated,
} from './net-protocol';

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

/** An isolated script that does not acknowledge a held request this fast is gone: the page must not hang. */
const ACK_TIMEOUT_MS = 1500;

export function installNetHold(win: Window & typeof globalThis, matcher: RequestMatcher): void {
  const channel = new MessageChannel();
  const port = channel.port1;
  const waiting = new Map<
    string,
    { decide: (decision: Decision, retryable: boolean) => void; acked: boolean }
  >();
  let connected = false;

  let watchdog: number | undefined;
  let lastAlive = 0;

  /** The extension was updated or removed: whatever was held is left as it was, and its dialog goes. */
  function disconnect() {
    connected = false;
    clearInterval(watchdog);
    watchdog = undefined;
    for (const held of waiting.values()) held.decide('fail', false);
    waiting.clear();
    for (const frame of win.document.querySelectorAll(FRAME_SELECTOR)) frame.remove();
  }

  port.onmessage = (event: MessageEvent) => {
    const message: unknown = event.data;
    if (!isToMain(message)) return;
    if (message.kind === 'hello') connected = true;
    else if (message.kind === 'bye') disconnect();
    else if (message.kind === 'alive') {
      lastAlive = Date.now();
      watchdog ??= win.setInterval(() => {
        if (Date.now() - lastAlive > 3 * HEARTBEAT_MS) disconnect();
      }, HEARTBEAT_MS);
    } else if (message.kind === 'idle') {
      clearInterval(watchdog);
      watchdog = undefined;
    } else if (message.kind === 'ack') {
      const held = waiting.get(message.id);
      if (held) held.acked = true;
    } else {
      const held = waiting.get(message.id);
      waiting.delete(message.id);
      held?.decide(message.kind, message.kind === 'release' && message.retryable === true);
    }
  };
  win.postMessage({ baton: PORT_HANDOVER }, '*', [channel.port2]);

  /** Null when nobody guards the page (then the request goes out as if Baton were not there). */
  function hold(method: string, url: URL, match: ReassignMatch): Held | null {
    if (!connected) return null;
    const id = crypto.randomUUID();
    let retryable = false;
    const decision = new Promise<Decision>((resolve) => {
      const held = {
        decide: (decided: Decision, canRetry: boolean) => {
          retryable = canRetry;
          resolve(decided);
        },
        acked: false,
      };
      waiting.set(id, held);
      setTimeout(() => {
        if (held.acked || !waiting.has(id)) return;
        waiting.delete(id);
        resolve('release');
      }, ACK_TIMEOUT_MS);
      const message: ToIsolated = { kind: 'held', id, method, url: url.href, match };
      port.postMessage(message);
    });
    const answered = (status: number): Promise<Decision> => {
      const message: ToIsolated = { kind: 'answered', id, status };
      port.postMessage(message);
      if (!retryable || !connected || (status >= 200 && status < 300)) return Promise.resolve('fail');
      return new Promise<Decision>((resolve) => waiting.set(id, { decide: resolve, acked: true }));
    };
    return { decision, answered };
  }

  wrapFetch(win, matcher, hold);
  wrapXhr(win, matcher, hold);
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
    const held = match ? hold(method, url, match) : null;
    if (!held) return original.call(win, input, init);
    if ((await held.decision) === 'fail') throw new TypeError('Failed to fetch');
    // A Request's body can be read once: a copy stays for sending again after a refusal.
    const pristine = input instanceof Request ? input.clone() : null;
    for (;;) {
      const sent = await original.call(win, pristine ? pristine.clone() : input, init).then(
        (response) => ({ response, status: response.status }),
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
      const held = match ? hold(method, url, match) : null;
      if (!held) return originalSend.call(this, body);
      return held.decision.then((d) => {
        if (d === 'fail') return failXhr(this);
        // An XHR cannot be sent twice: a retry after a refusal gets the same answer again.
        const report = (again: Decision): unknown =>
          again === 'release' ? held.answered(this.status).then(report) : undefined;
        this.addEventListener('loadend', () => void held.answered(this.status).then(report), { once: true });
        return originalSend.call(this, body);
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
