import type { Page } from '@playwright/test';
import type { HostServer } from './fixtures/host-server.ts';
import {
  checklist,
  expect,
  fillChecklist,
  GOOD_ANSWERS,
  LABELS,
  test,
  zendeskTicketPuts,
} from './support/fixtures.ts';

const TICKET = 'https://acme.zendesk.com/agent/tickets/101';
const BOB = 9002;
const ALICE = 9001;
const KIM = 9004;
const SUPPORT = 360001;
const BILLING = 360002;

const panel = (page: Page, id: number) => page.locator(`[data-test-id="ticket-${id}-standard-layout"]`);
const trigger = (page: Page, id: number) =>
  panel(page, id).locator('[data-test-id="assignee-field-autocomplete-trigger"]');
const menu = (page: Page, id: number) =>
  panel(page, id).locator('[data-test-id="assignee-field-dropdown-menu"]');
const agentTag = (page: Page, id: number) =>
  panel(page, id).locator('[data-test-id="assignee-field-selected-agent-tag"]');

/** Opens the Assignee menu, then a group, then chooses an agent of it, with the mouse. */
async function chooseAssignee(page: Page, id: number, group: string, agent: string) {
  await trigger(page, id).click();
  await menu(page, id).getByRole('option', { name: group, exact: true }).click();
  await menu(page, id).getByRole('option', { name: agent, exact: true }).click();
  await expect(menu(page, id)).toBeHidden();
  await expect(agentTag(page, id)).toContainText(agent);
}

/** The same with the keyboard: Enter opens the menu, then ArrowDown and Enter on the group, then on the agent. */
async function chooseAssigneeWithKeys(page: Page, id: number, group: string, agent: string) {
  await trigger(page, id).focus();
  await page.keyboard.press('Enter');
  for (const name of [group, agent]) {
    const option = menu(page, id).getByRole('option', { name, exact: true });
    await expect(option).toBeVisible();
    for (let presses = 0; presses < 10 && (await option.getAttribute('aria-selected')) !== 'true'; presses++)
      await page.keyboard.press('ArrowDown');
    await expect(option).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
  }
  await expect(menu(page, id)).toBeHidden();
  await expect(agentTag(page, id)).toContainText(agent);
}

async function typeReply(page: Page, id: number, text: string) {
  const composer = panel(page, id).locator('[data-test-id="omnicomposer-rich-text-ckeditor"]');
  await composer.click();
  await composer.pressSequentially(text);
}

const ticketPuts = zendeskTicketPuts;
const notes = (server: HostServer, id: number) => server.zendesk.comments(id).filter((c) => !c.public);

test('changing the assignee and submitting waits for the checklist; the internal note lands, then the submit', async ({
  page,
  server,
}) => {
  await page.goto(TICKET);
  await chooseAssignee(page, 101, 'Support', 'Bob Chen');
  await typeReply(page, 101, 'Hi Dana, Bob from our payments team will take it from here.');
  await panel(page, 101).locator('[data-test-id="submit_button-button"]').click();

  const dialog = checklist(page);
  await expect(dialog).toContainText('101');
  await expect(dialog).toContainText('Bob Chen');
  await expect(dialog).toContainText('Alice Park');
  expect(ticketPuts(server, 101)).toHaveLength(0);

  await fillChecklist(dialog, {
    ...GOOD_ANSWERS,
    situation: 'Refund <b>stuck</b> at the bank & "pending" for 10 days',
  });
  await dialog.getByRole('button', { name: 'Complete handoff' }).click();
  await expect(dialog).toBeHidden();
  await expect(agentTag(page, 101)).toContainText('Bob Chen');
  await expect(page.locator('[data-test-id="ticket-save-success"]')).toBeVisible();

  const puts = ticketPuts(server, 101);
  expect(puts).toHaveLength(2);
  const [note, submit] = puts.map((request) => request.json as { ticket: Record<string, unknown> });
  expect(note?.ticket).toEqual({ comment: { html_body: expect.any(String), public: false } });
  expect(puts[0]?.headers['x-csrf-token']).toBe(server.zendesk.csrfToken);
  expect(submit?.ticket).toMatchObject({ assignee_id: BOB, comment: { public: true } });
  expect(JSON.stringify(submit)).toContain('Bob from our payments team will take it from here.');
  expect(JSON.stringify(submit)).not.toContain('baton:v1');

  const [handoff] = notes(server, 101).filter((c) => c.body.includes('baton:v1'));
  expect(handoff?.htmlBody).toContain(
    'Refund &lt;b&gt;stuck&lt;/b&gt; at the bank &amp; &quot;pending&quot;',
  );
  expect(handoff?.htmlBody).not.toContain('<b>stuck');
  expect(handoff?.body).not.toContain('Bob from our payments team');
  expect(handoff?.body).toMatch(/baton:v1 handoff=[A-Za-z0-9-]{6,}/);
  expect(server.zendesk.ticket(101)?.assigneeId).toBe(BOB);
  // The open tab shows the note without a reload: it is not stale.
  const items = panel(page, 101).locator('[data-test-id="omni-log-comment-item"]');
  await expect(items.filter({ hasText: 'baton:v1' })).toHaveCount(1);
  await expect(items.filter({ hasText: 'baton:v1' })).toContainText('Internal note');
});

test('Cancel sends nothing and leaves the reply draft in the composer', async ({ page, server }) => {
  await page.goto(TICKET);
  await chooseAssignee(page, 101, 'Support', 'Bob Chen');
  await typeReply(page, 101, 'Draft I have not sent yet');
  await panel(page, 101).locator('[data-test-id="submit_button-button"]').click();
  const dialog = checklist(page);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(ticketPuts(server, 101)).toHaveLength(0);
  await expect(panel(page, 101).locator('[data-test-id="omnicomposer-rich-text-ckeditor"]')).toHaveText(
    'Draft I have not sent yet',
  );
  expect(server.zendesk.ticket(101)?.assigneeId).toBe(ALICE);
});

test('"take it" on a ticket assigned to someone else, then Submit as Pending, is a handoff', async ({
  page,
  server,
}) => {
  await page.goto('https://acme.zendesk.com/agent/tickets/102');
  await panel(page, 102).locator('[data-test-id="assignee-field-take-it-button"]').click();
  await panel(page, 102).locator('[data-test-id="submit_button-menu-button"]').click();
  await panel(page, 102).locator('[data-test-id="submit_button-menu-pending"]').click();
  const dialog = checklist(page);
  await expect(dialog).toContainText('Chloé Dubois');
  await expect(dialog).toContainText('Alice Park');
  await fillChecklist(dialog);
  await dialog.getByRole('button', { name: 'Complete handoff' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => server.zendesk.ticket(102)?.assigneeId).toBe(ALICE);
  expect(server.zendesk.ticket(102)?.status).toBe('pending');
  expect(notes(server, 102).filter((c) => c.body.includes('baton:v1'))).toHaveLength(1);
});

test('a macro-style direct PUT that changes the assignee is caught by the network safety net', async ({
  page,
  server,
}) => {
  await page.goto(TICKET);
  const result = page.evaluate(() =>
    (
      window as never as {
        __zendeskReplica: { applyMacroDirect: (m: number, t: number) => Promise<unknown> };
      }
    ).__zendeskReplica.applyMacroDirect(360100001, 101),
  );
  const dialog = checklist(page);
  await expect(dialog).toContainText('Chloé Dubois');
  expect(ticketPuts(server, 101)).toHaveLength(0);
  await fillChecklist(dialog);
  await dialog.getByRole('button', { name: 'Complete handoff' }).click();
  await result;
  const puts = ticketPuts(server, 101).map((r) => r.json as { ticket: Record<string, unknown> });
  expect(puts.map((p) => Object.keys(p.ticket).sort())).toEqual([['comment'], ['assignee_id', 'group_id']]);
  expect(server.zendesk.ticket(101)?.assigneeId).toBe(9003);
});

test('with two ticket tabs open, the note goes to the ticket whose assignee changed', async ({
  page,
  server,
}) => {
  await page.goto(TICKET);
  await page.locator('[data-test-id="header-tab"][data-entity-id="102"]').click();
  await expect(panel(page, 102)).toBeVisible();
  await chooseAssignee(page, 102, 'Tier 2', 'Alice Park');
  await panel(page, 102).locator('[data-test-id="submit_button-button"]').click();
  const dialog = checklist(page);
  await expect(dialog).toContainText('102');
  await fillChecklist(dialog);
  await dialog.getByRole('button', { name: 'Complete handoff' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => server.zendesk.ticket(102)?.assigneeId).toBe(ALICE);
  expect(notes(server, 102).filter((c) => c.body.includes('baton:v1'))).toHaveLength(1);
  expect(notes(server, 101)).toHaveLength(0);
  expect(ticketPuts(server, 101)).toHaveLength(0);
});

test('a status-only submit, and a reply, go straight through with no dialog', async ({ page, server }) => {
  await page.goto(TICKET);
  await typeReply(page, 101, 'Any news on this?');
  await trigger(page, 101).click();
  await expect(menu(page, 101)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu(page, 101)).toBeHidden();
  await panel(page, 101).locator('[data-test-id="submit_button-menu-button"]').click();
  await panel(page, 101).locator('[data-test-id="submit_button-menu-pending"]').click();
  await expect(page.locator('[data-test-id="ticket-save-success"]')).toBeVisible();
  await expect(page.locator('iframe[data-baton="checklist"]')).toHaveCount(0);
  expect(server.zendesk.ticket(101)?.status).toBe('pending');
  expect(ticketPuts(server, 101)).toHaveLength(1);
});

test('the keyboard submit (Ctrl+Alt+S) with a changed assignee is held too', async ({ page, server }) => {
  await page.goto(TICKET);
  await chooseAssignee(page, 101, 'Billing', '김민준');
  await page.keyboard.press('Control+Alt+KeyS');
  const dialog = checklist(page);
  await expect(dialog).toContainText('김민준');
  await fillChecklist(dialog);
  await dialog.getByRole('button', { name: 'Complete handoff' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => server.zendesk.ticket(101)?.assigneeId).toBe(9004);
  expect(ticketPuts(server, 101)).toHaveLength(2);
});

test('a stale CSRF token is refreshed once; a note that still fails waits in the outbox with the draft kept', async ({
  page,
  server,
}) => {
  await page.goto(TICKET);
  await chooseAssignee(page, 101, 'Support', 'Bob Chen');
  await panel(page, 101).locator('[data-test-id="submit_button-button"]').click();
  const dialog = checklist(page);
  await fillChecklist(dialog);
  server.failNext('PUT', /^\/api\/v2\/tickets\/101\.json$/, {
    status: 403,
    body: '{"error":{"title":"Forbidden","message":"Invalid authenticity token"}}',
    times: 2,
  });
  await dialog.getByRole('button', { name: 'Complete handoff' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Invalid authenticity token');
  await expect(dialog.getByLabel(LABELS.told, { exact: true })).toHaveValue(GOOD_ANSWERS.told);
  expect(server.zendesk.ticket(101)?.assigneeId).toBe(ALICE);
  await dialog.getByRole('button', { name: 'Retry' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => server.zendesk.ticket(101)?.assigneeId).toBe(BOB);
  expect(notes(server, 101).filter((c) => c.body.includes('baton:v1'))).toHaveLength(1);
});

test('choosing an agent with the mouse in the Assignee combobox (group, then agent), then Submit: the note lands, then the reassign', async ({
  page,
  server,
}) => {
  await page.goto(TICKET);
  await trigger(page, 101).click();
  const list = menu(page, 101);
  await list.getByRole('option', { name: 'Billing', exact: true }).click();
  // Billing's own level: back, the group alone, then only its agents.
  await expect(list.getByRole('option', { name: 'All groups' })).toBeVisible();
  await expect(list.getByRole('option', { name: 'Bob Chen', exact: true })).toBeVisible();
  await expect(list.getByRole('option', { name: 'Alice Park', exact: true })).toHaveCount(0);
  await list.getByRole('option', { name: '김민준', exact: true }).click();
  await expect(list).toBeHidden();
  await expect(agentTag(page, 101)).toContainText('Billing');
  await expect(agentTag(page, 101)).toContainText('김민준');
  expect(ticketPuts(server, 101)).toHaveLength(0);

  await panel(page, 101).locator('[data-test-id="submit_button-button"]').click();
  const dialog = checklist(page);
  await expect(dialog).toContainText('김민준');
  await expect(dialog).toContainText('Alice Park');
  expect(ticketPuts(server, 101)).toHaveLength(0);
  await fillChecklist(dialog);
  await dialog.getByRole('button', { name: 'Complete handoff' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('[data-test-id="ticket-save-success"]')).toBeVisible();

  const puts = ticketPuts(server, 101).map((request) => request.json as { ticket: Record<string, unknown> });
  expect(puts).toEqual([
    { ticket: { comment: { html_body: expect.any(String), public: false } } },
    { ticket: { assignee_id: KIM, group_id: BILLING } },
  ]);
  expect(server.zendesk.ticket(101)).toMatchObject({ assigneeId: KIM, groupId: BILLING });
  expect(notes(server, 101).filter((c) => c.body.includes('baton:v1'))).toHaveLength(1);
  await expect(agentTag(page, 101)).toContainText('김민준');
});

test('choosing an agent with the keyboard (type, ArrowDown, Enter), then Ctrl+Alt+S: the note lands, then the reassign', async ({
  page,
  server,
}) => {
  await page.goto(TICKET);
  await trigger(page, 101).focus();
  await page.keyboard.press('Enter');
  const search = menu(page, 101).getByRole('combobox', { name: 'Assignee' });
  await expect(search).toBeFocused();
  await page.keyboard.type('bob');
  const bob = menu(page, 101).getByRole('option', { name: 'Support / Bob Chen', exact: true });
  await expect(bob).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(bob).toHaveAttribute('aria-selected', 'true');
  await expect(search).toHaveAttribute('aria-activedescendant', (await bob.getAttribute('id')) ?? '');
  await page.keyboard.press('Enter');
  await expect(menu(page, 101)).toBeHidden();
  await expect(agentTag(page, 101)).toContainText('Support');
  await expect(agentTag(page, 101)).toContainText('Bob Chen');
  await expect(trigger(page, 101)).toBeFocused();
  expect(ticketPuts(server, 101)).toHaveLength(0);

  await page.keyboard.press('Control+Alt+KeyS');
  const dialog = checklist(page);
  await expect(dialog).toContainText('Bob Chen');
  expect(ticketPuts(server, 101)).toHaveLength(0);
  await fillChecklist(dialog);
  await dialog.getByRole('button', { name: 'Complete handoff' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('[data-test-id="ticket-save-success"]')).toBeVisible();

  const puts = ticketPuts(server, 101).map((request) => request.json as { ticket: Record<string, unknown> });
  expect(puts).toEqual([
    { ticket: { comment: { html_body: expect.any(String), public: false } } },
    { ticket: { assignee_id: BOB } },
  ]);
  expect(server.zendesk.ticket(101)?.assigneeId).toBe(BOB);
  expect(notes(server, 101).filter((c) => c.body.includes('baton:v1'))).toHaveLength(1);
});

test('a highlighted agent is chosen when Tab leaves the search (downshift), and that Submit is held too', async ({
  page,
  server,
}) => {
  await page.goto(TICKET);
  await trigger(page, 101).click();
  await page.keyboard.type('chlo');
  const chloe = menu(page, 101).getByRole('option', { name: 'Tier 2 / Chloé Dubois', exact: true });
  await expect(chloe).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(chloe).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Tab');
  await expect(menu(page, 101)).toBeHidden();
  await expect(agentTag(page, 101)).toContainText('Chloé Dubois');

  await panel(page, 101).locator('[data-test-id="submit_button-button"]').click();
  const dialog = checklist(page);
  await expect(dialog).toContainText('Chloé Dubois');
  expect(ticketPuts(server, 101)).toHaveLength(0);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(ticketPuts(server, 101)).toHaveLength(0);
});

test('Cancel after choosing in the Assignee combobox (group, then agent, with the keyboard) leaves the ticket with its assignee', async ({
  page,
  server,
}) => {
  await page.goto(TICKET);
  await chooseAssigneeWithKeys(page, 101, 'Tier 2', 'Chloé Dubois');
  await panel(page, 101).locator('[data-test-id="submit_button-button"]').click();
  const dialog = checklist(page);
  await expect(dialog).toContainText('Chloé Dubois');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(ticketPuts(server, 101)).toHaveLength(0);
  expect(server.zendesk.ticket(101)).toMatchObject({ assigneeId: ALICE, groupId: SUPPORT });
  await page.reload();
  await expect(agentTag(page, 101)).toContainText('Support');
  await expect(agentTag(page, 101)).toContainText('Alice Park');
});
