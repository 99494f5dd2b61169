import { browser } from 'wxt/browser';
import type { PageContext } from '../host-page/page-context';
import { type ChecklistFrame, prepareChecklistFrame } from './checklist-frame';

// One checklist frame loaded ahead (standby), so that a hold's dialog shows without waiting for its page.

/** A page that is never idle still gets its frame loaded ahead, this long after first use. */
const STANDBY_IDLE_TIMEOUT_MS = 500;

export interface FramePool {
  /** The frame loaded ahead, or a new one. */
  take(): ChecklistFrame;
  /**
   * Loads a frame ahead when the page is next idle, unless one is loaded: on first use, and once each
   * dialog is up (one reassign often follows another closely when a queue is triaged).
   */
  plan(): void;
  /** Loads a frame ahead now, unless one is loaded: a reassign is under way (pressed, or being looked at). */
  prepareNow(): void;
  /** The extension went away: the frame loaded ahead goes. */
  dispose(): void;
}

export function framePool(ctx: PageContext): FramePool {
  const prepare = () => prepareChecklistFrame(browser.i18n.getMessage('checklistTitle'));
  let standby: ChecklistFrame | null = null;
  let planned = false;
  return {
    take() {
      const frame = standby ?? prepare();
      standby = null;
      return frame;
    },
    plan() {
      if (planned || standby || ctx.isInvalid) return;
      planned = true;
      ctx.requestIdleCallback(
        () => {
          planned = false;
          if (!standby && !ctx.isInvalid) standby = prepare();
        },
        { timeout: STANDBY_IDLE_TIMEOUT_MS },
      );
    },
    prepareNow() {
      if (!standby && !ctx.isInvalid) standby = prepare();
    },
    dispose() {
      standby?.remove();
      standby = null;
    },
  };
}
