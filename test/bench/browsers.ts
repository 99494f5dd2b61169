import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Worker } from '@playwright/test';
import { CHROMIUM } from '../e2e/support/launch.ts';

// Two Chromiums launched the same way as the end-to-end tests (test/e2e/support/launch.ts), one with the
// production build loaded and one without it, so every figure has a baseline from the same run. Both
// map the replicated hosts to the local server and every other host name to "not found": the bench
// only ever talks to 127.0.0.1.

export interface BenchBrowser {
  label: string;
  context: BrowserContext;
  /** Only for the browser labelled 'baton'. */
  extensionId?: string;
  worker?: Worker;
  close(): Promise<void>;
}

/**
 * `extensionDir`: the extension to load (Baton's build, or a control), or null for the baseline browser.
 * `profile`: a profile directory to start on (removed on close); a fresh, empty one by default. Only the
 * browser labelled 'baton' waits for the extension's worker before it is handed over.
 */
export async function launchBenchBrowser(
  extensionDir: string | null,
  hostPort: number,
  label = extensionDir ? 'baton' : 'baseline',
  profile = mkdtempSync(join(tmpdir(), extensionDir ? 'baton-bench-' : 'baton-bench-baseline-')),
): Promise<BenchBrowser> {
  const withBaton = extensionDir !== null;
  const extensionArgs = withBaton
    ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]
    : [];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'en-US',
    viewport: { width: 1280, height: 800 },
    env: { ...process.env, LANGUAGE: 'en_US:en' },
    args: [
      ...extensionArgs,
      '--lang=en-US',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--ignore-certificate-errors',
      `--host-resolver-rules=MAP *.atlassian.net 127.0.0.1:${hostPort}, MAP *.zendesk.com 127.0.0.1:${hostPort}, MAP trello.com 127.0.0.1:${hostPort}, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1`,
    ],
  });
  let worker: Worker | undefined;
  let extensionId: string | undefined;
  if (withBaton && label === 'baton') {
    worker =
      context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    extensionId = new URL(worker.url()).host;
  }
  return {
    label,
    context,
    extensionId,
    worker,
    async close() {
      await context.close().catch(() => undefined);
      try {
        rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
      } catch {
        // Chromium may still be writing to its profile as it exits; a leftover temp dir is harmless.
      }
    },
  };
}
