import { rmSync } from 'node:fs';
import { type BrowserContext, test as base, expect, type Page, type Worker } from '@playwright/test';
import { type HostServer, startHostServer } from '../fixtures/host-server.ts';
import { launchWithExtension, newProfileDir } from './launch.ts';

export interface Extension {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
}

export const test = base.extend<{ ext: Extension; page: Page }, { server: HostServer }>({
  server: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads fixture dependencies from the pattern.
    async ({}, use) => {
      const server = await startHostServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  ext: async ({ server }, use) => {
    server.reset();
    server.clearRequests();
    const profileDir = newProfileDir();
    const ext = await launchWithExtension({ hostPort: server.port, profileDir });
    await use(ext);
    await ext.context.close();
    // Each test's profile is tens of megabytes once Chromium has run in it.
    rmSync(profileDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  },
  page: async ({ ext }, use) => {
    const page = ext.context.pages()[0] ?? (await ext.context.newPage());
    await use(page);
  },
});

export * from './checklist.ts';
export * from './jira.ts';
export { expect };
