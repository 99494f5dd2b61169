import type { PageContext } from '../host-page/page-context';
import type { SiteAdapter } from './adapter';
import type { FramePool } from './frame-pool';
import type { HoldRequest, Holds } from './holds';
import type { LiveSettings } from './live-settings';
import type { MainLink, Pass } from './main-link';
import { awaitOutcome, type Outcome } from './reassign-outcome';

// Stops a reassign the user makes in the host's UI, before the host sees it, and replays it once Baton
// allows it: the replay first tells the network net about the request it will make, so that request
// goes straight out.

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
/** A pass granted while the comment posted is granted afresh if less than this is left of it for the replay. */
const REPLAY_MARGIN_MS = 5000;

export interface UiCaptureDeps {
  ctx: PageContext;
  adapter: SiteAdapter;
  settings: LiveSettings;
  enforced(): boolean;
  holds: Holds;
  frames: FramePool;
  link: MainLink;
}

export function captureUi({ ctx, adapter, settings, enforced, holds, frames, link }: UiCaptureDeps): void {
  /** A replay is driving the host's UI: its events are Baton's own, not the user's. */
  let replaying = 0;

  function onUiEvent(event: Event): void {
    if (replaying > 0 || ctx.isInvalid) return;
    void settings.ready();
    if (settings.loaded() && !enforced()) return;
    frames.plan();
    const recognized = adapter.recognize(event);
    if (!recognized) {
      // The checklist is modal over the page, and takes focus just after it is painted
      // (checklist-dialog.tsx): a key that reaches the page meanwhile was meant for the checklist, not
      // for the host's shortcuts.
      if (event.type === 'keydown' && holds.showing()) {
        event.preventDefault();
        event.stopImmediatePropagation();
      }
      return;
    }
    if (recognized === 'opens-reassign') {
      frames.prepareNow();
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    // Its dialog follows in milliseconds: the frame for it cannot wait for the page to be idle.
    frames.prepareNow();
    if (recognized === 'part-of-commit') return;
    if (holds.busy()) {
      holds.focus();
      return;
    }
    const grant = (): Pass => link.grant(recognized.requestShapes?.() ?? [{ tickets: recognized.tickets }]);
    /** A pass granted while the comment posted, kept for the replay unless it has grown old. */
    let prepared: Pass | null = null;
    const release = async (): Promise<Outcome> => {
      let pass = prepared;
      prepared = null;
      if (pass && pass.until - Date.now() < REPLAY_MARGIN_MS) {
        pass.revoke();
        pass = null;
      }
      pass ??= grant();
      replaying += 1;
      try {
        await recognized.replay();
      } finally {
        replaying -= 1;
      }
      const outcome = await awaitOutcome(ctx, pass.answer, recognized.landed);
      // A refusal leaves the dialog up to retry or cancel: the action is not over yet.
      if (outcome.ok) recognized.settled?.();
      return outcome;
    };
    const hold = () => {
      const request: HoldRequest = {
        via: 'ui',
        tickets: recognized.tickets,
        context: recognized.context,
        ...(recognized.enrich ? { enriched: recognized.enrich().catch(() => recognized.context) } : {}),
        prepare() {
          prepared ??= grant();
          return () => {
            prepared?.revoke();
            prepared = null;
          };
        },
        release,
        abort() {
          recognized.settled?.();
        },
        ...(recognized.afterDone ? { afterDone: recognized.afterDone } : {}),
      };
      return holds.start(request);
    };
    if (settings.loaded() && !recognized.confirm) {
      void hold();
      return;
    }
    // A closer look first: the settings (when the very first event is already a reassign), the adapter's.
    holds.setDeciding(true);
    void settings
      .ready()
      .then(() => (enforced() ? (recognized.confirm?.().catch(() => true) ?? true) : false))
      .then((isHandoff) => {
        holds.setDeciding(false);
        if (isHandoff) void hold();
        else void release();
      });
  }

  for (const type of UI_EVENTS) {
    window.addEventListener(type, onUiEvent, { capture: true, signal: ctx.signal });
  }
}
