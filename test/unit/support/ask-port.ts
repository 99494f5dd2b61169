import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { answerAsks } from '../../../lib/ask-background';

// runtime.connect for tests (WXT's fake browser has none): two ends of a port, and the background's
// side of lib/ask-background.ts answering on one of them.

type Listener = (...args: never[]) => void;

class FakeEvent {
  private readonly listeners = new Set<Listener>();
  addListener(listener: Listener): void {
    this.listeners.add(listener);
  }
  removeListener(listener: Listener): void {
    this.listeners.delete(listener);
  }
  hasListener(listener: Listener): boolean {
    return this.listeners.has(listener);
  }
  fire(...args: unknown[]): void {
    for (const listener of [...this.listeners]) (listener as (...a: unknown[]) => void)(...args);
  }
}

export interface FakePort {
  name: string;
  sender?: PortSender;
  onMessage: FakeEvent;
  onDisconnect: FakeEvent;
  postMessage(message: unknown): void;
  disconnect(): void;
}

export interface PortSender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

/**
 * Two connected ends: what one posts reaches the other a microtask later, as a copy (Chrome serializes
 * it); disconnecting one tells the other, and posting to a disconnected end throws, as in Chrome.
 */
export function portPair(name: string, sender: PortSender): [FakePort, FakePort] {
  let open = true;
  const end = (withSender?: PortSender): FakePort => ({
    name,
    ...(withSender ? { sender: withSender } : {}),
    onMessage: new FakeEvent(),
    onDisconnect: new FakeEvent(),
    postMessage(message: unknown) {
      if (!open) throw new Error('Attempting to use a disconnected port object');
      const copy: unknown = message === undefined ? undefined : JSON.parse(JSON.stringify(message));
      void Promise.resolve().then(() => {
        if (open) other(this).onMessage.fire(copy, other(this));
      });
    },
    disconnect() {
      if (!open) return;
      open = false;
      void Promise.resolve().then(() => other(this).onDisconnect.fire(other(this)));
    },
  });
  const client = end();
  const background = end(sender);
  const other = (port: FakePort) => (port === client ? background : client);
  return [client, background];
}

/**
 * The background for code under test: every port the code opens is answered by `answer` through the
 * real background side (answerAsks), as sent from `sender`. Returns the connect spy.
 */
export function answerAsksWith(
  answer: (message: unknown) => unknown,
  sender: PortSender = { id: fakeBrowser.runtime.id, tab: { id: 1 }, frameId: 0 },
) {
  return vi.spyOn(fakeBrowser.runtime, 'connect').mockImplementation(((info?: { name?: string }) => {
    const [client, background] = portPair(info?.name ?? '', sender);
    answerAsks(background as never, (message) => answer(message));
    return client;
  }) as never);
}
