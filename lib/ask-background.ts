import { browser } from 'wxt/browser';

// A request to the background and its one answer, over a port of its own. `runtime.sendMessage` reaches
// every Baton page with an `onMessage` listener, not just the background: every checklist frame loaded
// ahead, in every open host tab, has one (for hold:yours), and all of them share one main thread in
// the extension's process with the frame that is about to draw the dialog. A port opened with
// `runtime.connect` reaches only the contexts that listen for `onConnect`, which only the background
// does.

/** The name of a port that carries one request and its answer. */
export const ASK_PORT = 'baton:ask';

/** What the background posts back: the answer itself may be undefined, which a port cannot carry alone. */
interface Answer {
  answer: unknown;
}

type Port = ReturnType<typeof browser.runtime.connect>;

/**
 * Sends `message` to the background and resolves with its answer. Rejects when the background closes
 * the port unanswered: no handler took the message, the handler failed, or the worker stopped.
 */
export function askBackground(message: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const port = browser.runtime.connect({ name: ASK_PORT });
    port.onMessage.addListener((reply: Answer) => {
      resolve(reply.answer);
      port.disconnect();
    });
    port.onDisconnect.addListener(() => {
      reject(new Error(browser.runtime.lastError?.message ?? 'the background did not answer'));
    });
    port.postMessage(message);
  });
}

/**
 * In the background: answers each request that comes on an ask port with `answer`, which returns
 * undefined for a message it does not take (the port is then closed unanswered).
 */
export function answerAsks(port: Port, answer: (message: unknown, sender: Port['sender']) => unknown): void {
  if (port.name !== ASK_PORT) return;
  port.onMessage.addListener((message: unknown) => {
    const answered = answer(message, port.sender);
    if (answered === undefined) {
      port.disconnect();
      return;
    }
    Promise.resolve(answered)
      .then(
        (value) => port.postMessage({ answer: value } satisfies Answer),
        () => port.disconnect(),
      )
      // The asking page may have gone meanwhile: its port is closed then, and posting to it throws.
      .catch(() => undefined);
  });
}
