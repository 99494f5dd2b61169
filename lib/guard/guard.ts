import { browser } from 'wxt/browser';
import type { HandoffContext } from '../checklist/context';
import { fitContext } from '../checklist/context-limits';
import type { ToContent } from '../content-messaging';
import { extensionGone, type PageContext } from '../host-page/page-context';
import type { PostFailure, PostResult } from '../messaging';
import type { SiteAdapter } from './adapter';
import { parseToContent, sendFromContent } from './background-messages';
import { type ChecklistFrame, prepareChecklistFrame } from './checklist-frame';
import type { LiveSettings } from './live-settings';
import {
  acceptPort,
  HEARTBEAT_MS,
  isToIsolated,
  type ReassignMatch,
  type ToIsolated,
  type ToMain,
} from './net-protocol';

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
/** A newer copy of the guard started in this page (after an update). */
const STARTED_EVENT = 'baton:guard-started';
/** A page that is never idle still gets its checklist frame loaded ahead, this long after first use. */
const STANDBY_IDLE_TIMEOUT_MS = 500;
/**
 * The frame for the next reassign starts loading this long after a dialog opened (once it has painted):
 * one reassign often follows another within a second when a queue is triaged.
 */
const NEXT_STANDBY_DELAY_MS = 250;
/** How long the request a replayed UI action makes may take to reach the network net and pass. */
const REPLAY_PASS_MS = 10_000;
/** How long a released reassign may take to be answered, or to show on a host whose request Baton cannot see. */
const ANSWER_TIMEOUT_MS = 20_000;
const LANDED_TIMEOUT_MS = 6000;
const LANDED_FIRST_POLL_MS = 25;
const LANDED_POLL_MS = 400;

type Outcome = { ok: true } | { ok: false; failure: PostFailure };
const landedOk: Outcome = { ok: true };

/** A reassign the host refused, did not answer, or did not perform: the handoff is not complete. */
function refused(status?: number): Outcome {
  return { ok: false, failure: status === undefined ? { kind: 'reassign' } : { kind: 'reassign', status } };
}

const outcomeOf = (status: number): Outcome => (status >= 200 && status < 300 ? landedOk : refused(status));

interface ActiveHold {
  id: string;
  frame: ChecklistFrame;
  request: HoldRequest;
  /** The background has the hold (hold:open answered, or failed). */
  opened: Promise<void>;
  /** The user completed the handoff: its comment is being posted, and the reassign follows it. */
  posting: boolean;
  /** The release under way, so that a second Complete or Retry waits for it rather than reassigning twice. */
  releasing: Promise<Outcome> | null;
  /** Stops watching for the extension going away (an update or reload ends this script silently). */
  unwatch(): void;
}

interface HoldRequest {
  via: 'ui' | 'network';
  /** What the page needs once the handoff is recorded (see RecognizedAction.afterDone). */
  afterDone?: () => void;
  tickets: string[];
  /** What is known at once: the dialog opens with it. */
  context: HandoffContext;
  /** The whole context, where the page reads more (see RecognizedAction.enrich): the hold gets it when read. */
  enriched?: Promise<HandoffContext>;
  /** Performs the reassign, and says whether the host really did it. */
  release(): Promise<Outcome>;
  abort(): void;
}

/** A one-shot pass for the request a replayed action makes, and where its answer goes. */
interface Pass {
  owns(match: ReassignMatch): boolean;
  until: number;
  answered(status: number): void;
}

export function startGuard(ctx: PageContext, adapter: SiteAdapter, settings: LiveSettings): void {
  const enforced = () => settings.enforcement(adapter.id) !== 'off';
  let active: ActiveHold | null = null;
  /** A held request is being looked at; another reassign meanwhile waits its turn like one under a dialog. */
  let deciding = false;
  /** A replay is driving the host's UI: its events are Baton's own, not the user's. */
  let replaying = 0;
  let port: MessagePort | null = null;
  /** Tickets a replayed action is about to change: the request it makes goes through without a second dialog. */
  let passes: Pass[] = [];
  /** Released requests whose answer a hold is waiting for, by the MAIN script's id. */
  const answers = new Map<string, (status: number) => void>();
  /** Every held request already taken: the same id sent again is not a second request. */
  const heldIds = new Set<string>();
  const toMain = (message: ToMain) => port?.postMessage(message);

  function takePass(match: ReassignMatch): Pass | null {
    const now = Date.now();
    passes = passes.filter((pass) => pass.until > now);
    const index = passes.findIndex((pass) => pass.owns(match));
    return index >= 0 ? (passes.splice(index, 1)[0] ?? null) : null;
  }

  /** Takes the hold off the page: its dialog goes, and the next hold gets a frame loaded ahead. */
  function end(id: string): ActiveHold | null {
    if (active?.id !== id) return null;
    const hold = active;
    active = null;
    hold.unwatch();
    hold.frame.close();
    planStandby();
    return hold;
  }

  function abortHold(id: string): boolean {
    const hold = end(id);
    hold?.request.abort();
    return hold !== null;
  }

  /**
   * Lets the held reassign go and waits until the host has done it; only then does the dialog go.
   * When the host refuses, the dialog stays, saying so, and the user may retry. A completed handoff is
   * announced by the tab itself (hold:done), so that it counts even if the worker stopped meanwhile; a
   * release the background asked for (a skip, a retry) is recorded by the background.
   */
  async function releaseHold(id: string, completes: boolean): Promise<Outcome> {
    const hold = active;
    if (hold?.id !== id) return { ok: false, failure: { kind: 'lost' } };
    hold.releasing ??= hold.request.release().catch(() => refused());
    const outcome = await hold.releasing;
    hold.releasing = null;
    if (outcome.ok && end(id)) {
      const recorded = completes
        ? sendFromContent({ type: 'hold:done', holdId: id }).catch(() => undefined)
        : Promise.resolve();
      // After the answer to the background has gone too (a reload would drop it).
      const after = hold.request.afterDone;
      if (after) void recorded.then(() => ctx.setTimeout(after, 0));
    }
    return outcome;
  }

  /** The answer to the request a pass let through, or, where the host's request is unknown, what the host shows. */
  function awaitOutcome(answer: Promise<number>, landed?: () => Promise<boolean>): Promise<Outcome> {
    return new Promise<Outcome>((resolve) => {
      let settled = false;
      const settle = (outcome: Outcome) => {
        if (settled) return;
        settled = true;
        resolve(outcome);
      };
      void answer.then((status) => settle(outcomeOf(status)));
      if (!landed) {
        ctx.setTimeout(() => settle(refused()), ANSWER_TIMEOUT_MS);
        return;
      }
      // Soon after the replay first (a local change shows within a few tens of ms), then less often.
      const deadline = Date.now() + LANDED_TIMEOUT_MS;
      const check = async (wait: number) => {
        if (settled) return;
        if (await landed().catch(() => false)) settle(landedOk);
        else if (Date.now() > deadline) settle(refused());
        else ctx.setTimeout(() => void check(Math.min(wait * 2, LANDED_POLL_MS)), wait);
      };
      ctx.setTimeout(() => void check(LANDED_FIRST_POLL_MS), LANDED_FIRST_POLL_MS);
    });
  }

  function answerFor(id: string): Promise<number> {
    return new Promise<number>((resolve) => answers.set(id, resolve));
  }

  /** A checklist frame loaded ahead (see checklist-frame.ts), for the next hold. */
  let standby: ChecklistFrame | null = null;
  let standbyPlanned = false;
  const takeFrame = (): ChecklistFrame => {
    const frame = standby ?? prepareChecklistFrame(browser.i18n.getMessage('checklistTitle'));
    standby = null;
    return frame;
  };
  /** Once the user starts using the page, and again once each dialog is up, when the page is idle. */
  function planStandby(): void {
    if (standbyPlanned || standby || ctx.isInvalid) return;
    standbyPlanned = true;
    ctx.requestIdleCallback(
      () => {
        standbyPlanned = false;
        if (!standby && !ctx.isInvalid) {
          standby = prepareChecklistFrame(browser.i18n.getMessage('checklistTitle'));
        }
      },
      { timeout: STANDBY_IDLE_TIMEOUT_MS },
    );
  }

  /**
   * The settings changed under an open hold (the administrator's policy arrived after the first
   * reassign, see live-settings.ts) and Baton is now off for this site: the reassign goes through as if
   * it had been off all along, with no checklist and nothing counted. A handoff the user already
   * completed is left to finish.
   */
  function releaseIfOff(): void {
    const hold = active;
    if (!hold || enforced() || hold.posting || hold.releasing) return;
    end(hold.id);
    void hold.request.release().catch(() => undefined);
    void hold.opened
      .then(() => sendFromContent({ type: 'hold:off', holdId: hold.id }))
      .catch(() => undefined);
  }

  async function startHold(request: HoldRequest): Promise<void> {
    if (!enforced()) {
      // Turned off while the reassign was being looked at.
      void request.release().catch(() => undefined);
      return;
    }
    const id = crypto.randomUUID();
    const frame = takeFrame();
    frame.show();
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
    const open = (async () => {
      listen();
      const [frameId, commentFormat] = await Promise.all([frame.ready, adapter.commentFormat?.()]);
      await sendFromContent({
        type: 'hold:open',
        held: {
          id,
          site: adapter.id,
          via: request.via,
          context: fitContext(request.context),
          tickets: request.tickets,
          ...(commentFormat ? { commentFormat } : {}),
        },
        frameId,
        ...(request.enriched ? { contextPending: true } : {}),
      });
      // The frame asked when it was shown; if the background did not have the hold yet, it asks again now.
      frame.poke();
    })();
    const opened = open.then(
      () => undefined,
      () => undefined,
    );
    active = { id, frame, request, opened, posting: false, releasing: null, unwatch };
    // The background is unreachable (e.g. the extension was just updated): leave the host as it was.
    await open.catch(() => abortHold(id));
    ctx.setTimeout(planStandby, NEXT_STANDBY_DELAY_MS);
    if (request.enriched) await completeContext(id, request.enriched);
  }

  /** The rest of the hold's context, once the page has read it; a Complete meanwhile waits for it. */
  async function completeContext(id: string, enriched: Promise<HandoffContext>): Promise<void> {
    const context = fitContext(await enriched);
    const hold = active;
    if (hold?.id !== id) return;
    const taken = await sendFromContent({ type: 'hold:context', holdId: id, context }).catch(() => null);
    if (taken?.ok) hold.frame.changed();
  }

  function onUiEvent(event: Event): void {
    if (replaying > 0 || ctx.isInvalid) return;
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
    const release = async (): Promise<Outcome> => {
      const answer = new Promise<number>((answered) =>
        passes.push({
          owns:
            recognized.ownsRequest ??
            ((match) => match.tickets.every((ticket) => recognized.tickets.includes(ticket))),
          until: Date.now() + REPLAY_PASS_MS,
          answered,
        }),
      );
      replaying += 1;
      try {
        await recognized.replay();
      } finally {
        replaying -= 1;
      }
      return awaitOutcome(answer, recognized.landed);
    };
    const hold = () =>
      startHold({
        via: 'ui',
        tickets: recognized.tickets,
        context: recognized.context,
        ...(recognized.enrich ? { enriched: recognized.enrich().catch(() => recognized.context) } : {}),
        release,
        abort() {},
        ...(recognized.afterDone ? { afterDone: recognized.afterDone } : {}),
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
        if (isHandoff) void hold();
        else void release();
      });
  }

  function onFromMain(message: ToIsolated): void {
    if (ctx.isInvalid) return;
    if (message.kind === 'answered') {
      answers.get(message.id)?.(message.status);
      answers.delete(message.id);
      return;
    }
    if (heldIds.has(message.id)) return;
    heldIds.add(message.id);
    toMain({ kind: 'ack', id: message.id });
    if (settings.loaded()) decideHeld(message);
    else void settings.ready().then(() => decideHeld(message));
  }

  function decideHeld(message: Extract<ToIsolated, { kind: 'held' }>): void {
    const settle = (kind: 'release' | 'fail') => () => toMain({ kind, id: message.id });
    if (!enforced()) {
      settle('release')();
      return;
    }
    const pass = takePass(message.match);
    if (pass) {
      answers.set(message.id, pass.answered);
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
          tickets: adapter.ticketsOf?.(message.match, context) ?? message.match.tickets,
          context,
          // The page's request goes out, and again on each retry after the host refused it: the page
          // gets a refusal only if the user gives up (abort), and then it shows its own error.
          release: () => {
            const answer = answerFor(message.id);
            toMain({ kind: 'release', id: message.id, retryable: true });
            return awaitOutcome(answer);
          },
          abort: settle('fail'),
        });
      });
  }

  /** Posts once: a retry first looks for the comment its lost answer may have left. */
  async function post(message: {
    ticketKey: string;
    handoffId: string;
    body: unknown;
    checkFirst: boolean;
  }): Promise<PostResult> {
    if (
      message.checkFirst &&
      (await adapter.hasComment(message.ticketKey, message.handoffId).catch(() => false))
    ) {
      return { ok: true };
    }
    return adapter.postComment(message.ticketKey, message.body);
  }

  async function unpost(comments: { ticketKey: string; commentId: string }[]): Promise<{ ok: boolean }> {
    const remove = adapter.removeComment;
    if (!remove) return { ok: false };
    const results = await Promise.all(
      comments.map(({ ticketKey, commentId }) =>
        remove(ticketKey, commentId).catch((): PostResult => ({ ok: false, failure: { kind: 'offline' } })),
      ),
    );
    return { ok: results.every((result) => result.ok) };
  }

  async function onMessage(message: ToContent): Promise<PostResult | { ok: boolean }> {
    switch (message.type) {
      case 'hold:post': {
        if (active?.id !== message.holdId) return { ok: false, failure: { kind: 'lost' } };
        active.posting = true;
        const result = await post(message);
        if (!result.ok || !message.release) return result;
        const outcome = await releaseHold(message.holdId, true);
        return result.createdId ? { ...outcome, createdId: result.createdId } : outcome;
      }
      case 'outbox:post':
        return post(message);
      case 'hold:release':
        return releaseHold(message.holdId, false);
      case 'hold:abort':
        return { ok: abortHold(message.holdId) };
      case 'hold:unpost':
        return unpost(message.comments);
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
  // Put into a page already open, after an update (lib/background/reinject.ts): the older copy of this
  // script still there stands down once it finds its extension gone. Any copy hearing this checks
  // that, so a page sending the same event changes nothing.
  if (document.readyState !== 'loading') document.dispatchEvent(new CustomEvent(STARTED_EVENT));
  document.addEventListener(STARTED_EVENT, () => ctx.isInvalid, { signal: ctx.signal });
  settings.onChange(releaseIfOff);
  acceptPort(window, ctx.signal, (handed) => {
    port = handed;
    port.onmessage = (event: MessageEvent) => {
      if (isToIsolated(event.data)) onFromMain(event.data);
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
    if (active) abortHold(active.id);
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
