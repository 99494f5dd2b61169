// Store screenshots (1280x800, what both the Chrome Web Store and Firefox Add-ons take) of the production
// build on the local replicas: the checklist on Jira, Zendesk and Trello, the popup and the options page.
// Run: `npm run screenshots` (builds first). Writes store/screenshots/<n>-<name>.png.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { startHostServer } from '../e2e/fixtures/host-server.ts';
import { checklist, fillChecklist, GOOD_ANSWERS } from '../e2e/support/checklist.ts';
import { chooseJiraAssignee } from '../e2e/support/jira.ts';
import { launchWithExtension } from '../e2e/support/launch.ts';

const SIZE = { width: 1280, height: 800 };
const OUT = resolve('store/screenshots');

async function newPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize(SIZE);
  return page;
}

/** Fills the checklist, shoots, then completes it so the popup has handoffs to show. */
async function shootChecklist(page: Page, file: string): Promise<void> {
  const dialog = checklist(page);
  await dialog.waitFor();
  await fillChecklist(dialog, GOOD_ANSWERS);
  await dialog.getByLabel('Situation', { exact: true }).focus();
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(OUT, file) });
  console.log(file);
  await dialog.getByRole('button', { name: 'Complete handoff' }).click();
  await dialog.waitFor({ state: 'detached', timeout: 15_000 }).catch(() => undefined);
}

mkdirSync(OUT, { recursive: true });
const server = await startHostServer();
const { context, extensionId } = await launchWithExtension({ hostPort: server.port });
try {
  const jira = await newPage(context);
  await jira.goto('https://acme.atlassian.net/browse/ACME-1');
  await chooseJiraAssignee(jira, 'Bob Chen');
  await shootChecklist(jira, '1-jira-checklist.png');

  const zendesk = await newPage(context);
  await zendesk.goto('https://acme.zendesk.com/agent/tickets/101');
  const ticket = zendesk.locator('[data-test-id="ticket-101-standard-layout"]');
  await ticket.locator('[data-test-id="assignee-field-autocomplete-trigger"]').click();
  await ticket.getByRole('option', { name: 'Support', exact: true }).click();
  await ticket.getByRole('option', { name: 'Bob Chen', exact: true }).click();
  await ticket.locator('[data-test-id="submit_button-button"]').click();
  await shootChecklist(zendesk, '2-zendesk-checklist.png');

  const trello = await newPage(context);
  await trello.goto('https://trello.com/c/Xy12Ab34/1-refund-not-received');
  await trello.locator('[data-testid="card-back-members-button"]').click();
  await trello.locator('[data-testid="members-popover"]').getByRole('button', { name: 'Bob Chen' }).click();
  await shootChecklist(trello, '3-trello-checklist.png');

  // The popup at its own size, shown on a plain 1280x800 canvas the way the toolbar opens it.
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 420, height: 760 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.waitForTimeout(800);
  const popupPng = await popup.screenshot({ fullPage: false });
  const canvas = await newPage(context);
  await canvas.setContent(
    `<body style="margin:0;width:1280px;height:800px;background:#E9F2FF;display:flex;align-items:center;justify-content:center;gap:56px;font-family:'Noto Sans','DejaVu Sans',sans-serif;color:#172B4D">
      <div style="max-width:420px"><div style="font-size:40px;font-weight:700;color:#0C66E4">Every handoff, counted</div>
      <p style="font-size:22px;line-height:1.4">Handoffs, completion rate and time to fill, per site and reason. Counted in your browser only.</p></div>
      <img src="data:image/png;base64,${popupPng.toString('base64')}" width="420" height="760" style="border-radius:8px;box-shadow:0 8px 24px rgba(9,30,66,.25)">
    </body>`,
  );
  await canvas.screenshot({ path: join(OUT, '4-popup.png') });
  console.log('4-popup.png');

  const options = await newPage(context);
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.waitForTimeout(800);
  await options.screenshot({ path: join(OUT, '5-options.png') });
  console.log('5-options.png');
} finally {
  await context.close();
  await server.close();
}
