import type { Page } from '@playwright/test';
import { markerLine } from '../../lib/checklist/marker';
import { renderWiki } from '../../lib/checklist/render-wiki';
import type { Summary } from '../../lib/checklist/summary';
import type { HostServer } from './fixtures/host-server.ts';
import { DC_ORIGIN } from './fixtures/jira-dc/dc-site.ts';
import { readableText } from './fixtures/jira-dc/wiki-renderer.ts';
import {
  checklist,
  type Extension,
  expect,
  fillChecklist,
  GOOD_ANSWERS,
  LABELS,
  test,
} from './support/fixtures.ts';

// Jira Data Center on a company's own host (jira.example-corp.test, Jira under /jira), added as a
// custom host on the options page. Headless Chromium cannot answer the browser's permission prompt, so
// the site is first granted where a person can grant it without one (chrome://extensions, the
// extension's site access); the options page then finds it granted and makes it active at once
// (DESIGN.md §8).

const ISSUE = `${DC_ORIGIN}/jira/browse/OPS-7`;

// The extension's own pages' globals, in evaluate callbacks that run there.
declare const chrome: {
  developerPrivate: { addHostPermission(id: string, host: string): Promise<void> };
  scripting: { getRegisteredContentScripts(): Promise<{ id: string }[]> };
};

async function addDataCenterHost(ext: Extension, page: Page): Promise<void> {
  await page.goto(`chrome://extensions/?id=${ext.extensionId}`);
  await page.evaluate(([id, host]) => chrome.developerPrivate.addHostPermission(id, host), [
    ext.extensionId,
    `${DC_ORIGIN}/*`,
  ] as const);
  await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await page.getByLabel('Address (https)').fill(`${DC_ORIGIN}/jira/browse/OPS-7`);
  await page.getByLabel('Site type').selectOption({ label: 'Jira' });
  await page.getByRole('button', { name: 'Add host' }).click();
  await expect(page.getByText(`${DC_ORIGIN} added as Jira`)).toBeVisible();
  await expect
    .poll(() =>
      ext.worker.evaluate(async () =>
        (await chrome.scripting.getRegisteredContentScripts()).map((script) => script.id),
      ),
    )
    .toContain(`custom-host:jira:${DC_ORIGIN}`);
}

const assignee = (page: Page) => page.locator('#assignee-val');

/** Opens the Assignee inline edit and picks a person from its suggestions; nothing is saved yet. */
async function pickAssignee(page: Page, name: string): Promise<void> {
  await assignee(page).click();
  await page.getByRole('combobox', { name: 'Assignee' }).fill(name.split(' ')[0] ?? name);
  await page.locator('#assignee-suggestions').getByRole('option', { name }).click();
  await expect(page.getByRole('combobox', { name: 'Assignee' })).toHaveValue(name);
}

const saves = (server: HostServer) =>
  server
    .requests({ method: 'POST', path: /\/jira\/secure\/AjaxIssueAction\.jspa$/ })
    .filter((r) => r.status !== undefined);
const comments = (server: HostServer) =>
  server.requests({ method: 'POST', path: /^\/jira\/rest\/api\/2\/issue\/[^/]+\/comment$/ });

test.beforeEach(async ({ ext, page }) => {
  await addDataCenterHost(ext, page);
});

test('a person picked in the inline edit waits for the checklist on save, the wiki comment lands, then Jira saves', async ({
  page,
  server,
}) => {
  await page.goto(ISSUE);
  await expect(assignee(page)).toContainText('Bob Chen');
  await pickAssignee(page, 'Dana Lee');
  // Picking saves nothing on Data Center; ✓ does.
  expect(saves(server)).toHaveLength(0);
  await page.getByRole('button', { name: 'Save' }).click();

  const dialog = checklist(page);
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('OPS-7');
  await expect(dialog).toContainText('Dana Lee');
  expect(saves(server)).toHaveLength(0);
  expect(server.jiraDc.issue('OPS-7').assignee).toBe('bchen');

  await fillChecklist(dialog);
  await dialog.getByRole('button', { name: 'Complete handoff' }).click();
  await expect(dialog).toBeHidden();
  await expect(assignee(page)).toContainText('Dana Lee');
  expect(server.jiraDc.issue('OPS-7').assignee).toBe('dana.lee');

  const [comment] = comments(server);
  const [save] = saves(server);
  expect(comment && save && comment.seq < save.seq).toBe(true);
  expect(comment?.headers['x-atlassian-token']).toBe('no-check');
  const body = (comment?.json as { body?: unknown } | undefined)?.body;
  expect(typeof body).toBe('string');
  expect(body).toMatch(/^h3\. Handoff\n/);
  expect(body).toContain('*From:* Bob Chen\n*To:* Dana Lee [~dana.lee]\n');
  expect(body).toMatch(/\nbaton:v1 handoff=[0-9a-f-]{36}\n$/);
  expect(new URLSearchParams(save?.body).get('assignee')).toBe('dana.lee');
});

test('Cancel leaves the assignee as it was: no comment, and Jira shows its own error', async ({
  page,
  server,
}) => {
  await page.goto(ISSUE);
  await pickAssignee(page, 'Dana Lee');
  await page.getByRole('combobox', { name: 'Assignee' }).press('Enter');
  const dialog = checklist(page);
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  await expect(page.getByRole('alert')).toContainText('could not be contacted');
  expect(saves(server)).toHaveLength(0);
  expect(comments(server)).toHaveLength(0);
  expect(server.jiraDc.issue('OPS-7').assignee).toBe('bchen');
  // The editor stays open with the person picked, as Jira keeps it after a failed save; Esc closes it.
  await page.getByRole('combobox', { name: 'Assignee' }).press('Escape');
  await expect(assignee(page)).toContainText('Bob Chen');
});

test('a comment that fails with 500 loses nothing: Retry posts it once, then Jira saves once', async ({
  page,
  server,
}) => {
  server.failNext('POST', /\/jira\/rest\/api\/2\/issue\/OPS-7\/comment$/, {
    status: 500,
    body: '{"errorMessages":["Internal server error"],"errors":{}}',
  });
  await page.goto(ISSUE);
  await pickAssignee(page, 'Dana Lee');
  await page.getByRole('button', { name: 'Save' }).click();
  const dialog = checklist(page);
  await fillChecklist(dialog);
  await dialog.getByRole('button', { name: 'Complete handoff' }).click();
  await expect(dialog.getByRole('alert')).toContainText('500');
  await expect(dialog.getByLabel(LABELS.situation, { exact: true })).toHaveValue(GOOD_ANSWERS.situation);
  expect(saves(server)).toHaveLength(0);

  await dialog.getByRole('button', { name: 'Retry' }).click();
  await expect(dialog).toBeHidden();
  await expect(assignee(page)).toContainText('Dana Lee');
  expect(server.jiraDc.issue('OPS-7').comments).toHaveLength(1);
  expect(comments(server)).toHaveLength(2);
  expect(saves(server)).toHaveLength(1);
});

test('what a user types shows in Jira as the same text, with no markup of its own', async ({
  page,
  server,
}) => {
  const hostile =
    '{html}<b>x</b>{html} [link|http://x] *bold* {code}rm -rf{code} C:\\temp\\ a \\\\ b :P (y) -gone- [~apark] 한국어 & &amp;';
  await page.goto(ISSUE);
  await pickAssignee(page, 'Dana Lee');
  await page.getByRole('button', { name: 'Save' }).click();
  const dialog = checklist(page);
  await fillChecklist(dialog, {
    ...GOOD_ANSWERS,
    situation: hostile,
    done: 'h1. Not a heading\nbq. Not a quote\n* not a list\n----',
  });
  await dialog.getByRole('button', { name: 'Complete handoff' }).click();
  await expect(dialog).toBeHidden();

  const [comment] = server.jiraDc.issue('OPS-7').comments;
  const rendered = comment?.rendered ?? '';
  const shown = readableText(rendered);
  expect(shown).toContain(`Situation: ${hostile}\n`);
  expect(shown).toContain('What has been done: h1. Not a heading\nbq. Not a quote\n* not a list\n----\n');
  // The only markup is Baton's own: its heading, bold labels, the links list and the receiver's mention.
  expect(rendered).not.toMatch(/<(?:b>x|h1|blockquote|hr|del|tt|img|div)/);
  expect(rendered.match(/<a /g)).toHaveLength(3);
  expect(rendered).toContain('<a class="user-hover" rel="dana.lee">dana.lee</a>');
  expect(rendered).toContain('<a href="https://status.example.com/incidents/42">');
});

test('"Assign to me" waits for the checklist, then assigns through REST v2 and shows the issue again', async ({
  page,
  server,
}) => {
  await page.goto(ISSUE);
  await page.getByRole('link', { name: 'Assign to me' }).click();
  const dialog = checklist(page);
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Alice Park');
  expect(server.jiraDc.issue('OPS-7').assignee).toBe('bchen');
  await fillChecklist(dialog);
  await dialog.getByRole('button', { name: 'Complete handoff' }).click();
  await expect(dialog).toBeHidden();
  await expect(assignee(page)).toContainText('Alice Park');
  expect(server.jiraDc.issue('OPS-7').assignee).toBe('apark');
  const assigned = server.requests({ method: 'PUT', path: /\/jira\/rest\/api\/2\/issue\/OPS-7\/assignee$/ });
  expect(assigned.map((request) => request.json)).toEqual([{ name: 'apark' }]);
  expect(comments(server)[0]?.seq).toBeLessThan(assigned[0]?.seq ?? 0);
});

test('the receiver sees a handoff on Data Center and acknowledges it with a wiki reply', async ({
  page,
  server,
}) => {
  const handoffId = 'e2e-dc-0001';
  const summary: Summary = {
    heading: 'Handoff',
    meta: [
      { label: 'Ticket', value: 'OPS-7 — Disk full on db-2' },
      { label: 'From', value: 'Bob Chen' },
      { label: 'To', value: 'Alice Park', mention: ['apark'] },
    ],
    items: [
      {
        label: 'Next action for the receiver',
        value: { kind: 'text', text: 'Free space on /var (logs) *today*' },
      },
    ],
    marker: markerLine(handoffId, { to: ['apark'] }),
  };
  server.jiraDc.seedComment('OPS-7', 'bchen', renderWiki(summary));
  await page.goto(ISSUE);
  const banner = page
    .frameLocator('iframe[data-baton="receiver"]')
    .getByRole('region', { name: 'Handoff received' });
  await expect(banner).toContainText('Bob Chen');
  await expect(banner).toContainText('Free space on /var (logs) *today*');
  await banner.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(banner).toBeHidden();
  const replies = comments(server);
  expect(replies).toHaveLength(1);
  const body = (replies[0]?.json as { body?: unknown } | undefined)?.body;
  expect(typeof body).toBe('string');
  expect(body).toContain(`baton:v1 handoff=${handoffId} re=ack`);
});
