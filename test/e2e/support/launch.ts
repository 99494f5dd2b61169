import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Worker } from '@playwright/test';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface LaunchOptions {
  /** Port of the local host server that answers for the replicated hosts. */
  hostPort: number;
  headless?: boolean;
  /** Browser UI language, e.g. 'ko'. */
  lang?: string;
  /** A profile to start again, as after a browser restart; a fresh one by default. */
  profileDir?: string;
}

export function newProfileDir(): string {
  return mkdtempSync(join(tmpdir(), 'baton-profile-'));
}

/** Chromium with the production build loaded, the replicated hosts mapped to the local server. */
export async function launchWithExtension(
  options: LaunchOptions,
): Promise<{ context: BrowserContext; extensionId: string; worker: Worker }> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No production build in ${EXTENSION_DIR}: run "npm run build" first.`);
  }
  if (!existsSync(CHROMIUM))
    throw new Error(`No Chromium at ${CHROMIUM}: run "apt-get install -y chromium".`);
  const lang = options.lang ?? 'en-US';
  const profile = options.profileDir ?? newProfileDir();
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    locale: lang,
    env: { ...process.env, LANGUAGE: lang === 'ko' ? 'ko' : 'en_US:en' },
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      `--lang=${lang}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--ignore-certificate-errors',
      `--host-resolver-rules=MAP *.atlassian.net 127.0.0.1:${options.hostPort}, MAP *.zendesk.com 127.0.0.1:${options.hostPort}, MAP trello.com 127.0.0.1:${options.hostPort}, MAP jira.example-corp.test 127.0.0.1:${options.hostPort}`,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  // The worker is reported as soon as it exists; a test's first navigation must wait until its
  // script has run and registered its listeners (tabs.onUpdated), as in a browser where Baton was
  // installed before the user opened any ticket. An evaluation is answered only after that.
  await worker.evaluate(() => true);
  const extensionId = new URL(worker.url()).host;
  return { context, extensionId, worker };
}

/** Kills the browser running on a profile outright, as a crash does: nothing of it gets to run on the way out. */
export function killBrowser(profileDir: string): void {
  const flag = `--user-data-dir=${profileDir}`;
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    let args: string[];
    try {
      args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    } catch {
      continue;
    }
    if (args.includes(flag)) process.kill(Number(pid), 'SIGKILL');
  }
}
