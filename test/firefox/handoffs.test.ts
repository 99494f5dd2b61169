import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type HostServer, startHostServer } from '../e2e/fixtures/host-server.ts';
import {
  commentRequests,
  reassignedTo,
  reassignRequests,
  trelloComments,
  trelloMemberChanges,
  zendeskTicketPuts,
} from '../e2e/support/host-requests.ts';
import { byRole, checklistClosed, checklistDialog, fillChecklist, press } from './support/checklist.ts';
import { batonEntries, type ConsoleEntry, type Firefox, launchFirefox } from './support/firefox.ts';

// The core flows in Firefox ESR on the same replicas as the Chromium suite, which stays the full one:
// per site a reassign → checklist → Complete → the comment, then the reassign; a Cancel; the event page
// stopped in the middle of a checklist; then the popup's figures for all of them. Every test also fails
// on anything Firefox logs about Baton (manifest warnings, CSP violations, rejected messages).

const JIRA_ISSUE = 'https://acme.atlassian.net/browse/ACME-1';
const ZENDESK_TICKET = 'https://acme.zendesk.com/agent/tickets/101';
const TRELLO_CARD = 'https://trello.com/c/Xy12Ab34/1-refund-not-received';
const JIRA_BOB = '5b10ac8d82e05b22cc7d4ef5';
const JIRA_ALICE = '5b10a2844c20165700ede21g';
const ZENDESK_BOB = 9002;
const TRELLO_ALICE = '5f1a0b0c0d0e0f1011121301';
const TRELLO_BOB = '5f1a0b0c0d0e0f1011121302';

/** Firefox's own notes that are no fault of Baton's code. */
const FIREFOX_NOTES = [
  // A performance hint when a script reads layout before every stylesheet has loaded.
  /^Layout was forced before the page was fully loaded/,
  // Firefox's ConduitsChild.sys.mjs, when an extension context with listeners goes away (a frame or
  // tab closed): its own teardown, whatever the listeners were.
  /^sendRemoveListener on closed conduit /,
];

let firefox: Firefox;
let server: HostServer;
let launchedAt = 0;
let page: Page;
let testStart = 0;
/** What the tests did, for the popup's figures. */
const outcomes = { completed: 0, cancelled: 0 };

const problems = (entries: ConsoleEntry[], since: number) =>
  batonEntries(entries, since)
    .filter((entry) => entry.level !== 'info' || /WARN|ERROR/.test(entry.message))
    .filter((entry) => !FIREFOX_NOTES.some((note) => note.test(entry.message)));

beforeAll(async () => {
  server = await startHostServer({ port: 443 }).catch((error: unknown) => {
    throw new Error(
      `The Firefox suite serves the replicas on port 443 (Firefox cannot map a host to another port): run it as root, or allow it with "sysctl net.ipv4.ip_unprivileged_port_start=443". ${error}`,
    );
  });
  launchedAt = Date.now();
  firefox = await launchFirefox();
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

beforeEach(async () => {
  server.reset();
  server.clearRequests();
  testStart = Date.now();
  page = await firefox.newPage();
});

// Tabs stay open until the browser closes: a tab closed at once after a handoff would cut off messages
// still on their way, as no person closes a tab that fast, and Firefox logs each of them.
afterEach(async () => {
  expect(problems(await firefox.consoleEntries(), testStart)).toEqual([]);
});

describe('Baton in Firefox', () => {
  it('installs without a warning and starts its event page without a CSP violation', async () => {
    expect(problems(await firefox.consoleEntries(), launchedAt)).toEqual([]);
  });

  it('Jira: choosing a person waits for the checklist, then the comment lands, then the reassign', async () => {
    await page.goto(JIRA_ISSUE);
    await chooseJiraAssignee(page, 'Bob Chen');
    const dialog = await checklistDialog(page);
    expect(reassignRequests(server)).toHaveLength(0);
    await fillChecklist(dialog);
    await press(dialog, 'Complete handoff');
    await checklistClosed(page);
    await expect.poll(() => reassignRequests(server).length).toBe(1);
    const [comment] = commentRequests(server);
    const [reassign] = reassignRequests(server);
    expect(comment?.seq).toBeLessThan(reassign?.seq ?? 0);
    expect(comment?.body).toMatch(/baton:v1 handoff=[A-Za-z0-9-]{6,}/);
    expect(reassignedTo(reassign)).toBe(JIRA_BOB);
    expect(server.jira.issue('ACME-1')?.assigneeId).toBe(JIRA_BOB);
    outcomes.completed++;
  });

  it('Jira: a reassign the page sends by itself waits in the network net (its port handed over between the two worlds) for the checklist', async () => {
    await page.goto(JIRA_ISSUE);
    const sent = page.evaluate(
      (accountId) =>
        fetch('/rest/api/3/issue/ACME-1/assignee', {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ accountId }),
        }).then((response) => response.status),
      JIRA_BOB,
    );
    const dialog = await checklistDialog(page);
    expect(reassignRequests(server)).toHaveLength(0);
    await fillChecklist(dialog);
    await press(dialog, 'Complete handoff');
    expect(await sent).toBe(204);
    const [comment] = commentRequests(server);
    const [reassign] = reassignRequests(server);
    expect(comment?.seq).toBeLessThan(reassign?.seq ?? 0);
    expect(server.jira.issue('ACME-1')?.assigneeId).toBe(JIRA_BOB);
    outcomes.completed++;
  });

  it('Zendesk: a new assignee and Submit wait for the checklist; the internal note lands, then the submit', async () => {
    await page.goto(ZENDESK_TICKET);
    const panel = '[data-test-id="ticket-101-standard-layout"]';
    await (
      await page.waitForSelector(`${panel} [data-test-id="assignee-field-autocomplete-trigger"]`)
    )?.click();
    await (await byRole(page, 'option', 'Support')).click();
    await (await byRole(page, 'option', 'Bob Chen')).click();
    await (await page.waitForSelector(`${panel} [data-test-id="submit_button-button"]`))?.click();
    const dialog = await checklistDialog(page);
    expect(zendeskTicketPuts(server, 101)).toHaveLength(0);
    await fillChecklist(dialog);
    await press(dialog, 'Complete handoff');
    await checklistClosed(page);
    await expect.poll(() => zendeskTicketPuts(server, 101).length).toBe(2);
    const [note, submit] = zendeskTicketPuts(server, 101).map(
      (request) => request.json as { ticket: Record<string, unknown> },
    );
    expect(note?.ticket).toEqual({
      comment: { html_body: expect.stringContaining('baton:v1'), public: false },
    });
    expect(submit?.ticket).toMatchObject({ assignee_id: ZENDESK_BOB });
    expect(server.zendesk.ticket(101)?.assigneeId).toBe(ZENDESK_BOB);
    outcomes.completed++;
  });

  it('Trello: adding another member waits for the checklist; the comment lands, then the member', async () => {
    await page.goto(TRELLO_CARD);
    await (await page.waitForSelector('[data-testid="card-back-members-button"]'))?.click();
    await (await byRole(page, 'textbox', 'Search members')).type('bob');
    await (await page.waitForSelector('[data-testid="members-popover"] button ::-p-text(Bob Chen)'))?.click();
    const dialog = await checklistDialog(page);
    expect(trelloMemberChanges(server)).toHaveLength(0);
    await fillChecklist(dialog);
    await press(dialog, 'Complete handoff');
    await checklistClosed(page);
    await expect.poll(() => trelloMemberChanges(server).length).toBe(1);
    const [comment] = trelloComments(server);
    expect(comment?.seq).toBeLessThan(trelloMemberChanges(server)[0]?.seq ?? 0);
    expect(comment?.body).toMatch(/baton:v1 handoff=[A-Za-z0-9-]{6,}/);
    expect(server.trello.card('Xy12Ab34')?.idMembers).toEqual([TRELLO_ALICE, TRELLO_BOB]);
    outcomes.completed++;
  });

  it('Cancel leaves the ticket as it was: no comment, no reassign', async () => {
    await page.goto(JIRA_ISSUE);
    await chooseJiraAssignee(page, 'Bob Chen');
    const dialog = await checklistDialog(page);
    await fillChecklist(dialog, { situation: 'Half-typed situation that must stay in the draft' });
    await press(dialog, 'Cancel');
    await checklistClosed(page);
    // The cancelled request has failed on the page, and nothing reached the host meanwhile.
    await page.waitForFunction(() =>
      document
        .querySelector('[data-testid="issue.views.field.user.assignee"]')
        ?.textContent?.includes('Alice Park'),
    );
    expect(commentRequests(server)).toHaveLength(0);
    expect(reassignRequests(server)).toHaveLength(0);
    expect(server.jira.issue('ACME-1')?.assigneeId).toBe(JIRA_ALICE);
    outcomes.cancelled++;
  });

  it('the event page stopped in the middle of the checklist loses nothing: one comment, then the reassign', async () => {
    await page.goto(JIRA_ISSUE);
    await chooseJiraAssignee(page, 'Bob Chen');
    const dialog = await checklistDialog(page);
    await fillChecklist(dialog, { situation: 'Typed before the event page stopped' });
    // Firefox stops an event page once it is idle: the draft saves sent while typing have their answers.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await firefox.stopEventPage()).toBe('stopped');
    await fillChecklist(dialog, {
      reason: 'Needs other expertise',
      impact: 'Acme Corp, all EU shoppers',
      done: 'Reproduced on staging, collected HAR files.',
      next: 'Check the tokenisation service logs for 402s.',
      told: 'We are on it, update by 5 pm.',
    });
    await press(dialog, 'Complete handoff');
    await checklistClosed(page);
    await expect.poll(() => reassignRequests(server).length).toBe(1);
    expect(commentRequests(server)).toHaveLength(1);
    expect(commentRequests(server)[0]?.body).toContain('Typed before the event page stopped');
    expect(server.jira.issue('ACME-1')?.assigneeId).toBe(JIRA_BOB);
    outcomes.completed++;
  });

  it("the popup's figures count the handoffs above: Handoffs, Completion rate, Median time to fill", async () => {
    expect(outcomes.completed).toBeGreaterThan(0);
    expect(outcomes.cancelled).toBeGreaterThan(0);
    page = await firefox.openExtensionPage('popup.html');
    const figure = async (name: string) =>
      (await byRole(page, 'status', name)).evaluate((element) => element.textContent?.trim());
    const rate = Math.round((100 * outcomes.completed) / (outcomes.completed + outcomes.cancelled));
    await expect.poll(() => figure('Handoffs')).toBe(String(outcomes.completed));
    expect(await figure('Completion rate')).toBe(`${rate}%`);
    expect(await figure('Median time to fill')).toMatch(/^\d+ s$/);
  });
});

/** Opens Jira's Assignee edit view and clicks the person, as a person does. */
async function chooseJiraAssignee(on: Page, name: string): Promise<void> {
  const field = '[data-testid="issue.views.field.user.assignee"]';
  await (await on.waitForSelector(`${field} [role="button"][aria-label$="edit Assignee"]`))?.click();
  await (await byRole(on, 'option', name)).click();
}
