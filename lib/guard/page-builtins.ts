import { PORT_ASK, PORT_OFFER } from './net-protocol';

// The built-ins the MAIN-world network net uses for its private channel, taken from the page's realm
// when the net is installed at document_start, before any page script runs. The net shares that realm
// with the page, and a method looked up at the moment it is called is whatever the page has put there
// by then: a page that replaced MessagePort.prototype.postMessage (or the `data` getter of a
// MessageEvent, whose target is the port) would be handed the port the next time the net used it.
// So the net calls only these references, through Reflect.apply as it was at document_start, never a
// method looked up on the port, the event, the window or Function.prototype.

export interface PageBuiltins {
  /** A new private channel: the net's own end, and the end it hands over. */
  channel(): { own: MessagePort; handed: MessagePort };
  send(port: MessagePort, message: unknown): void;
  /** Calls back with the data of each message the port receives. */
  receive(port: MessagePort, onData: (data: unknown) => void): void;
  /** Offers the port to the isolated script (net-protocol.ts); true when it took it. */
  offer(port: MessagePort): boolean;
  /** Calls back each time the isolated script asks for the port; returns how to stop listening. */
  onAsk(listener: () => void): () => void;
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(id: number | undefined): void;
  /** A monotonic clock: a timer that fired late is told apart from one that fired on time. */
  now(): number;
  randomId(): string;
  /** Calls a function captured earlier (the page's original fetch, XMLHttpRequest's open and send). */
  call(fn: unknown, self: unknown, args: readonly unknown[]): unknown;
  responseStatus(response: Response): number;
  xhrStatus(xhr: XMLHttpRequest): number;
  once(target: EventTarget, type: string, listener: () => void): void;
}

type Method = (...args: never[]) => unknown;

function getterOf(prototype: object, name: string): Method {
  const getter = Object.getOwnPropertyDescriptor(prototype, name)?.get;
  if (!getter) throw new TypeError(`no ${name} getter`);
  return getter as Method;
}

function setterOf(prototype: object, name: string): Method {
  const setter = Object.getOwnPropertyDescriptor(prototype, name)?.set;
  if (!setter) throw new TypeError(`no ${name} setter`);
  return setter as Method;
}

export function captureBuiltins(win: Window & typeof globalThis): PageBuiltins {
  const apply = Reflect.apply;
  const Channel = win.MessageChannel;
  const port1 = getterOf(Channel.prototype, 'port1');
  const port2 = getterOf(Channel.prototype, 'port2');
  const portPost = win.MessagePort.prototype.postMessage as Method;
  const setOnMessage = setterOf(win.MessagePort.prototype, 'onmessage');
  const eventData = getterOf(win.MessageEvent.prototype, 'data');
  const doc = win.document;
  const Offer = win.MessageEvent;
  const dispatch = doc.dispatchEvent as Method;
  const listen = doc.addEventListener as Method;
  const unlisten = doc.removeEventListener as Method;
  const setTimer = win.setTimeout as Method;
  const clearTimer = win.clearTimeout as Method;
  const performance = win.performance;
  const performanceNow = performance.now as Method;
  const crypto = win.crypto;
  const randomUUID = crypto.randomUUID as Method;
  const responseStatus = getterOf(win.Response.prototype, 'status');
  const xhrStatus = getterOf(win.XMLHttpRequest.prototype, 'status');
  const addListener = win.EventTarget.prototype.addEventListener as Method;
  return {
    channel() {
      const channel = new Channel();
      return {
        own: apply(port1, channel, []) as MessagePort,
        handed: apply(port2, channel, []) as MessagePort,
      };
    },
    send(port, message) {
      apply(portPost, port, [message]);
    },
    receive(port, onData) {
      apply(setOnMessage, port, [(event: MessageEvent) => onData(apply(eventData, event, []))]);
    },
    offer(port) {
      const offer = new Offer(PORT_OFFER, { ports: [port], cancelable: true });
      return !apply(dispatch, doc, [offer]);
    },
    onAsk(listener) {
      apply(listen, doc, [PORT_ASK, listener, true]);
      return () => apply(unlisten, doc, [PORT_ASK, listener, true]);
    },
    setTimeout(callback, ms) {
      return apply(setTimer, win, [callback, ms]) as number;
    },
    clearTimeout(id) {
      apply(clearTimer, win, [id]);
    },
    now() {
      return apply(performanceNow, performance, []) as number;
    },
    randomId() {
      return apply(randomUUID, crypto, []) as string;
    },
    call(fn, self, args) {
      return apply(fn as Method, self, args);
    },
    responseStatus(response) {
      return apply(responseStatus, response, []) as number;
    },
    xhrStatus(xhr) {
      return apply(xhrStatus, xhr, []) as number;
    },
    once(target, type, listener) {
      apply(addListener, target, [type, listener, { once: true }]);
    },
  };
}
