import type { Page } from '@playwright/test';
import { startHostServer } from '../e2e/fixtures/host-server.ts';
import {
  checklist,
  commentRequests,
  fillChecklist,
  reassignedTo,
  reassignRequests,
} from '../e2e/support/checklist.ts';
import { chooseJiraAssignee } from '../e2e/support/jira.ts';
import { launchWithExtension } from '../e2e/support/launch.ts';

// `npm run demo`: Baton's production build in Chromium on the local Jira replica, so anyone can try a
// guarded reassign without a Jira account. With a display it opens a window to play in; without one
// it walks through a handoff headless and prints what happened.

const ISSUE_URL = 'https://acme.atlassian.net/browse/ACME-1';
const interactive = Boolean(process.env.DISPLAY) && !process.argv.includes('--headless');

const say = (line: string) => console.log(line);
const assigneeOf = (page: Page) =>
  page
    .locator('[data-testid="issue.views.field.user.assignee"]')
    .textContent()
    .then((t) => (t ?? '').trim());

async function walkThrough(page: Page, server: Awaited<ReturnType<typeof startHostServer>>) {
  await page.goto(ISSUE_URL);
  say(`1. Opened ${ISSUE_URL} (the local Jira replica). Assignee: ${await assigneeOf(page)}.`);

  await chooseJiraAssignee(page, 'Bob Chen');
  const dialog = checklist(page);
  await dialog.waitFor();
  say(
    `2. Chose Bob Chen in the Assignee picker. Baton held the reassign and opened "Handoff checklist"; ` +
      `reassign requests Jira has seen so far: ${reassignRequests(server).length}.`,
  );

  await fillChecklist(dialog);
  await dialog.getByRole('button', { name: 'Complete handoff' }).click();
  await dialog.waitFor({ state: 'hidden' });
  say(
    '3. Filled the checklist (reason, situation, impact, what was done, next action, what the customer was told, risks, links) and pressed "Complete handoff".',
  );

  const [comment] = commentRequests(server);
  const [reassign] = reassignRequests(server);
  if (!comment || !reassign)
    throw new Error('The replica did not receive both the comment and the reassign.');
  say(`4. Jira received, in this order:`);
  say(
    `   #${comment.seq} ${comment.method} ${comment.path} (Atlassian Document Format, ${comment.body.length} bytes)`,
  );
  say(`   #${reassign.seq} ${reassign.method} ${reassign.path} (assignee ${reassignedTo(reassign)})`);
  say(`5. The page now shows the assignee: ${await assigneeOf(page)}. The comment, as Jira stored it:`);
  for (const line of server.jira.comments('ACME-1').at(-1)?.text.split('\n') ?? []) say(`   | ${line}`);

  const popup = await page.context().newPage();
  await popup.goto(
    `chrome-extension://${new URL(page.context().serviceWorkers()[0]?.url() ?? '').host}/popup.html`,
  );
  const figure = (name: string) => popup.getByRole('status', { name }).textContent();
  say(
    `6. Baton's popup: Handoffs ${await figure('Handoffs')}, Completion rate ${await figure('Completion rate')}, ` +
      `Median time to fill ${await figure('Median time to fill')}.`,
  );
}

async function main() {
  const server = await startHostServer();
  const { context } = await launchWithExtension({ hostPort: server.port, headless: !interactive });
  const page = context.pages()[0] ?? (await context.newPage());
  try {
    if (interactive) {
      await page.goto(ISSUE_URL);
      say(`Baton is loaded in Chromium on the local Jira replica: ${ISSUE_URL}`);
      say(
        'Reassign the ticket (Assignee picker, "Assign to me", or the a / i shortcuts) and fill the checklist.',
      );
      say('Close the browser window to stop.');
      await new Promise<void>((resolve) => context.on('close', () => resolve()));
    } else {
      say('No display found: running the demo headless as a scripted walk-through.\n');
      await walkThrough(page, server);
      say(
        '\nTo try it by hand, run `npm run demo` in a desktop session: Chromium opens on the replica for you to play with.',
      );
    }
  } finally {
    await context.close().catch(() => undefined);
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
