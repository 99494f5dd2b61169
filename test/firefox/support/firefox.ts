import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

// Debian's Firefox ESR driven over WebDriver BiDi (puppeteer-core; no browser is downloaded), with the
// production build installed as a temporary add-on. Firefox cannot map a host name to another port, so
// the replicas' server listens on 443 and `network.dns.localDomains` sends the hosts to 127.0.0.1.

export const EXTENSION_DIR = resolve('.output/firefox-mv3');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const GECKO_ID = 'baton@baton-handoffs.app';
/** Fixed by a pref, so extension pages have a known address. */
export const EXTENSION_UUID = '6d1c8b4e-3f7a-4c2e-9a51-0b7e2d4c9f10';
export const REPLICA_HOSTS = ['acme.atlassian.net', 'acme.zendesk.com', 'trello.com'];

/** What Firefox logged to its browser console (nsIConsoleService): page, extension and add-on manager. */
export interface ConsoleEntry {
  /** ms since the epoch. */
  at: number;
  /** 'error', 'warning' or 'info' (a plain message). */
  level: string;
  message: string;
  source: string;
  category: string;
}

/** The raw BiDi connection under puppeteer: for what its API does not cover (chrome scope, extension pages). */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}

export interface Firefox {
  browser: Browser;
  /** A new tab, focused (Firefox's first window is not, and react-select opens its menu on focus). */
  newPage(): Promise<Page>;
  /** Opens an extension page in a new tab; its document is read through the returned page. */
  openExtensionPage(path: string): Promise<Page>;
  /** Everything the browser console holds, oldest first. */
  consoleEntries(): Promise<ConsoleEntry[]>;
  /** Unloads the add-on's event page, as Firefox does after a while without events. */
  stopEventPage(): Promise<string>;
  close(): Promise<void>;
}

export async function launchFirefox(): Promise<Firefox> {
  if (!existsSync(resolve(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No Firefox build in ${EXTENSION_DIR}: run "npm run build" first.`);
  }
  if (!existsSync(FIREFOX))
    throw new Error(`No Firefox at ${FIREFOX}: run "apt-get install -y firefox-esr".`);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    acceptInsecureCerts: true,
    // Lets BiDi reach the browser's own (chrome) scope and open moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    env: { ...process.env, LANGUAGE: 'en_US:en' },
    extraPrefsFirefox: {
      'network.dns.localDomains': REPLICA_HOSTS.join(','),
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      'intl.locale.requested': 'en-US',
    },
  });
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const chromeContext = (tree.result.contexts as { context: string }[])[0]?.context;
  if (!chromeContext) throw new Error('Firefox did not expose its chrome scope over BiDi');

  /** Evaluates privileged script in the browser window (Services, WebExtensionPolicy…); JSON comes back. */
  async function inChrome<T>(expression: string): Promise<T> {
    const { result } = await connection.send('script.evaluate', {
      expression: `(async () => JSON.stringify(await (${expression})))()`,
      target: { context: chromeContext },
      awaitPromise: true,
      resultOwnership: 'none',
    });
    if (result.type !== 'success') throw new Error(`chrome-scope script failed: ${JSON.stringify(result)}`);
    return JSON.parse((result.result as { value: string }).value) as T;
  }

  await browser.installExtension(EXTENSION_DIR);

  async function newPage(): Promise<Page> {
    const page = await browser.newPage();
    await page.bringToFront();
    return page;
  }

  return {
    browser,
    newPage,
    async openExtensionPage(path) {
      const page = await newPage();
      // page.goto never sees a load event for a moz-extension:// document over BiDi: navigate without
      // waiting, then wait for the document itself.
      const context = (page.mainFrame() as unknown as { _id: string })._id;
      await connection.send('browsingContext.navigate', {
        context,
        url: `moz-extension://${EXTENSION_UUID}/${path}`,
        wait: 'none',
      });
      await page.waitForFunction(
        (prefix) => location.href.startsWith(prefix) && document.readyState === 'complete',
        {},
        `moz-extension://${EXTENSION_UUID}/`,
      );
      return page;
    },
    consoleEntries: () =>
      inChrome<ConsoleEntry[]>(`Services.console.getMessageArray().map((m) => {
        const error = m instanceof Ci.nsIScriptError ? m : null;
        return {
          at: m.timeStamp,
          level: !error ? 'info' : error.flags & Ci.nsIScriptError.warningFlag ? 'warning' : 'error',
          message: error ? error.errorMessage : m.message,
          source: error ? error.sourceName : '',
          category: error ? error.category : '',
        };
      })`),
    stopEventPage: () =>
      inChrome<string>(`(async () => {
        const extension = WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)}).extension;
        await extension.terminateBackground({ ignoreDevToolsAttached: true, disableResetIdleForTest: true });
        return extension.backgroundState;
      })()`),
    close: () => browser.close(),
  };
}

/** Entries about Baton: from its pages and scripts, or the add-on manager speaking of it. */
export function batonEntries(entries: ConsoleEntry[], since: number): ConsoleEntry[] {
  const ours = `moz-extension://${EXTENSION_UUID}/`;
  return entries.filter(
    (entry) =>
      entry.at >= since &&
      (entry.source.startsWith(ours) || entry.message.includes(ours) || entry.message.includes(GECKO_ID)),
  );
}
