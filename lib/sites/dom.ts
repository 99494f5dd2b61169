import type { Recognition } from '../guard/adapter';

// DOM helpers every adapter needs, so each adapter keeps only what it knows about its host.

/** Typing targets: a host's single-key shortcuts must not fire from these, and neither may Baton's. */
export function editable(element: Element): boolean {
  return (
    element instanceof HTMLInputElement ||
    element instanceof HTMLTextAreaElement ||
    element instanceof HTMLSelectElement ||
    (element instanceof HTMLElement && element.isContentEditable)
  );
}

/** An element's text as a person reads it: whitespace collapsed, trimmed. */
export function text(element: Element | null | undefined): string {
  return element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** The adapter's recognize(): pointer events and keydowns go to their handlers with the real target (inside shadow roots too). */
export function recognizeWith(
  pointer: (event: MouseEvent, target: Element) => Recognition,
  key: (event: KeyboardEvent, target: Element) => Recognition,
): (event: Event) => Recognition {
  return (event) => {
    const target = event.composedPath()[0];
    if (!(target instanceof Element)) return null;
    if (event instanceof MouseEvent) return pointer(event, target);
    if (event instanceof KeyboardEvent && event.type === 'keydown') return key(event, target);
    return null;
  };
}

/** A list of selectors, newest first, as one selector matching any of them. */
export const any = (list: readonly string[]) => list.join(', ');

/**
 * What `find` finds, as soon as the page shows it (looked for again on every change of the DOM), or null
 * once `timeoutMs` has passed: a replay waits for the host's widget as long as the host takes, not a
 * polling step more.
 */
export function whenFound<T>(find: () => T | null, timeoutMs: number): Promise<T | null> {
  const found = find();
  if (found) return Promise.resolve(found);
  return new Promise((resolve) => {
    const done = (value: T | null) => {
      observer.disconnect();
      clearTimeout(timer);
      resolve(value);
    };
    const observer = new MutationObserver(() => {
      const now = find();
      if (now) done(now);
    });
    const timer = setTimeout(() => done(find()), timeoutMs);
    observer.observe(document.documentElement, { childList: true, subtree: true, attributes: true });
  });
}
