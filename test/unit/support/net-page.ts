import * as workers from 'node:worker_threads';
import { vi } from 'vitest';
import { PORT_ASK, PORT_OFFER } from '../../../lib/guard/net-protocol';

// A stand-in for a host page's window, for the MAIN-world net: Node's own MessageChannel, MessagePort and
// MessageEvent (whose prototypes a "page" can patch here as a real one can), and a page clock that a long
// task moves on while no timer runs.

/**
 * Node's MessageEvent, which its ports deliver, whatever the test's environment calls MessageEvent
 * (happy-dom has its own, which Node's ports do not use).
 */
const nodeMessageEvent: typeof MessageEvent = await new Promise((resolve) => {
  const channel = new workers.MessageChannel();
  (channel.port1 as unknown as { onmessage: (event: object) => void }).onmessage = (event) => {
    resolve(event.constructor as typeof MessageEvent);
    channel.port1.close();
  };
  channel.port2.postMessage(null);
});

/** A host's answer, its status a getter on the prototype as a browser's Response has it. */
export class PageResponse {
  readonly #status: number;
  constructor(status: number) {
    this.#status = status;
  }
  get status() {
    return this.#status;
  }
}

/** MessageChannel as browsers define it: its ports are getters on the prototype. */
export class PageChannel {
  readonly #channel = new workers.MessageChannel() as unknown as MessageChannel;
  get port1() {
    return this.#channel.port1;
  }
  get port2() {
    return this.#channel.port2;
  }
}

export class PageXhr extends EventTarget {
  get status() {
    return 0;
  }
  open() {}
  send() {}
}

export interface Page {
  win: Window & typeof globalThis;
  fetch: ReturnType<typeof vi.fn>;
}

/**
 * The document the two worlds share, as far as the port's handover uses it: listeners called in order,
 * synchronously, until one stops the event; dispatchEvent answers false when a listener cancelled it.
 * Any event object goes (Node's MessageEvent from the net, happy-dom's Event from the isolated side);
 * a cancel is seen by its preventDefault() call, because Node's MessageEvent drops `cancelable`.
 */
class SharedDocument {
  readonly #listeners = new Map<string, ((event: Event) => void)[]>();
  querySelectorAll() {
    return [];
  }
  addEventListener(
    type: string,
    listener: (event: Event) => void,
    options?: boolean | { signal?: AbortSignal },
  ) {
    this.#listeners.set(type, [...(this.#listeners.get(type) ?? []), listener]);
    if (typeof options === 'object') {
      options.signal?.addEventListener('abort', () => this.removeEventListener(type, listener));
    }
  }
  removeEventListener(type: string, listener: (event: Event) => void) {
    this.#listeners.set(
      type,
      (this.#listeners.get(type) ?? []).filter((other) => other !== listener),
    );
  }
  dispatchEvent(event: Event): boolean {
    let stopped = false;
    let cancelled = false;
    Object.defineProperty(event, 'stopImmediatePropagation', {
      value: () => {
        stopped = true;
      },
    });
    Object.defineProperty(event, 'preventDefault', {
      value: () => {
        cancelled = true;
      },
    });
    for (const listener of this.#listeners.get(event.type) ?? []) {
      if (stopped) break;
      listener(event);
    }
    return !cancelled;
  }
}

export function hostPage(): Page {
  const fetch = vi.fn(async () => new PageResponse(204));
  const win = {
    MessageChannel: PageChannel,
    MessagePort: workers.MessagePort,
    MessageEvent: nodeMessageEvent,
    Response: PageResponse,
    XMLHttpRequest: PageXhr,
    EventTarget,
    setTimeout: globalThis.setTimeout,
    clearTimeout: globalThis.clearTimeout,
    performance: { now: () => Date.now() },
    crypto: globalThis.crypto,
    fetch,
    location: { href: 'https://acme.atlassian.net/browse/ACME-1' },
    document: new SharedDocument(),
  } as unknown as Window & typeof globalThis;
  return { win, fetch };
}

/** The isolated script's side of the handover, as it asks for the port: the port the net offered. */
export function takePort(page: Page): MessagePort {
  let port: MessagePort | undefined;
  const doc = page.win.document;
  doc.addEventListener(PORT_OFFER, (event) => {
    port = (event as MessageEvent).ports[0];
    event.preventDefault();
  });
  doc.dispatchEvent(new Event(PORT_ASK));
  if (!port) throw new Error('no port offered');
  return port;
}

/** Lets Node deliver the port's messages, which fake timers do not drive. */
export async function deliver(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}
