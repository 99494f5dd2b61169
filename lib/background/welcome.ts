import { browser } from 'wxt/browser';

/** The first-run page opens once, after a fresh install (not on updates or browser updates). */
export function openWelcomeOnInstall(details: { reason: string }): void {
  if (details.reason !== 'install') return;
  void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') }).catch(() => undefined);
}
