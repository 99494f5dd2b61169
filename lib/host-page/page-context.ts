import { browser } from 'wxt/browser';

// What the scripts on every host page get as `ctx`, in place of WXT's ContentScriptContext (wxt.config.ts
// swaps it in for those builds; docs/host-page-budget.md has the figures). WXT's context reads
// `browser.runtime.id` when its module loads and dispatches a "started" event on `document` for each
// script: the first read of `runtime` builds Chromium's whole runtime API in the page's isolated world,
// about 1 ms of every page load. This one touches the extension API only when asked whether the
// extension is still there, which the guard first does on the first pointer or key event.
//
// The "started" event tells an older copy of the script in the same page to stop. Baton never puts its
// host-page scripts into a page already open: Chromium leaves the old copy running without an extension
// behind it, and it stops itself on the next event it sees (isInvalid).

/** The part of WXT's ContentScriptContext that Baton's host-page scripts use. */
export interface PageContext {
  readonly signal: AbortSignal;
  /** The extension was updated, reloaded or removed under this script: it should leave the page alone. */
  readonly isInvalid: boolean;
  onInvalidated(callback: () => void): () => void;
  notifyInvalidated(): void;
  setTimeout(handler: () => void, timeout?: number): number;
  requestIdleCallback(callback: IdleRequestCallback, options?: IdleRequestOptions): number;
  addEventListener<K extends keyof WindowEventMap>(
    target: Window,
    type: K,
    handler: (event: WindowEventMap[K]) => void,
    options?: AddEventListenerOptions,
  ): void;
}

export class ContentScriptContext implements PageContext {
  private readonly abortController = new AbortController();

  get signal(): AbortSignal {
    return this.abortController.signal;
  }

  get isInvalid(): boolean {
    if (!this.signal.aborted && extensionGone()) this.notifyInvalidated();
    return this.signal.aborted;
  }

  onInvalidated(callback: () => void): () => void {
    this.signal.addEventListener('abort', callback);
    return () => this.signal.removeEventListener('abort', callback);
  }

  notifyInvalidated(): void {
    this.abortController.abort('Content script context invalidated');
  }

  setTimeout(handler: () => void, timeout?: number): number {
    const id = window.setTimeout(() => {
      if (!this.isInvalid) handler();
    }, timeout);
    this.onInvalidated(() => clearTimeout(id));
    return id;
  }

  requestIdleCallback(callback: IdleRequestCallback, options?: IdleRequestOptions): number {
    const id = window.requestIdleCallback((deadline) => {
      if (!this.signal.aborted) callback(deadline);
    }, options);
    this.onInvalidated(() => cancelIdleCallback(id));
    return id;
  }

  addEventListener<K extends keyof WindowEventMap>(
    target: Window,
    type: K,
    handler: (event: WindowEventMap[K]) => void,
    options?: AddEventListenerOptions,
  ): void {
    target.addEventListener(type, handler, { ...options, signal: this.signal });
  }
}

/** An orphaned content script's extension APIs throw "Extension context invalidated", or lose their id. */
export function extensionGone(): boolean {
  try {
    return !browser.runtime?.id || !browser.runtime.getManifest();
  } catch {
    return true;
  }
}
