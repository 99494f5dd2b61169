import { browser } from 'wxt/browser';
import type { HandoffContext } from '../checklist/context';
import type { ToContent } from '../content-messaging';
import { extensionGone, type PageContext } from '../host-page/page-context';
import type { PostResult } from '../messaging';
import type { SiteAdapter } from '../sites/adapter';
import { parseToContent, sendFromContent } from './background-messages';
import { type ChecklistFrame, prepareChecklistFrame } from './checklist-frame';
import type { LiveSettings } from './live-settings';
import { acceptPort, HEARTBEAT_MS, isToIsolated, type ToIsolated, type ToMain } from './net-protocol';

// Site-independent interception in the isolated world: stops a reassign (UI event or held network
// request), shows the checklist, and when the background says so releases or drops it, exactly once.

// pointerover lets adapters follow what is under the pointer (Trello's Space acts on the hovered card).
const UI_EVENTS = [
  'pointerover',
  'pointerdown',
  'mousedown',
  'pointerup',
  'mouseup',
  'click',
  'keydown',
] as const;
const HEALTH_CHECK_DELAY_MS = 4000;
/** A page that is never idle still gets its checklist frame loaded ahead, this long after first use. */
const STANDBY_IDLE_TIMEOUT_MS = 500;
/** How long the request a replayed UI action makes may take to reach the network net and pass. */
const REPLAY_PASS_MS = 10_000;

interface ActiveHold {
  id: string;
  frame: ChecklistFrame;
  release(): void;
  abort(): void;
  /** Stops watching for the extension going away (an update or reload ends this script silently). */
  unwatch(): void;
}

interface HoldRequest {
  via: 'ui' | 'network';
  tickets: string[];
  context: Promise<HandoffContext> | HandoffContext;
  release(): void;
  abort(): void;
}

export function startGuard(ctx: PageContext, adapter: SiteAdapter, settings: LiveSettings): void {
  const enforced = () => settings.enforcement(adapter.id) !== 'off';
  let active: ActiveHold | null = null;
  /** A held request is being looked at; another reassign meanwhile waits its turn like one under a dialog. */
  let deciding = false;
  let replaying = false;
  let port: MessagePort | null = null;
  /** Tickets a replayed action is about to change: the request it makes goes through without a second dialog. */
  let passes: { tickets: Set<string>; until: number }[] = [];
  const toMain = (message: ToMain) => port?.postMessage(message);

  function takePass(tickets: readonly string[]): boolean {
    const now = Date.now();
    passes = passes.filter((pass) => pass.until > now);
    const index = passes.findIndex((pass) => tickets.every((ticket) => pass.tickets.has(ticket)));
    if (index >= 0) passes.splice(index, 1);
    return index >= 0;
  }

  function finish(id: string, settle: 'release' | 'abort'): boolean {
    if (active?.id !== id) return false;
    const hold = active;
    active = null;
    hold.unwatch();
    hold.frame.remove();
    hold[settle]();
    planStandby();
    return true;
  }

  /** A checklist frame loaded ahead (see checklist-frame.ts), for the next hold. */
  let standby: ChecklistFrame | null = null;
  let standbyPlanned = false;
  const takeFrame = (): ChecklistFrame => {
    const frame = standby ?? prepareChecklistFrame(browser.i18n.getMessage('checklistTitle'));
    standby = null;
    return frame;
  };
  /** Once the user starts using the page, and again after each hold, when the page is idle. */
  function planStandby(): void {
    if (standbyPlanned || standby || ctx.isInvalid) return;
    standbyPlanned = true;
    ctx.requestIdleCallback(
      () => {
        standbyPlanned = false;
        if (!standby && !active && !ctx.isInvalid) {
          standby = prepareChecklistFrame(browser.i18n.getMessage('checklistTitle'));
        }
      },
      { timeout: STANDBY_IDLE_TIMEOUT_MS },
    );
  }

  async function startHold(request: HoldRequest): Promise<void> {
    const id = crypto.randomUUID();
    const frame = takeFrame();
    frame.show(id);
    // While a dialog is open, notice an update, reload or removal of the extension (old content scripts
    // are not told): onInvalidated then leaves the host as it was.
    const watch = window.setInterval(() => {
      if (extensionGone()) ctx.notifyInvalidated();
      else toMain({ kind: 'alive' });
    }, HEARTBEAT_MS);
    toMain({ kind: 'alive' });
    const unwatch = () => {
      clearInterval(watch);
      toMain({ kind: 'idle' });
    };
    active = { id, frame, release: request.release, abort: request.abort, unwatch };
    try {
      listen();
      const context = await request.context;
      await sendFromContent({
        type: 'hold:open',
        held: { id, site: adapter.id, via: request.via, context, tickets: request.tickets },
      });
    } catch {
      // The background is unreachable (e.g. the extension was just updated): leave the host as it was.
      finish(id, 'abort');
    }
  }

  function onUiEvent(event: Event): void {
    if (replaying || ctx.isInvalid) return;
    void settings.ready();
    if (settings.loaded() && !enforced()) return;
    if (!standby && !active) planStandby();
    const recognized = adapter.recognize(event);
    if (!recognized) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (recognized === 'part-of-commit') return;
    if (active || deciding) {
      active?.frame.focus();
      return;
    }
    const release = () => {
      passes.push({
        tickets: new Set(recognized.passTickets?.() ?? recognized.tickets),
        until: Date.now() + REPLAY_PASS_MS,
      });
      replaying = true;
      try {
        recognized.replay();
      } finally {
        replaying = false;
      }
    };
    const hold = () =>
      startHold({
        via: 'ui',
        tickets: recognized.tickets,
        context: recognized.enrich ? recognized.enrich().catch(() => recognized.context) : recognized.context,
        release,
        abort() {},
      });
    if (settings.loaded() && !recognized.confirm) {
      void hold();
      return;
    }
    // A closer look first: the settings (when the very first event is already a reassign), the adapter's.
    deciding = true;
    void settings
      .ready()
      .then(() => (enforced() ? (recognized.confirm?.().catch(() => true) ?? true) : false))
      .then((isHandoff) => {
        deciding = false;
        return isHandoff ? hold() : release();
      });
  }

  function onHeldRequest(message: ToIsolated): void {
    if (ctx.isInvalid) return;
    toMain({ kind: 'ack', id: message.id });
    if (settings.loaded()) decideHeld(message);
    else void settings.ready().then(() => decideHeld(message));
  }

  function decideHeld(message: ToIsolated): void {
    const settle = (kind: 'release' | 'fail') => () => toMain({ kind, id: message.id });
    if (!enforced() || takePass(message.match.tickets)) {
      settle('release')();
      return;
    }
    if (active || deciding) {
      // One dialog at a time: a second reassign while one is held fails like a cancelled one.
      settle('fail')();
      active?.frame.focus();
      return;
    }
    deciding = true;
    void adapter
      .describeRequest(message.match)
      // An adapter that cannot describe the request still guards it, with what the request itself says.
      .catch(
        (): HandoffContext => ({
          site: adapter.id,
          ticketKey: message.match.tickets[0] ?? '',
          url: location.href,
          at: new Date().toISOString(),
        }),
      )
      .then((context) => {
        deciding = false;
        if (!context) return settle('release')();
        return startHold({
          via: 'network',
          tickets: message.match.tickets,
          context,
          release: settle('release'),
          abort: settle('fail'),
        });
      });
  }

  /** Posts once: a retry first looks for the comment its lost answer may have left. */
  async function post(message: { ticketKey: string; handoffId: string; body: unknown; checkFirst: boolean }) {
    if (
      message.checkFirst &&
      (await adapter.hasComment(message.ticketKey, message.handoffId).catch(() => false))
    ) {
      return { ok: true } as const;
    }
    return adapter.postComment(message.ticketKey, message.body);
  }

  async function onMessage(message: ToContent): Promise<PostResult | { ok: boolean }> {
    switch (message.type) {
      case 'hold:post': {
        if (active?.id !== message.holdId) return { ok: false, failure: { kind: 'lost' } };
        const result = await post(message);
        if (result.ok && message.release && finish(message.holdId, 'release')) {
          void sendFromContent({ type: 'hold:done', holdId: message.holdId }).catch(() => undefined);
        }
        return result;
      }
      case 'outbox:post':
        return post(message);
      case 'hold:release':
        return { ok: finish(message.holdId, 'release') };
      case 'hold:abort':
        return { ok: finish(message.holdId, 'abort') };
    }
  }

  // sendResponse rather than a returned promise: this script has the browser's own API, not the polyfill
  // (docs/host-page-budget.md), and older Chrome ignores a promise that a listener returns.
  const listener = (raw: unknown, _sender: unknown, sendResponse: (answer: unknown) => void) => {
    const message = parseToContent(raw);
    if (!message) return false;
    void onMessage(message).then(sendResponse, () => sendResponse({ ok: false }));
    return true;
  };
  // The background writes only about a hold this script opened, or to post a comment waiting in the
  // outbox through this page. So the listener goes in when a hold starts, or once the page has loaded and
  // is idle: the first use of the runtime API costs a page load about 1 ms (docs/host-page-budget.md).
  let listening = false;
  function listen(): void {
    if (listening || ctx.isInvalid) return;
    listening = true;
    browser.runtime.onMessage.addListener(listener);
  }

  for (const type of UI_EVENTS) {
    window.addEventListener(type, onUiEvent, { capture: true, signal: ctx.signal });
  }
  acceptPort(window, ctx.signal, (handed) => {
    port = handed;
    port.onmessage = (event: MessageEvent) => {
      if (isToIsolated(event.data)) onHeldRequest(event.data);
    };
    toMain({ kind: 'hello' });
  });
  ctx.onInvalidated(() => {
    if (listening) browser.runtime.onMessage.removeListener(listener);
    settings.stop();
    standby?.remove();
    standby = null;
    toMain({ kind: 'bye' });
    // The extension was updated or removed: the checklist can no longer complete, so the host is left
    // as it was (a held request fails like a cancelled one) and the draft stays in storage.
    if (active) finish(active.id, 'abort');
  });

  // Well after the page has loaded, when it is idle: the host's own first work goes first. A timer
  // rather than a load listener, so that nothing of Baton's runs during the load itself.
  const checkHealth = () => {
    if (document.readyState !== 'complete') {
      ctx.addEventListener(window, 'load', () => ctx.setTimeout(checkHealth, HEALTH_CHECK_DELAY_MS));
      return;
    }
    ctx.requestIdleCallback(() => {
      listen();
      const missing = adapter.missingElements();
      if (missing)
        void sendFromContent({ type: 'health:report', site: adapter.id, missing }).catch(() => undefined);
    });
  };
  ctx.setTimeout(checkHealth, HEALTH_CHECK_DELAY_MS);
}
