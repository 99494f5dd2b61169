import * as workers from 'node:worker_threads';
import { vi } from 'vitest';

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
  /** What the page's window was asked to post, with the ports handed over. */
  posted: { message: unknown; ports: MessagePort[] }[];
}

export function hostPage(): Page {
  const posted: Page['posted'] = [];
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
    document: { querySelectorAll: () => [] },
    postMessage(message: unknown, _origin: string, ports: MessagePort[]) {
      posted.push({ message, ports });
    },
  } as unknown as Window & typeof globalThis;
  return { win, fetch, posted };
}

/** Lets Node deliver the port's messages, which fake timers do not drive. */
export async function deliver(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}
