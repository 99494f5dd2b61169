import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installNetHold, type RequestMatcher } from '../../../lib/guard/net-hold';
import {
  HEARTBEAT_MS,
  PORT_ASK,
  PORT_OFFER,
  type ToIsolated,
  type ToMain,
} from '../../../lib/guard/net-protocol';
import { deliver, hostPage, type Page, takePort } from '../support/net-page';

// The MAIN-world net on a stand-in for a host page's window: Node's own MessageChannel, MessagePort and
// MessageEvent (whose prototypes a "page" can patch here as a real one can), fake timers, and a page
// clock that a long task moves on while no timer runs.

const ISSUE = 'https://acme.atlassian.net/rest/api/3/issue/ACME-1/assignee';

const matcher: RequestMatcher = {
  isCandidate: (method) => method === 'PUT',
  match: () => ({ tickets: ['ACME-1'], toId: 'bob' }),
};

/**
 * The isolated script's end of the port: what the net told it, and a way to answer. In a browser it lives
 * in another realm, out of the page's reach: here it keeps the built-ins as they were when it started.
 */
function guardEnd(page: Page) {
  const port = takePort(page);
  const post = MessagePort.prototype.postMessage;
  const data = Object.getOwnPropertyDescriptor(MessageEvent.prototype, 'data')?.get;
  const received: ToIsolated[] = [];
  port.onmessage = (event) => received.push(Reflect.apply(data ?? (() => null), event, []) as ToIsolated);
  return {
    received,
    tell: (message: ToMain) => Reflect.apply(post, port, [message]),
    close: () => port.close(),
  };
}

/** A long task on the page: the clock moves on, and no timer or message gets the thread meanwhile. */
function longTask(ms: number): void {
  vi.setSystemTime(Date.now() + ms);
}

describe('the network net', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  async function heldRequest() {
    const page = hostPage();
    installNetHold(page.win, matcher);
    const guard = guardEnd(page);
    guard.tell({ kind: 'hello' });
    await deliver();
    const sent = page.win.fetch(ISSUE, { method: 'PUT', body: '{}' });
    await deliver();
    return { page, guard, sent };
  }

  it('holds a reassign whose acknowledgement waits behind a 3 s long task, until the guard decides', async () => {
    const { page, guard, sent } = await heldRequest();
    longTask(3000);
    await vi.advanceTimersByTimeAsync(1500);
    expect(page.fetch).not.toHaveBeenCalled();
    const held = guard.received.find((m) => m.kind === 'held');
    expect(held).toBeDefined();
    guard.tell({ kind: 'ack', id: held?.id ?? '' });
    await deliver();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(page.fetch).not.toHaveBeenCalled();
    guard.tell({ kind: 'release', id: held?.id ?? '' });
    await deliver();
    expect((await sent).status).toBe(204);
    expect(page.fetch).toHaveBeenCalledTimes(1);
    guard.close();
  });

  it('lets a reassign through when the guard does not acknowledge within 1.5 s of free time', async () => {
    const { page, guard, sent } = await heldRequest();
    await vi.advanceTimersByTimeAsync(1400);
    expect(page.fetch).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(200);
    expect((await sent).status).toBe(204);
    guard.close();
  });

  it('keeps an open checklist through a long task, and lets go only after heartbeats stop on time', async () => {
    const { page, guard, sent } = await heldRequest();
    const id = guard.received.find((m) => m.kind === 'held')?.id ?? '';
    guard.tell({ kind: 'ack', id });
    guard.tell({ kind: 'alive' });
    await deliver();
    longTask(5000);
    await vi.advanceTimersByTimeAsync(HEARTBEAT_MS);
    // The guard's heartbeats were queued behind that task: they arrive once it ends.
    guard.tell({ kind: 'alive' });
    await deliver();
    await vi.advanceTimersByTimeAsync(HEARTBEAT_MS);
    guard.tell({ kind: 'release', id });
    await deliver();
    expect((await sent).status).toBe(204);

    // A second hold whose guard goes silent: three missed beats on time, and it fails like a network error.
    const again = page.win.fetch(ISSUE, { method: 'PUT', body: '{}' });
    await deliver();
    const second = guard.received.filter((m) => m.kind === 'held')[1]?.id ?? '';
    guard.tell({ kind: 'ack', id: second });
    guard.tell({ kind: 'alive' });
    await deliver();
    const failed = expect(again).rejects.toThrow('Failed to fetch');
    await vi.advanceTimersByTimeAsync(4 * HEARTBEAT_MS);
    await failed;
    expect(page.fetch).toHaveBeenCalledTimes(1);
    guard.close();
  });

  it('never hands the port to a page that replaces the port, event and document built-ins after it started', async () => {
    const page = hostPage();
    installNetHold(page.win, matcher);
    const guard = guardEnd(page);
    const seen: unknown[] = [];
    const offers: Event[] = [];
    const portPost = Object.getOwnPropertyDescriptor(MessagePort.prototype, 'postMessage');
    const data = Object.getOwnPropertyDescriptor(MessageEvent.prototype, 'data');
    try {
      const originalPost = MessagePort.prototype.postMessage;
      MessagePort.prototype.postMessage = function (this: MessagePort, ...args: [unknown]) {
        seen.push(this);
        return originalPost.apply(this, args);
      };
      Object.defineProperty(MessageEvent.prototype, 'data', {
        configurable: true,
        get(this: MessageEvent) {
          seen.push(this);
          return data?.get?.call(this);
        },
      });
      // A page that asks for the port later is offered nothing: the isolated script took it.
      page.win.document.addEventListener(PORT_OFFER, (event) => offers.push(event));
      page.win.document.dispatchEvent(new Event(PORT_ASK));
      guard.tell({ kind: 'hello' });
      await deliver();
      const sent = page.win.fetch(ISSUE, { method: 'PUT', body: '{}' });
      await deliver();
      const id = guard.received.find((m) => m.kind === 'held')?.id ?? '';
      guard.tell({ kind: 'ack', id });
      guard.tell({ kind: 'release', id });
      await deliver();
      expect((await sent).status).toBe(204);
    } finally {
      if (portPost) Object.defineProperty(MessagePort.prototype, 'postMessage', portPost);
      if (data) Object.defineProperty(MessageEvent.prototype, 'data', data);
    }
    // An event the page was handed would lead it to the port through its target.
    const ports = seen.map((thing) => (thing instanceof MessageEvent ? thing.target : thing));
    expect(ports.filter((thing) => thing instanceof MessagePort)).toEqual([]);
    expect(offers).toEqual([]);
    expect(guard.received.map((m) => m.kind)).toEqual(['held', 'answered']);
    guard.close();
  });

  describe('a pass (a request Baton has just allowed)', () => {
    const PASS = '9c3a1f0e-5b7d-4e2a-8f61-2d4c7b9e0a13';

    async function guarded() {
      const page = hostPage();
      installNetHold(page.win, matcher);
      const guard = guardEnd(page);
      guard.tell({ kind: 'hello' });
      await deliver();
      return { page, guard };
    }

    it('lets the request it fits straight out, once, and reports its answer under the pass', async () => {
      const { page, guard } = await guarded();
      guard.tell({ kind: 'pass', id: PASS, shapes: [{ tickets: ['ACME-1'] }], ms: 10_000 });
      await deliver();
      const sent = page.win.fetch(ISSUE, { method: 'PUT', body: '{}' });
      expect((await sent).status).toBe(204);
      await deliver();
      expect(guard.received).toEqual([
        { kind: 'passed', id: PASS },
        { kind: 'answered', id: PASS, status: 204 },
      ]);

      // The same request again is a new reassign: held and asked about.
      void page.win.fetch(ISSUE, { method: 'PUT', body: '{}' });
      await deliver();
      expect(guard.received.at(-1)?.kind).toBe('held');
      expect(page.fetch).toHaveBeenCalledTimes(1);
      guard.close();
    });

    it('holds a request the pass does not fit, one after its deadline, and one after the pass was taken back', async () => {
      const { page, guard } = await guarded();
      const held = () => guard.received.filter((m) => m.kind === 'held').length;
      guard.tell({ kind: 'pass', id: PASS, shapes: [{ tickets: ['ACME-9'] }], ms: 10_000 });
      await deliver();
      void page.win.fetch(ISSUE, { method: 'PUT', body: '{}' });
      await deliver();
      expect(held()).toBe(1);

      guard.tell({ kind: 'pass', id: PASS, shapes: [{ tickets: ['ACME-1'] }], ms: 1000 });
      await deliver();
      await vi.advanceTimersByTimeAsync(1001);
      void page.win.fetch(ISSUE, { method: 'PUT', body: '{}' });
      await deliver();
      expect(held()).toBe(2);

      guard.tell({ kind: 'pass', id: PASS, shapes: [{ tickets: ['ACME-1'] }], ms: 10_000 });
      guard.tell({ kind: 'unpass', id: PASS });
      await deliver();
      void page.win.fetch(ISSUE, { method: 'PUT', body: '{}' });
      await deliver();
      expect(held()).toBe(3);
      expect(page.fetch).not.toHaveBeenCalled();
      guard.close();
    });

    it('ignores a pass that would fit every request', async () => {
      const { page, guard } = await guarded();
      guard.tell({ kind: 'pass', id: PASS, shapes: [{}], ms: 10_000 } as never);
      await deliver();
      void page.win.fetch(ISSUE, { method: 'PUT', body: '{}' });
      await deliver();
      expect(guard.received.map((m) => m.kind)).toEqual(['held']);
      expect(page.fetch).not.toHaveBeenCalled();
      guard.close();
    });

    it('arriving after its request was held, lets no other request through (the guard releases the held one)', async () => {
      const { page, guard } = await guarded();
      const first = page.win.fetch(ISSUE, { method: 'PUT', body: '{}' });
      await deliver();
      guard.tell({ kind: 'pass', id: PASS, shapes: [{ tickets: ['ACME-1'] }], ms: 10_000 });
      await deliver();
      void page.win.fetch(ISSUE, { method: 'PUT', body: '{}' });
      await deliver();
      const held = guard.received.filter((m) => m.kind === 'held');
      expect(held).toHaveLength(2);
      expect(page.fetch).not.toHaveBeenCalled();

      guard.tell({ kind: 'unpass', id: PASS });
      guard.tell({ kind: 'release', id: held[0]?.id ?? '' });
      await deliver();
      expect((await first).status).toBe(204);
      expect(page.fetch).toHaveBeenCalledTimes(1);
      guard.close();
    });

    it('is forgotten when the guard goes', async () => {
      const { page, guard } = await guarded();
      guard.tell({ kind: 'pass', id: PASS, shapes: [{ tickets: ['ACME-1'] }], ms: 10_000 });
      guard.tell({ kind: 'bye' });
      guard.tell({ kind: 'hello' });
      await deliver();
      void page.win.fetch(ISSUE, { method: 'PUT', body: '{}' });
      await deliver();
      expect(guard.received.map((m) => m.kind)).toEqual(['held']);
      guard.close();
    });
  });
});
