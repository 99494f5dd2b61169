import type { Page } from '@playwright/test';
import type { HostServer, RecordedRequest } from './fixtures/host-server.ts';
import { DSC_VALUE } from './fixtures/trello/trello-site.ts';
import {
  checklist,
  expect,
  fillChecklist,
  GOOD_ANSWERS,
  pageApi,
  test,
  trelloComments,
  trelloMemberChanges,
} from './support/fixtures.ts';

// The service worker's own global, in evaluate callbacks that run there.
declare const chrome: { storage: { local: { set(items: Record<string, unknown>): Promise<void> } } };

const BOARD = 'https://trello.com/b/AbCd1234/support-escalations';
const REFUND = 'https://trello.com/c/Xy12Ab34/1-refund-not-received';
const SSO = 'https://trello.com/c/Qw56Er78/2-sso-login-loop';
const ALICE = '5f1a0b0c0d0e0f1011121301';
const BOB = '5f1a0b0c0d0e0f1011121302';
const CHLOE = '5f1a0b0c0d0e0f1011121303';

const memberChanges = trelloMemberChanges;
const comments = trelloComments;
const handoffComments = (server: HostServer, card: string) =>
  server.trello.comments(card).filter((c) => c.text.includes('baton:v1'));

async function openMembers(page: Page) {
  await page.locator('[data-testid="card-back-members-button"]').click();
  return page.locator('[data-testid="members-popover"]');
}

/** The members the open card back shows, by their avatars' titles ("Full Name (username)"). */
const cardBackMembers = (page: Page) =>
  page
    .locator('[data-testid="card-back-members-container"] [data-testid="card-back-member-avatar"] img')
    .evaluateAll((images) => images.map((image) => image.getAttribute('title')));

/** The member button the popover shows for someone, as a person picks it: by searching their name. */
async function chooseMember(page: Page, search: string, name: string) {
  const popover = await openMembers(page);
  await popover.getByLabel('Search members').fill(search);
  await popover.getByRole('button', { name }).click();
}

const sentJson = (request: RecordedRequest | undefined) =>
  request?.json as Record<string, unknown> | undefined;

test('adding another member waits for the checklist; the comment lands, then the member', async ({
  page,
  server,
}) => {
  await page.goto(REFUND);
  await chooseMember(page, 'bob', 'Bob Chen');
  const dialog = checklist(page);
  await expect(dialog).toContainText('Refund not received');
  await expect(dialog).toContainText('Bob Chen');
  expect(memberChanges(server)).toHaveLength(0);
  await fillChecklist(dialog, {
    ...GOOD_ANSWERS,
    situation: 'Card **payment** failed; see [docs](javascript:alert(1)) @board',
  });
  await dialog.getByRole('button', { name: 'Complete handoff' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => cardBackMembers(page)).toEqual(['Alice Park (alicepark)', 'Bob Chen (bobchen)']);

  const [comment] = comments(server);
  const changes = memberChanges(server);
  expect(changes).toHaveLength(1);
  expect(comment?.seq).toBeLessThan(changes[0]?.seq ?? 0);
  // Both as Trello's own client sends them: the double-submit cookie in the JSON body, no token anywhere.
  expect(sentJson(comment)?.dsc).toBe(DSC_VALUE);
  expect(comment?.query).toEqual({});
  expect(changes[0]?.method).toBe('POST');
  expect(sentJson(changes[0])).toMatchObject({ value: BOB, dsc: DSC_VALUE });
  expect(server.trello.card('Xy12Ab34')?.idMembers).toEqual([ALICE, BOB]);
  const [handoff] = handoffComments(server, 'Xy12Ab34');
  expect(handoff?.text).toContain('Card \\*\\*payment\\*\\* failed');
  expect(handoff?.text).not.toContain('@board');
  expect(handoff?.text).not.toContain('](javascript:');
  expect(handoff?.text).toMatch(/baton:v1 handoff=[A-Za-z0-9-]{6,}/);
});

test('Cancel leaves the card as it was', async ({ page, server }) => {
  await page.goto(REFUND);
  await chooseMember(page, 'chlo', 'Chloé Dubois');
  const dialog = checklist(page);
  await expect(dialog).toContainText('Chloé Dubois');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(memberChanges(server)).toHaveLength(0);
  expect(comments(server)).toHaveLength(0);
  expect(server.trello.card('Xy12Ab34')?.idMembers).toEqual([ALICE]);
  expect(await cardBackMembers(page)).toEqual(['Alice Park (alicepark)']);
});

test('joining a card yourself is not a handoff: no dialog, the member is added at once', async ({
  page,
  server,
}) => {
  await page.goto('https://trello.com/c/Zx90Cv12/3-invoice-address-wrong');
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Leave', exact: true })).toBeVisible();
  await expect.poll(() => cardBackMembers(page)).toEqual(['Alice Park (alicepark)']);
  await expect(page.locator('iframe[data-baton="checklist"]')).toHaveCount(0);
  expect(server.trello.card('Zx90Cv12')?.idMembers).toEqual([ALICE]);
  const changes = memberChanges(server);
  expect(changes).toHaveLength(1);
  expect(sentJson(changes[0])).toMatchObject({ value: ALICE, dsc: DSC_VALUE });
  expect(comments(server)).toHaveLength(0);
});

test('adding yourself through the members popover goes through at once', async ({ page, server }) => {
  await page.goto('https://trello.com/c/Zx90Cv12/3-invoice-address-wrong');
  await chooseMember(page, 'alice', 'Alice Park');
  await expect.poll(() => cardBackMembers(page)).toEqual(['Alice Park (alicepark)']);
  await expect(page.locator('iframe[data-baton="checklist"]')).toHaveCount(0);
  expect(memberChanges(server)).toHaveLength(1);
});

test('removing someone else through the members popover is not a handoff', async ({ page, server }) => {
  await page.goto(SSO);
  await chooseMember(page, 'chloe', 'Chloé Dubois');
  await expect.poll(() => cardBackMembers(page)).toEqual(['Alice Park (alicepark)']);
  await expect(page.locator('iframe[data-baton="checklist"]')).toHaveCount(0);
  expect(server.trello.card('Qw56Er78')?.idMembers).toEqual([ALICE]);
  const changes = memberChanges(server);
  expect(changes.map((r) => r.method)).toEqual(['DELETE']);
  expect(sentJson(changes[0])).toEqual({ dsc: DSC_VALUE });
});

test('removing yourself through the members popover while another member stays is a handoff', async ({
  page,
  server,
}) => {
  await page.goto(SSO);
  await chooseMember(page, 'alice', 'Alice Park');
  const dialog = checklist(page);
  await expect(dialog).toContainText('SSO login loop');
  await expect(dialog).toContainText('Chloé Dubois');
  expect(memberChanges(server)).toHaveLength(0);
  await fillChecklist(dialog);
  await dialog.getByRole('button', { name: 'Complete handoff' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => cardBackMembers(page)).toEqual(['Chloé Dubois (chloedubois)']);
  expect(handoffComments(server, 'Qw56Er78')).toHaveLength(1);
  expect(comments(server)[0]?.seq).toBeLessThan(memberChanges(server)[0]?.seq ?? 0);
  expect(memberChanges(server)).toHaveLength(1);
});

test('a card named with 5,000 characters still gets its checklist, and the handoff completes', async ({
  page,
  server,
}) => {
  const name = `Refund not received ${'and the customer wrote again '.repeat(200)}`.slice(0, 5000);
  server.trello.renameCard('Xy12Ab34', name);
  await page.goto(REFUND);
  await chooseMember(page, 'bob', 'Bob Chen');
  const dialog = checklist(page);
  await expect(dialog).toContainText('Refund not received and the customer wrote again');
  await expect(dialog).toContainText('Bob Chen');
  expect(memberChanges(server)).toHaveLength(0);
  await fillChecklist(dialog);
  await dialog.getByRole('button', { name: 'Complete handoff' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => cardBackMembers(page)).toEqual(['Alice Park (alicepark)', 'Bob Chen (bobchen)']);
  expect(handoffComments(server, 'Xy12Ab34')).toHaveLength(1);
  expect(memberChanges(server)).toHaveLength(1);
});

test('leaving a card while another member stays is a handoff', async ({ page, server }) => {
  await page.goto(SSO);
  await page.locator('[data-testid="card-back-leave-button"]').click();
  const dialog = checklist(page);
  await expect(dialog).toContainText('Chloé Dubois');
  await fillChecklist(dialog);
  await dialog.getByRole('button', { name: 'Complete handoff' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => server.trello.card('Qw56Er78')?.idMembers).toEqual([CHLOE]);
  expect(handoffComments(server, 'Qw56Er78')).toHaveLength(1);
});

test('removing someone else through their profile card is not a handoff', async ({ page, server }) => {
  await page.goto(SSO);
  await page
    .locator('[data-testid="card-back-members-container"]')
    .getByRole('button', { name: 'Chloé Dubois (chloedubois)' })
    .click();
  await page.locator('[data-testid="remove-from-card"]').click();
  await expect.poll(() => server.trello.card('Qw56Er78')?.idMembers).toEqual([ALICE]);
  await expect(page.locator('iframe[data-baton="checklist"]')).toHaveCount(0);
});

test('Space on an open card you share removes you only after the checklist', async ({ page, server }) => {
  await page.goto(SSO);
  await page.locator('[data-testid="card-back-name"]').click();
  await page.keyboard.press('Space');
  const dialog = checklist(page);
  await expect(dialog).toBeVisible();
  expect(memberChanges(server)).toHaveLength(0);
  await fillChecklist(dialog);
  await dialog.getByRole('button', { name: 'Complete handoff' }).click();
  await expect.poll(() => server.trello.card('Qw56Er78')?.idMembers).toEqual([CHLOE]);
  expect(memberChanges(server)).toHaveLength(1);
});

test.describe('with "Tier 2 handoff" named as a handoff list', () => {
  test.beforeEach(async ({ ext }) => {
    await ext.worker.evaluate(() =>
      chrome.storage.local.set({
        settings: {
          enforcement: {},
          templateBySite: {},
          retentionDays: 365,
          trello: {
            addOthers: true,
            removeSelfWhileOthersStay: true,
            joinSelf: false,
            removeOthers: false,
            handoffLists: ['Tier 2 handoff'],
          },
        },
      }),
    );
  });

  test('moving a card into it with the Move action is a handoff; moving elsewhere is not', async ({
    page,
    server,
  }) => {
    await page.goto(REFUND);
    await page.locator('[data-testid="card-back-actions-button"]').click();
    await page
      .locator('[data-testid="card-actions-popover"]')
      .getByRole('menuitem', { name: 'Move' })
      .click();
    const move = page.locator('[data-testid="move-card-popover"]');
    await move.getByLabel('List').selectOption({ label: 'Tier 2 handoff' });
    await move.locator('[data-testid="move-card-popover-move-button"]').click();
    const dialog = checklist(page);
    await expect(dialog).toContainText('Tier 2 handoff');
    await fillChecklist(dialog);
    await dialog.getByRole('button', { name: 'Complete handoff' }).click();
    await expect(dialog).toBeHidden();
    await expect
      .poll(() => server.trello.card('Xy12Ab34')?.idList)
      .toBe(server.trello.lists.find((l) => l.name === 'Tier 2 handoff')?.id);
    expect(handoffComments(server, 'Xy12Ab34')).toHaveLength(1);

    await page.locator('[data-testid="card-back-actions-button"]').click();
    await page
      .locator('[data-testid="card-actions-popover"]')
      .getByRole('menuitem', { name: 'Move' })
      .click();
    await move.getByLabel('List').selectOption({ label: 'Done' });
    await move.locator('[data-testid="move-card-popover-move-button"]').click();
    const done = server.trello.lists.find((l) => l.name === 'Done')?.id;
    await expect.poll(() => server.trello.card('Xy12Ab34')?.idList).toBe(done);
    await expect(page.locator('iframe[data-baton="checklist"]')).toHaveCount(0);
  });

  test('dragging a card into it on the board is caught by the network safety net', async ({
    page,
    server,
  }) => {
    await page.goto(BOARD);
    const card = page.locator('[data-testid="list-card"][data-short-link="Zx90Cv12"]');
    const target = page
      .locator('[data-testid="list"]')
      .filter({ hasText: 'Tier 2 handoff' })
      .locator('[data-testid="list-cards"]');
    await card.dragTo(target);
    const dialog = checklist(page);
    await expect(dialog).toContainText('Invoice address wrong');
    expect(memberChanges(server)).toHaveLength(0);
    await fillChecklist(dialog);
    await dialog.getByRole('button', { name: 'Complete handoff' }).click();
    await expect(dialog).toBeHidden();
    await expect
      .poll(() => server.trello.card('Zx90Cv12')?.idList)
      .toBe(server.trello.lists.find((l) => l.name === 'Tier 2 handoff')?.id);
    expect(comments(server)[0]?.seq).toBeLessThan(memberChanges(server)[0]?.seq ?? 0);
  });
});

test('a member change sent straight to the API by page code is caught', async ({ page, server }) => {
  await page.goto(BOARD);
  const result = pageApi(page, '__trelloReplica', 'POST', '/1/cards/Xy12Ab34/idMembers', { value: BOB });
  const dialog = checklist(page);
  await expect(dialog).toContainText('Bob Chen');
  await fillChecklist(dialog);
  await dialog.getByRole('button', { name: 'Complete handoff' }).click();
  expect((await result).status).toBe(200);
  expect(server.trello.card('Xy12Ab34')?.idMembers).toEqual([ALICE, BOB]);
  expect(handoffComments(server, 'Xy12Ab34')).toHaveLength(1);
});

test('editing the description goes straight through', async ({ page, server }) => {
  await page.goto(REFUND);
  await page.locator('[data-testid="description-edit-button"]').click();
  await page.getByRole('textbox', { name: 'Description' }).fill('Customer sent the bank statement.');
  await page.locator('[data-testid="description-save-button"]').click();
  await expect.poll(() => server.trello.card('Xy12Ab34')?.desc).toBe('Customer sent the bank statement.');
  await expect(page.locator('iframe[data-baton="checklist"]')).toHaveCount(0);
});

test('when Trello refuses the comment, the member waits, the dialog says so, and a half-written comment is untouched', async ({
  page,
  server,
}) => {
  server.trello.refuseComments(503);
  await page.goto(REFUND);
  await page.locator('[data-testid="card-back-new-comment-input-skeleton"]').click();
  const composer = page.locator('[data-testid*="comment"] [contenteditable="true"]');
  await composer.pressSequentially('Half-written note for the bank');
  await chooseMember(page, 'bob', 'Bob Chen');
  const dialog = checklist(page);
  await fillChecklist(dialog);
  await dialog.getByRole('button', { name: 'Complete handoff' }).click();
  await expect(dialog.getByRole('alert')).toContainText('could not be posted');
  expect(memberChanges(server)).toHaveLength(0);
  expect(handoffComments(server, 'Xy12Ab34')).toHaveLength(0);
  await expect(composer).toHaveText('Half-written note for the bank');

  server.trello.refuseComments(null);
  await dialog.getByRole('button', { name: 'Retry' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => cardBackMembers(page)).toEqual(['Alice Park (alicepark)', 'Bob Chen (bobchen)']);
  expect(handoffComments(server, 'Xy12Ab34')).toHaveLength(1);
  expect(memberChanges(server)).toHaveLength(1);
  await expect(composer).toHaveText('Half-written note for the bank');
});

test('the replica refuses a write whose dsc is missing or only in the query string, as Trello does', async ({
  page,
  server,
}) => {
  await page.goto(REFUND);
  type Call = (
    method: string,
    path: string,
    params: Record<string, unknown>,
    options?: { as?: string; dsc?: string | null },
  ) => Promise<{ status: number; text: string }>;
  const api = (method: string, path: string, params: Record<string, unknown>, options?: object) =>
    page.evaluate(
      ([m, p, b, o]) =>
        (window as never as { __trelloReplica: { api: Call } }).__trelloReplica.api(m, p, b, o),
      [method, path, params, options] as const,
    );
  const comment = '/1/cards/Xy12Ab34/actions/comments';
  expect(await api('POST', comment, { text: 'no dsc' }, { dsc: null })).toEqual({
    status: 403,
    text: 'CSRF detected',
  });
  expect(await api('POST', comment, { text: 'dsc in the query' }, { as: 'query' })).toEqual({
    status: 403,
    text: 'CSRF detected',
  });
  expect(await api('POST', comment, { text: 'wrong dsc' }, { dsc: 'stale' })).toMatchObject({ status: 403 });
  expect((await api('PUT', '/1/cards/Xy12Ab34', { desc: 'x' }, { dsc: null })).status).toBe(403);
  expect(server.trello.comments('Xy12Ab34')).toHaveLength(1);
  expect(server.trello.card('Xy12Ab34')?.desc).not.toBe('x');
  expect((await api('GET', '/1/cards/Xy12Ab34', { fields: 'name' })).status).toBe(200);
  expect((await api('POST', comment, { text: 'with dsc in the body' })).status).toBe(200);
  expect(server.trello.comments('Xy12Ab34').map((c) => c.text)).toContain('with dsc in the body');
});

test('when Trello does not answer the reads, adding a member still shows the checklist with what the page shows', async ({
  page,
  server,
}) => {
  await page.goto(REFUND);
  server.trello.refuseReads(/^\/1\/(cards|boards)\//);
  await chooseMember(page, 'bob', 'Bob Chen');
  const dialog = checklist(page);
  await expect(dialog).toContainText('Refund not received');
  await expect(dialog).toContainText('Bob Chen');
  expect(memberChanges(server)).toHaveLength(0);
  await fillChecklist(dialog);
  await dialog.getByRole('button', { name: 'Complete handoff' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => cardBackMembers(page)).toEqual(['Alice Park (alicepark)', 'Bob Chen (bobchen)']);
  await expect(page.locator('iframe[data-baton="checklist"]')).toHaveCount(0);
  expect(handoffComments(server, 'Xy12Ab34')).toHaveLength(1);
  expect(memberChanges(server)).toHaveLength(1);
});

test('when only the board members cannot be read, the member named on the page still gets the checklist', async ({
  page,
  server,
}) => {
  await page.goto(REFUND);
  server.trello.refuseReads(/^\/1\/boards\/[^/]+\/members$/);
  await chooseMember(page, 'chloe', 'Chloé Dubois');
  const dialog = checklist(page);
  await expect(dialog).toContainText('Refund not received');
  await expect(dialog).toContainText('Chloé Dubois');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(memberChanges(server)).toHaveLength(0);
  expect(await cardBackMembers(page)).toEqual(['Alice Park (alicepark)']);
});
