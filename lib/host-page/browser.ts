// `wxt/browser` for the scripts on every host page (wxt.config.ts): the browser's own extension API,
// `browser` where the browser defines it (Firefox, recent Chromium) and MV3 `chrome` elsewhere. WXT's
// module picks between them by reading `browser.runtime.id` as it loads, which builds Chromium's
// runtime API in the page's isolated world on every page load (docs/host-page-budget.md); here nothing
// is read until it is used.
type ExtensionApi = typeof import('@wxt-dev/browser').browser;

const api = globalThis as unknown as { browser?: ExtensionApi; chrome: ExtensionApi };

export const browser: ExtensionApi = api.browser ?? api.chrome;
