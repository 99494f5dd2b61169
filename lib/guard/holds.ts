import type { HandoffContext } from '../checklist/context';
import { fitContext } from '../checklist/context-limits';
import type { PageContext } from '../host-page/page-context';
import type { SiteAdapter } from './adapter';
import { sendFromContent } from './background-messages';
import type { ChecklistFrame } from './checklist-frame';
import type { FramePool } from './frame-pool';
import { type Outcome, refused } from './reassign-outcome';

// The one hold open on this page: its dialog, and its end (released, aborted or turned off), exactly once.

/**
 * The frame for the next reassign starts loading this long after a dialog opened: once it has painted
 * (its fade-in runs on the compositor, which that load does not hold up), and well before a person has
 * read it, so that a reassign made again right after a Cancel (the wrong person picked) finds its frame
 * loaded rather than loading.
 */
const NEXT_STANDBY_DELAY_MS = 100;

/** A reassign Baton stopped, whichever way it came (a UI action or a held network request). */
export interface HoldRequest {
  via: 'ui' | 'network';
  /** What the page needs once the handoff is recorded (see RecognizedAction.afterDone). */
  afterDone?: () => void;
  tickets: string[];
  /** What is known at once: the dialog opens with it. */
  context: HandoffContext;
  /** The whole context, where the page reads more (see RecognizedAction.enrich): the hold gets it when read. */
  enriched?: Promise<HandoffContext>;
  /**
   * Makes ready what the release needs while the comment posts (a UI action tells the network net
   * about its request); returns how to undo that if the release does not follow.
   */
  prepare?(): () => void;
  /** Performs the reassign, and says whether the host really did it. */
  release(): Promise<Outcome>;
  abort(): void;
}

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
  /** Stops the heartbeat that goes with an open dialog. */
  unwatch(): void;
}

export interface Holds {
  /** A hold is open, or a reassign is being looked at: another one meanwhile waits its turn. */
  busy(): boolean;
  /** Marks that a reassign is being looked at (a held request described, a UI action confirmed). */
  setDeciding(deciding: boolean): void;
  /** Brings the open dialog's focus back. */
  focus(): void;
  /** A hold's checklist is up over the page (from the reassign until the hold ends). */
  showing(): boolean;
  start(request: HoldRequest): Promise<void>;
  /** The open hold with this id, marked as posting its comment; null when it is not the open one. */
  posting(id: string): HoldRequest | null;
  release(id: string, completes: boolean): Promise<Outcome>;
  abort(id: string): boolean;
  /** Settings turned Baton off for this site under an open hold. */
  releaseIfOff(): void;
  /** The extension went away: the open hold, if any, leaves the host as it was. */
  abortOpen(): void;
}

export interface HoldsDeps {
  ctx: PageContext;
  adapter: SiteAdapter;
  enforced(): boolean;
  frames: FramePool;
  /** Starts what goes with an open dialog (the heartbeat); returns its stop. */
  watch(): () => void;
  /** The background will write about this hold: its messages must be heard from now on. */
  listen(): void;
}

export function holds({ ctx, adapter, enforced, frames, watch, listen }: HoldsDeps): Holds {
  let active: ActiveHold | null = null;
  let deciding = false;

  /**
   * Takes the hold off the page: its dialog goes, and the next hold gets a frame loaded ahead at once
   * (one reassign often follows another within a second while a queue is triaged; with the dialog gone,
   * that load competes with nothing of Baton's).
   */
  function end(id: string): ActiveHold | null {
    if (active?.id !== id) return null;
    const hold = active;
    active = null;
    hold.unwatch();
    hold.frame.close();
    frames.prepareNow();
    return hold;
  }

  function abort(id: string): boolean {
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
  async function release(id: string, completes: boolean): Promise<Outcome> {
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

  async function start(request: HoldRequest): Promise<void> {
    if (!enforced()) {
      // Turned off while the reassign was being looked at.
      void request.release().catch(() => undefined);
      return;
    }
    const id = crypto.randomUUID();
    const frame = frames.take();
    frame.show();
    const unwatch = watch();
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
    await open.catch(() => abort(id));
    ctx.setTimeout(frames.plan, NEXT_STANDBY_DELAY_MS);
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

  return {
    busy: () => active !== null || deciding,
    setDeciding(value) {
      deciding = value;
    },
    focus: () => active?.frame.focus(),
    showing: () => active !== null,
    start,
    posting(id) {
      if (active?.id !== id) return null;
      active.posting = true;
      return active.request;
    },
    release,
    abort,
    /**
     * The settings changed under an open hold (the administrator's policy arrived after the first
     * reassign, see live-settings.ts) and Baton is now off for this site: the reassign goes through as
     * if it had been off all along, with no checklist and nothing counted. A handoff the user already
     * completed is left to finish.
     */
    releaseIfOff() {
      const hold = active;
      if (!hold || enforced() || hold.posting || hold.releasing) return;
      end(hold.id);
      void hold.request.release().catch(() => undefined);
      void hold.opened
        .then(() => sendFromContent({ type: 'hold:off', holdId: hold.id }))
        .catch(() => undefined);
    },
    abortOpen() {
      if (active) abort(active.id);
    },
  };
}
