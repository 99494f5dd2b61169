import { browser } from 'wxt/browser';

// The checklist is an extension page in an iframe over the host page: the page cannot read what is
// typed (drafts stay private) nor press its buttons, its styles cannot leak either way, and keystrokes
// in it never reach the host's shortcuts.

export interface ChecklistFrame {
  element: HTMLIFrameElement;
  focus(): void;
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

export function mountChecklistFrame(holdId: string, title: string): ChecklistFrame {
  const returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const frame = document.createElement('iframe');
  frame.src = `${browser.runtime.getURL('/checklist.html')}#${encodeURIComponent(holdId)}`;
  frame.title = title;
  frame.setAttribute('data-baton', 'checklist');
  frame.setAttribute('style', FRAME_STYLE);
  frame.setAttribute('allow', 'clipboard-write');
  // On <html> rather than <body>: single-page apps replace body content, which would drop the dialog.
  document.documentElement.append(frame);
  // Focus moves into the frame only once its document exists; before that it would stay on the page.
  frame.addEventListener('load', () => frame.focus(), { once: true });
  frame.focus();
  return {
    element: frame,
    focus: () => frame.focus(),
    remove() {
      frame.remove();
      sameElementNow(returnFocus)?.focus({ preventScroll: true });
    },
  };
}
