import { browser } from 'wxt/browser';
import { changedMessage, isSettledMessage, readyFrameId, showMessage } from '../checklist/frame-protocol';
import { isOwnOrigin } from '../extension-origin';

// The checklist is an extension page in an iframe over the host page: the page cannot read what is
// typed (drafts stay private) nor press its buttons, its styles cannot leak either way, and keystrokes
// in it never reach the host's shortcuts.
//
// Loading that page (React, the template code) takes longer than the whole click → checklist budget
// (DESIGN.md §9), so a frame is prepared ahead: loaded hidden, inert and out of the accessibility tree,
// and only marked, shown and focused when a reassign is held. Each frame shows one hold, then goes.
// The frame learns which hold from the background, by its tab and frame (lib/checklist/frame-protocol.ts).

export interface ChecklistFrame {
  element: HTMLIFrameElement;
  /** The frame's id, once its page has loaded and said so; rejects if it never does. */
  ready: Promise<number>;
  /** Shows this frame and pokes its page to ask the background for its hold, whose dialog then takes focus. */
  show(): void;
  /** Pokes the frame's page again, e.g. once the background has the hold. */
  poke(): void;
  /** Tells the frame's page that its hold changed, for it to ask the background again. */
  changed(): void;
  /** Brings focus back to the dialog, unless it is there already. */
  focus(): void;
  /**
   * The dialog goes at once; the frame itself once its page has the answer to the request that ended
   * the hold. Firefox rejects a message whose page is gone before the answer ("Promise rejected after
   * context unloaded") and logs it as an error; a hold ended from elsewhere gets no answer, so the
   * frame goes after a while regardless.
   */
  close(): void;
  /** Removes the frame at once: one that never showed a hold. */
  remove(): void;
}

const FRAME_STYLE = [
  'position: fixed',
  'inset: 0',
  'width: 100vw',
  'height: 100vh',
  'border: 0',
  'margin: 0',
  'padding: 0',
  'z-index: 2147483647',
  'background: transparent',
  'color-scheme: normal',
  'display: block',
].join(';');
/** A frame whose page has not said it is ready by then will not: the hold it was to show is dropped. */
const READY_TIMEOUT_MS = 15_000;
/** Until shown: laid out (so it is ready to paint) but not seen, not reachable by pointer or keyboard. */
const STANDBY_STYLE = `${FRAME_STYLE};visibility: hidden;pointer-events: none`;
/** How long a closed frame waits for its page's last answer, which comes within milliseconds when it comes. */
const SETTLE_TIMEOUT_MS = 10_000;

/** Host apps re-render while the dialog is open: find the element that had focus again by its stable hooks. */
function sameElementNow(element: HTMLElement | null): HTMLElement | null {
  if (!element || element.isConnected) return element;
  for (const attribute of ['id', 'data-testid', 'data-test-id']) {
    const value = element.getAttribute(attribute);
    const again = value ? document.querySelector<HTMLElement>(`[${attribute}="${CSS.escape(value)}"]`) : null;
    if (again) return again;
  }
  return null;
}

export function prepareChecklistFrame(title: string): ChecklistFrame {
  const page = browser.runtime.getURL('/checklist.html');
  const frame = document.createElement('iframe');
  frame.src = page;
  frame.title = title;
  frame.setAttribute('data-baton', 'checklist-standby');
  frame.setAttribute('style', STANDBY_STYLE);
  // Copy summary writes to the clipboard from the frame: Chrome lets a cross-origin frame do that only
  // when its parent delegates the permission. Firefox has no such policy feature (it allows a write on a
  // click anyway) and warns about every frame that names it.
  if (!import.meta.env.FIREFOX) frame.setAttribute('allow', 'clipboard-write');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.inert = true;
  let loaded = false;
  const onLoad = new Promise<void>((resolve) =>
    frame.addEventListener(
      'load',
      () => {
        loaded = true;
        resolve();
      },
      { once: true },
    ),
  );
  // Believed only from this frame's own window at Baton's own origin: a page cannot post as either.
  const ready = new Promise<number>((resolve, reject) => {
    const stop = new AbortController();
    const timer = setTimeout(() => {
      stop.abort();
      reject(new Error('checklist frame not ready'));
    }, READY_TIMEOUT_MS);
    window.addEventListener(
      'message',
      (event) => {
        const frameId =
          event.source === frame.contentWindow && isOwnOrigin(event.origin) ? readyFrameId(event.data) : null;
        if (frameId === null) return;
        clearTimeout(timer);
        stop.abort();
        resolve(frameId);
      },
      { signal: stop.signal },
    );
  });
  ready.catch(() => undefined);
  // The poke carries nothing: any origin may see it, and the page may send its own.
  const poke = () => frame.contentWindow?.postMessage(showMessage(), '*');
  let returnFocus: HTMLElement | null = null;
  // On <html> rather than <body>: single-page apps replace body content, which would drop the dialog.
  document.documentElement.append(frame);
  return {
    element: frame,
    ready,
    poke() {
      if (loaded) poke();
    },
    changed() {
      frame.contentWindow?.postMessage(changedMessage(), '*');
    },
    show() {
      returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      frame.inert = false;
      frame.removeAttribute('aria-hidden');
      frame.removeAttribute('tabindex');
      frame.setAttribute('style', FRAME_STYLE);
      frame.setAttribute('data-baton', 'checklist');
      // A frame still loading is poked once its page listens. The dialog takes focus itself once it has
      // been painted: focusing the frame from here in the moment its page commits (or again once it has
      // focus) makes Chromium hand the keyboard back to the host while a field in the dialog looks focused,
      // and what is typed next lands in the host page.
      if (loaded) poke();
      else void onLoad.then(poke);
    },
    focus() {
      if (document.activeElement !== frame) frame.focus();
    },
    close() {
      frame.setAttribute('data-baton', 'checklist-closed');
      frame.setAttribute('style', STANDBY_STYLE);
      frame.setAttribute('aria-hidden', 'true');
      frame.tabIndex = -1;
      frame.inert = true;
      sameElementNow(returnFocus)?.focus({ preventScroll: true });
      const gone = () => {
        window.removeEventListener('message', onMessage);
        clearTimeout(timer);
        frame.remove();
      };
      const onMessage = (event: MessageEvent) => {
        if (event.source === frame.contentWindow && isSettledMessage(event.data)) gone();
      };
      window.addEventListener('message', onMessage);
      const timer = setTimeout(gone, SETTLE_TIMEOUT_MS);
    },
    remove() {
      frame.remove();
    },
  };
}
