import { createRequire } from 'node:module';
import Ajv from 'ajv-draft-04';
import {
  adfText,
  checklist,
  chooseJiraAssignee,
  commentRequests,
  escapeChecklist,
  expect,
  fillChecklist,
  GOOD_ANSWERS,
  jiraAssigneeValue,
  LABELS,
  pageApi,
  postedCommentBody,
  reassignedTo,
  reassignRequests,
  test,
} from './support/fixtures.ts';

const ISSUE = 'https://acme.atlassian.net/browse/ACME-1';
const UNASSIGNED_ISSUE = 'https://acme.atlassian.net/browse/ACME-3';
const BOB = '5b10ac8d82e05b22cc7d4ef5';
const ALICE = '5b10a2844c20165700ede21g';

// The service worker's own global, in page.evaluate callbacks that run there.
declare const chrome: { storage: { local: { get(key: string): Promise<unknown> } } };

const adfSchema = createRequire(import.meta.url)('@atlaskit/adf-schema/dist/json-schema/v1/full.json');
const validateAdf = new Ajv({ allErrors: true, strict: false }).compile(adfSchema);

const assigneeValue = jiraAssigneeValue;

test('choosing a person in the assignee picker waits for the checklist, posts it, then reassigns', async ({
  page,
  server,
}) => {
  await page.goto(ISSUE);
  await chooseJiraAssignee(page, 'Bob Chen');

  const dialog = checklist(page);
  await expect(dialog).toBeVisible();
  // The checklist took focus, so Jira's edit view closed behind it, as the real one does.
  await expect(page.getByRole('option', { name: 'Bob Chen' })).toHaveCount(0);
  await expect(dialog).toContainText('ACME-1');
  await expect(dialog.getByRole('definition').filter({ hasText: 'Bob Chen' })).toBeVisible();
  await expect(dialog.getByRole('definition').filter({ hasText: 'Alice Park' })).toBeVisible();
  expect(reassignRequests(server)).toHaveLength(0);

  await fillChecklist(dialog);
  await dialog.getByRole('button', { name: 'Complete handoff' }).click();
  await expect(dialog).toBeHidden();
  await expect(assigneeValue(page)).toContainText('Bob Chen');

  const comments = commentRequests(server);
  const reassigns = reassignRequests(server);
  expect(comments).toHaveLength(1);
  expect(reassigns).toHaveLength(1);
  expect(comments[0]?.seq).toBeLessThan(reassigns[0]?.seq ?? 0);
  expect(comments[0]?.path).toBe('/rest/api/3/issue/ACME-1/comment');
  expect(comments[0]?.headers['x-atlassian-token']).toBe('no-check');
  expect(reassignedTo(reassigns[0])).toBe(BOB);

  const body = postedCommentBody(server);
  expect(validateAdf(body), JSON.stringify(validateAdf.errors)).toBe(true);
  const text = adfText(body).join('\n');
  for (const answer of [GOOD_ANSWERS.situation, GOOD_ANSWERS.next, GOOD_ANSWERS.told, GOOD_ANSWERS.reason]) {
    expect(text).toContain(answer);
  }
  expect(text).toContain('https://status.example.com/incidents/42');
  expect(text).toMatch(new RegExp(`baton:v1 handoff=[A-Za-z0-9-]{6,} to=${BOB}`));
  expect(text).toContain('Alice Park');
  expect(server.jira.issue('ACME-1')?.assigneeId).toBe(BOB);
});

test('Cancel leaves the ticket as it was: no comment, no reassign', async ({ page, server }) => {
  await page.goto(ISSUE);
  await chooseJiraAssignee(page, 'Bob Chen');
  const dialog = checklist(page);
  await fillChecklist(dialog, { situation: 'Half-typed situation that must stay in the draft' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(assigneeValue(page)).toContainText('Alice Park');
  expect(commentRequests(server)).toHaveLength(0);
  expect(reassignRequests(server)).toHaveLength(0);
  expect(server.jira.issue('ACME-1')?.assigneeId).toBe(ALICE);
});

test('Esc cancels, and invalid input never closes the dialog', async ({ page, server }) => {
  await page.goto(ISSUE);
  await chooseJiraAssignee(page, 'Bob Chen');
  const dialog = checklist(page);
  await dialog.getByLabel(LABELS.situation, { exact: true }).fill('too short');
  await dialog.getByRole('button', { name: 'Complete handoff' }).click();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel(LABELS.reason, { exact: true })).toHaveAccessibleDescription(
    'This field is required.',
  );
  await expect(dialog.getByLabel(LABELS.situation, { exact: true })).toHaveAccessibleDescription(
    /at least 15 characters/,
  );
  await expect(dialog.getByLabel(LABELS.reason, { exact: true })).toBeFocused();
  expect(commentRequests(server)).toHaveLength(0);
  await escapeChecklist(page, dialog);
  expect(reassignRequests(server)).toHaveLength(0);
});

test('"Assign to me" is held until the handoff is complete', async ({ page, server }) => {
  await page.goto(UNASSIGNED_ISSUE);
  await page.getByRole('button', { name: 'Assign to me' }).click();
  const dialog = checklist(page);
  await expect(dialog).toContainText('ACME-3');
  await expect(dialog).toContainText('Alice Park');
  expect(reassignRequests(server)).toHaveLength(0);
  await fillChecklist(dialog);
  await dialog.getByRole('button', { name: 'Complete handoff' }).click();
  await expect(assigneeValue(page)).toContainText('Alice Park');
  const reassigns = reassignRequests(server);
  expect(reassigns).toHaveLength(1);
  expect(reassignedTo(reassigns[0])).toBe(ALICE);
  expect(commentRequests(server)[0]?.seq).toBeLessThan(reassigns[0]?.seq ?? 0);
});

test('the "i" shortcut is held, and typing in the checklist never triggers the host\'s shortcuts', async ({
  page,
  server,
}) => {
  await page.goto(UNASSIGNED_ISSUE);
  await page.locator('body').press('i');
  const dialog = checklist(page);
  await expect(dialog).toBeVisible();
  // Real keystrokes, full of Jira's single-key shortcuts (a, i, m): none may reach the page.
  await dialog
    .getByLabel(LABELS.situation, { exact: true })
    .pressSequentially('a mail import is missing items');
  const { situation: _typed, ...rest } = GOOD_ANSWERS;
  await fillChecklist(dialog, rest);
  await dialog.getByRole('button', { name: 'Complete handoff' }).click();
  await expect(dialog).toBeHidden();
  await expect(assigneeValue(page)).toContainText('Alice Park');
  expect(reassignRequests(server)).toHaveLength(1);
  expect(adfText(postedCommentBody(server)).join('\n')).toContain('a mail import is missing items');
});

test('the "a" shortcut, a typed name and Enter are held like a click in the picker', async ({
  page,
  server,
}) => {
  await page.goto(ISSUE);
  await page.locator('body').press('a');
  const input = page.getByRole('combobox', { name: 'Assignee' });
  await expect(input).toBeFocused();
  await input.pressSequentially('Chlo');
  await expect(page.getByRole('option', { name: 'Chloé Dubois' })).toBeVisible();
  await input.press('ArrowDown');
  await input.press('Enter');
  const dialog = checklist(page);
  await expect(dialog).toContainText('Chloé Dubois');
  expect(reassignRequests(server)).toHaveLength(0);
  await fillChecklist(dialog);
  await dialog.getByRole('button', { name: 'Complete handoff' }).click();
  await expect(assigneeValue(page)).toContainText('Chloé Dubois');
  expect(reassignRequests(server)).toHaveLength(1);
});

test('the checklist opens while Jira is still saying who the people are, and the comment still names the receiver by account', async ({
  page,
  server,
}) => {
  await page.goto(ISSUE);
  // What the DOM does not say (the account behind the name picked) is read from Jira after the pick:
  // Baton's own lookup, told from the picker's searches by the page size it asks for.
  const lookup = /^\/rest\/api\/3\/user\/assignable\/search\?.*&maxResults=/;
  const answered = () =>
    server
      .requests({ method: 'GET', path: /^\/rest\/api\/3\/user\/assignable\/search$/ })
      .some((r) => r.query.maxResults !== undefined && r.status !== undefined);
  server.delayNext('GET', lookup, 4000);
  await chooseJiraAssignee(page, 'Bob Chen');
  const dialog = checklist(page);
  await expect(dialog.getByRole('button', { name: 'Complete handoff' })).toBeVisible();
  expect(answered()).toBe(false);
  await expect(dialog.getByRole('definition').filter({ hasText: 'Bob Chen' })).toBeVisible();

  // Completed before Jira answers: the comment waits for the account, then the reassign follows it.
  await fillChecklist(dialog);
  await dialog.getByRole('button', { name: 'Complete handoff' }).click();
  await expect(dialog).toBeHidden({ timeout: 15_000 });
  expect(answered()).toBe(true);
  const comments = commentRequests(server);
  const reassigns = reassignRequests(server);
  expect(comments).toHaveLength(1);
  expect(reassigns).toHaveLength(1);
  expect(comments[0]?.seq).toBeLessThan(reassigns[0]?.seq ?? 0);
  expect(adfText(postedCommentBody(server)).join('\n')).toMatch(
    new RegExp(`baton:v1 handoff=[A-Za-z0-9-]{6,} to=${BOB}`),
  );
});

test('a reassign sent by page code straight to the REST API is caught by the network safety net', async ({
  page,
  server,
}) => {
  await page.goto(ISSUE);
  const result = pageApi(page, '__jiraReplica', 'PUT', '/rest/api/3/issue/ACME-2/assignee', {
    accountId: BOB,
  });
  const dialog = checklist(page);
  await expect(dialog).toContainText('ACME-2');
  await expect(dialog).toContainText('Bob Chen');
  expect(reassignRequests(server)).toHaveLength(0);
  await fillChecklist(dialog);
  await dialog.getByRole('button', { name: 'Complete handoff' }).click();
  expect((await result).status).toBe(204);
  const comments = commentRequests(server);
  const reassigns = reassignRequests(server);
  expect(comments.map((c) => c.path)).toEqual(['/rest/api/3/issue/ACME-2/comment']);
  expect(reassigns).toHaveLength(1);
  expect(comments[0]?.seq).toBeLessThan(reassigns[0]?.seq ?? 0);
});

test('a held XHR reassign fails like a network error when the checklist is cancelled', async ({
  page,
  server,
}) => {
  await page.goto(ISSUE);
  const assignBob = { fields: { assignee: { accountId: BOB } } };
  const result = pageApi(page, '__jiraReplica', 'PUT', '/rest/api/2/issue/ACME-1', assignBob, 'apiXhr');
  const dialog = checklist(page);
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect((await result).status).toBe(0);
  expect(reassignRequests(server)).toHaveLength(0);
  expect(server.jira.issue('ACME-1')?.assigneeId).toBe(ALICE);
});

test('edits that are not reassigns pass at once with no dialog', async ({ page, server }) => {
  await page.goto(ISSUE);
  await page.locator('[data-testid$="priority"]').first().click();
  await page
    .getByRole('menuitem', { name: 'Low' })
    .or(page.getByRole('option', { name: 'Low' }))
    .first()
    .click();
  await expect.poll(() => server.jira.issue('ACME-1')?.priority).toBe('Low');

  const edit = { fields: { summary: 'Checkout fails for saved cards' } };
  expect((await pageApi(page, '__jiraReplica', 'PUT', '/rest/api/3/issue/ACME-1', edit)).status).toBe(204);

  await page.getByRole('textbox', { name: 'Add a comment' }).click();
  await page.getByRole('textbox', { name: 'Add a comment' }).fill('Looking into it');
  await page.locator('[data-testid="comment-save-button"]').click();
  await expect(page.locator('[data-testid="issue.activity.comments-list"]')).toContainText('Looking into it');

  await expect(page.locator('iframe[data-baton="checklist"]')).toHaveCount(0);
  expect(reassignRequests(server)).toHaveLength(0);
});

test('a comment POST that fails with 500 loses nothing: retry posts it once, then the reassign happens once', async ({
  page,
  server,
}) => {
  server.failNext('POST', /\/comment$/, {
    status: 500,
    body: '{"errorMessages":["Internal server error"],"errors":{}}',
  });
  await page.goto(ISSUE);
  await chooseJiraAssignee(page, 'Bob Chen');
  const dialog = checklist(page);
  await fillChecklist(dialog);
  await dialog.getByRole('button', { name: 'Complete handoff' }).click();
  await expect(dialog.getByRole('alert')).toContainText('500');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel(LABELS.situation, { exact: true })).toHaveValue(GOOD_ANSWERS.situation);
  expect(reassignRequests(server)).toHaveLength(0);

  await dialog.getByRole('button', { name: 'Retry' }).click();
  await expect(dialog).toBeHidden();
  await expect(assigneeValue(page)).toContainText('Bob Chen');
  expect(server.jira.comments('ACME-1').filter((c) => c.text.includes('baton:v1'))).toHaveLength(1);
  expect(reassignRequests(server)).toHaveLength(1);
});

test('hostile text is posted as literal text', async ({ page, server }) => {
  const hostile = '<script>alert(1)</script> {html}<b>x</b>{html} **bold** [x](javascript:alert(1)) @all';
  await page.goto(ISSUE);
  await chooseJiraAssignee(page, 'Bob Chen');
  const dialog = checklist(page);
  await fillChecklist(dialog, { ...GOOD_ANSWERS, situation: hostile });
  await dialog.getByRole('button', { name: 'Complete handoff' }).click();
  await expect(dialog).toBeHidden();
  const body = postedCommentBody(server);
  expect(validateAdf(body)).toBe(true);
  expect(adfText(body)).toContain(hostile);
  await expect(page.locator('[data-testid="issue.activity.comments-list"]')).toContainText(hostile);
});

test('a draft survives closing the tab and comes back on the same ticket', async ({ ext, page }) => {
  await page.goto(ISSUE);
  await chooseJiraAssignee(page, 'Bob Chen');
  await checklist(page)
    .getByLabel(LABELS.done, { exact: true })
    .pressSequentially('Restarted the worker twice');
  await page.close();

  const again = await ext.context.newPage();
  await again.goto(ISSUE);
  await chooseJiraAssignee(again, 'Bob Chen');
  const dialog = checklist(again);
  await expect(dialog.getByLabel(LABELS.done, { exact: true })).toHaveValue('Restarted the worker twice');
  await expect(dialog.getByRole('status')).toContainText('draft');
});

test('the popup shows the figures after two handoffs, then where and why they happened', async ({
  ext,
  page,
}) => {
  for (const [issue, person] of [
    ['ACME-1', 'Bob Chen'],
    ['ACME-2', 'Chloé Dubois'],
  ] as const) {
    await page.goto(`https://acme.atlassian.net/browse/${issue}`);
    await chooseJiraAssignee(page, person);
    const dialog = checklist(page);
    await fillChecklist(dialog);
    await dialog.getByRole('button', { name: 'Complete handoff' }).click();
    await expect(dialog).toBeHidden();
  }
  const popup = await ext.context.newPage();
  await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  await expect(popup.getByRole('status', { name: 'Handoffs' })).toHaveText('2');
  await expect(popup.getByRole('status', { name: 'Completion rate' })).toHaveText('100%');
  await expect(popup.getByRole('status', { name: 'Median time to fill' })).toHaveText(/^\d+ s$/);
  // The rest comes from the whole log, read once the figures are on screen.
  await expect(popup.getByRole('region', { name: /^Reasons for handoff/ })).toContainText(
    `${GOOD_ANSWERS.reason}2`,
  );
  await expect(popup.getByRole('region', { name: /^By site/ })).toContainText('Jira');
});

test('the board side panel (?selectedIssue=KEY) is guarded like the issue view', async ({ page, server }) => {
  await page.goto('https://acme.atlassian.net/jira/software/projects/ACME/boards/1?selectedIssue=ACME-2');
  await chooseJiraAssignee(page, '김민준');
  const dialog = checklist(page);
  await expect(dialog).toContainText('ACME-2');
  await expect(dialog).toContainText('김민준');
  await fillChecklist(dialog, {
    ...GOOD_ANSWERS,
    situation: '고객이 저장된 카드로 결제할 수 없습니다. 3.2 릴리스 이후.',
  });
  await dialog.getByRole('button', { name: 'Complete handoff' }).click();
  await expect(assigneeValue(page)).toContainText('김민준');
  expect(commentRequests(server).map((c) => c.path)).toEqual(['/rest/api/3/issue/ACME-2/comment']);
  expect(adfText(postedCommentBody(server)).join('\n')).toContain('고객이 저장된 카드로 결제할 수 없습니다.');
  expect(reassignRequests(server)).toHaveLength(1);
});

test('a bulk edit that sets the assignee is held once and the comment lands on every issue', async ({
  page,
  server,
}) => {
  await page.goto(ISSUE);
  const result = pageApi(page, '__jiraReplica', 'POST', '/rest/api/3/bulk/issues/fields', {
    selectedIssueIdsOrKeys: ['ACME-2', 'ACME-3'],
    selectedActions: ['assignee'],
    editedFieldsInput: {
      singleSelectClearableUserPickerFields: [{ fieldId: 'assignee', user: { accountId: BOB } }],
    },
  });
  const dialog = checklist(page);
  await expect(dialog).toContainText('ACME-2');
  await expect(dialog).toContainText('ACME-3');
  expect(server.requests({ path: /bulk/ })).toHaveLength(0);
  await fillChecklist(dialog);
  await dialog.getByRole('button', { name: 'Complete handoff' }).click();
  expect((await result).status).toBe(201);
  const comments = commentRequests(server).map((c) => c.path);
  expect(comments).toEqual(['/rest/api/3/issue/ACME-2/comment', '/rest/api/3/issue/ACME-3/comment']);
  const bulk = server.requests({ path: /bulk/ });
  expect(bulk).toHaveLength(1);
  expect(commentRequests(server).every((c) => c.seq < (bulk[0]?.seq ?? 0))).toBe(true);
  expect(server.jira.issue('ACME-3')?.assigneeId).toBe(BOB);
});

test('logged out of Jira: the failure says so, the reassign waits, nothing typed is lost', async ({
  ext,
  page,
  server,
}) => {
  await page.goto(ISSUE);
  await chooseJiraAssignee(page, 'Bob Chen');
  const dialog = checklist(page);
  await fillChecklist(dialog);
  await ext.context.clearCookies();
  await dialog.getByRole('button', { name: 'Complete handoff' }).click();
  await expect(dialog.getByRole('alert')).toContainText('401');
  await expect(dialog.getByRole('button', { name: 'Copy summary' })).toBeVisible();
  await expect(dialog.getByLabel(LABELS.next, { exact: true })).toHaveValue(GOOD_ANSWERS.next);
  expect(reassignRequests(server)).toHaveLength(0);
  const outbox = await ext.worker.evaluate(() => chrome.storage.local.get('outbox'));
  expect(JSON.stringify(outbox)).toContain(GOOD_ANSWERS.next);
});

test('keyboard: Tab order follows the fields, focus stays in the dialog and returns to the page', async ({
  page,
}) => {
  await page.goto(UNASSIGNED_ISSUE);
  const assignToMe = page.getByRole('button', { name: 'Assign to me' });
  await assignToMe.focus();
  await page.keyboard.press('Enter');
  const dialog = checklist(page);
  await expect(dialog).toBeVisible();
  // The first field has focus inside the frame (an out-of-process frame reports itself "inactive" to
  // toBeFocused until it receives input, so ask its document directly).
  const frame = page.frames().find((f) => f.url().includes('/checklist.html'));
  await expect.poll(() => frame?.evaluate(() => document.activeElement?.id)).toBe('field-reason');
  const order = [
    LABELS.situation,
    LABELS.impact,
    LABELS.done,
    LABELS.next,
    LABELS.told,
    LABELS.risks,
    LABELS.links,
  ];
  for (const label of order) {
    await page.keyboard.press('Tab');
    await expect(dialog.getByLabel(label, { exact: true })).toBeFocused();
  }
  // Enter in the last field is a new line, never a half-filled submit.
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Complete handoff' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel(LABELS.reason, { exact: true })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(dialog.getByRole('button', { name: 'Complete handoff' })).toBeFocused();
  await escapeChecklist(page, dialog);
  await expect(page.getByRole('button', { name: 'Assign to me' })).toBeFocused();
});

test('a comment answered with a login page (200 HTML) is not taken for posted: retry posts once, then one reassign', async ({
  page,
  server,
}) => {
  server.failNext('POST', /\/comment$/, {
    status: 200,
    body: '<!DOCTYPE html><html><body>Log in to continue</body></html>',
    contentType: 'text/html;charset=UTF-8',
  });
  await page.goto(ISSUE);
  await chooseJiraAssignee(page, 'Bob Chen');
  const dialog = checklist(page);
  await fillChecklist(dialog);
  await dialog.getByRole('button', { name: 'Complete handoff' }).click();
  await expect(dialog.getByRole('alert')).toContainText(/log/i);
  expect(reassignRequests(server)).toHaveLength(0);
  await expect(assigneeValue(page)).toContainText('Alice Park');

  await dialog.getByRole('button', { name: 'Retry', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(assigneeValue(page)).toContainText('Bob Chen');
  expect(server.jira.comments('ACME-1').filter((c) => c.text.includes('baton:v1'))).toHaveLength(1);
  const reassigns = reassignRequests(server);
  expect(reassigns).toHaveLength(1);
  expect(reassignedTo(reassigns[0])).toBe(BOB);
});

test('a reassign Jira refuses: the dialog says so, nothing counts as done, and Retry reassigns without a second comment', async ({
  ext,
  page,
  server,
}) => {
  server.failNext('POST', /^\/gateway\/api\/graphql$/, {
    status: 400,
    body: '{"errors":[{"message":"Field operation failed"}]}',
  });
  await page.goto(ISSUE);
  await chooseJiraAssignee(page, 'Bob Chen');
  const dialog = checklist(page);
  await fillChecklist(dialog);
  await dialog.getByRole('button', { name: 'Complete handoff' }).click();
  await expect(dialog.getByRole('alert')).toContainText('the reassign did not go through', {
    timeout: 20_000,
  });
  await expect(dialog.getByRole('alert')).toContainText('Jira still shows the previous assignee');
  await expect(assigneeValue(page)).toContainText('Alice Park');
  expect(server.jira.issue('ACME-1')?.assigneeId).toBe(ALICE);
  expect(commentRequests(server)).toHaveLength(1);
  expect(reassignRequests(server)).toHaveLength(1);

  const popup = await ext.context.newPage();
  await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  await expect(popup.getByRole('status', { name: 'Handoffs' })).toHaveText('0');

  await dialog.getByRole('button', { name: 'Retry the reassign' }).click();
  await expect(dialog).toBeHidden();
  await expect(assigneeValue(page)).toContainText('Bob Chen');
  expect(commentRequests(server)).toHaveLength(1);
  const reassigns = reassignRequests(server);
  expect(reassigns).toHaveLength(2);
  expect(reassignedTo(reassigns[1])).toBe(BOB);
  await popup.reload();
  await expect(popup.getByRole('status', { name: 'Handoffs' })).toHaveText('1');
});

test('a reassign request held by the network net and refused with 400: the page waits while the user retries, and gets the success', async ({
  ext,
  page,
  server,
}) => {
  await page.goto(ISSUE);
  server.failNext('PUT', /\/assignee$/, {
    status: 400,
    body: '{"errorMessages":[],"errors":{"accountId":"Specified user does not exist"}}',
  });
  const sent = pageApi(page, '__jiraReplica', 'PUT', '/rest/api/3/issue/ACME-1/assignee', { accountId: BOB });
  const dialog = checklist(page);
  await fillChecklist(dialog);
  await dialog.getByRole('button', { name: 'Complete handoff' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Jira refused it (HTTP 400)');
  const popup = await ext.context.newPage();
  await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  await expect(popup.getByRole('status', { name: 'Handoffs' })).toHaveText('0');

  await page.bringToFront();
  await dialog.getByRole('button', { name: 'Retry the reassign' }).click();
  await expect(dialog).toBeHidden();
  // The page's own request was sent again and answered: its code sees the success, not the refusal.
  expect((await sent).status).toBe(204);
  expect(server.jira.issue('ACME-1')?.assigneeId).toBe(BOB);
  expect(commentRequests(server)).toHaveLength(1);
  expect(server.requests({ method: 'PUT', path: /\/assignee$/ }).map((r) => r.status)).toEqual([400, 204]);
  await popup.reload();
  await expect(popup.getByRole('status', { name: 'Handoffs' })).toHaveText('1');
});

test('a held reassign the host refused, then cancelled: the page gets the refusal and the comment is taken back', async ({
  page,
  server,
}) => {
  await page.goto(ISSUE);
  server.failNext('PUT', /\/assignee$/, { status: 500, body: '{"errorMessages":["Internal server error"]}' });
  const sent = pageApi(page, '__jiraReplica', 'PUT', '/rest/api/3/issue/ACME-1/assignee', { accountId: BOB });
  const dialog = checklist(page);
  await fillChecklist(dialog);
  await dialog.getByRole('button', { name: 'Complete handoff' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Jira refused it (HTTP 500)');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect((await sent).status).toBe(500);
  await expect
    .poll(() => server.jira.comments('ACME-1').filter((c) => c.text.includes('baton:v1')).length)
    .toBe(0);
  expect(server.jira.issue('ACME-1')?.assigneeId).toBe(ALICE);
});

test('Cancel and Escape while the comment is posting change nothing: the handoff completes once', async ({
  page,
  server,
}) => {
  server.delayNext('POST', /\/comment$/, 2500);
  await page.goto(ISSUE);
  await chooseJiraAssignee(page, 'Bob Chen');
  const dialog = checklist(page);
  await fillChecklist(dialog);
  await dialog.getByRole('button', { name: 'Complete handoff' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Posting the handoff comment' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeDisabled();
  // Twice: a native dialog lets a page refuse only one Esc per user activation, then closes itself.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeVisible();
  await expect(dialog).toBeHidden({ timeout: 15_000 });
  await expect(assigneeValue(page)).toContainText('Bob Chen');
  expect(commentRequests(server)).toHaveLength(1);
  expect(reassignRequests(server)).toHaveLength(1);
  expect(server.jira.issue('ACME-1')?.assigneeId).toBe(BOB);
});

test('cancelling after Jira refused the reassign takes the posted comment back: no handoff is announced that did not happen', async ({
  page,
  server,
}) => {
  server.failNext('POST', /^\/gateway\/api\/graphql$/, {
    status: 503,
    body: '{"errors":[{"message":"Try later"}]}',
  });
  await page.goto(ISSUE);
  await chooseJiraAssignee(page, 'Bob Chen');
  const dialog = checklist(page);
  await fillChecklist(dialog);
  await dialog.getByRole('button', { name: 'Complete handoff' }).click();
  await expect(dialog.getByRole('button', { name: 'Retry the reassign' })).toBeVisible({ timeout: 20_000 });
  expect(server.jira.comments('ACME-1').filter((c) => c.text.includes('baton:v1'))).toHaveLength(1);

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect
    .poll(() => server.jira.comments('ACME-1').filter((c) => c.text.includes('baton:v1')).length)
    .toBe(0);
  expect(
    server.requests({ method: 'DELETE', path: /\/rest\/api\/3\/issue\/ACME-1\/comment\/\d+$/ }),
  ).toHaveLength(1);
  expect(server.jira.issue('ACME-1')?.assigneeId).toBe(ALICE);
  await expect(assigneeValue(page)).toContainText('Alice Park');
});
