import { browser } from 'wxt/browser';

// Where Baton's own pages live. Chrome hands a page the web-accessible checklist and banner only at the
// session's dynamic URL (use_dynamic_url in wxt.config.ts; that is what runtime.getURL returns there),
// and the page then commits at the extension's fixed origin, chrome-extension://<id>. Firefox has one
// moz-extension://<uuid> origin, random per installation, for both.

/** Whether a message's origin is one of Baton's own pages. */
export function isOwnOrigin(origin: string): boolean {
  // Read off the URL's text: this runs for every message the host page gets while a frame is pending.
  const root = browser.runtime.getURL('/');
  const scheme = root.slice(0, root.indexOf('://'));
  return origin === root.replace(/\/$/, '') || origin === `${scheme}://${browser.runtime.id}`;
}

/** Whether a sender's URL is this page of Baton's (e.g. '/checklist.html'), with any query or hash. */
export function isOwnPage(url: string | undefined, path: string): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return isOwnOrigin(parsed.origin) && parsed.pathname === path;
  } catch {
    return false;
  }
}
