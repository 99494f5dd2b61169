import { type BrowserContext, test as base, expect, type Page, type Worker } from '@playwright/test';
import { type HostServer, startHostServer } from '../fixtures/host-server.ts';
import { launchWithExtension } from './launch.ts';

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
    const ext = await launchWithExtension({ hostPort: server.port });
    await use(ext);
    await ext.context.close();
  },
  page: async ({ ext }, use) => {
    const page = ext.context.pages()[0] ?? (await ext.context.newPage());
    await use(page);
  },
});

export * from './checklist.ts';
export * from './jira.ts';
export { expect };
