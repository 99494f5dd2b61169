import type { Locator, Page } from '@playwright/test';
import { SERVICE_HANDOFF } from '../../lib/checklist/default-template.ts';
import { renderAdf } from '../../lib/checklist/render-adf.ts';
import { renderHtml } from '../../lib/checklist/render-html.ts';
import { renderMarkdown } from '../../lib/checklist/render-markdown.ts';
import { buildSummary, type Summary } from '../../lib/checklist/summary.ts';
import type { HostServer } from './fixtures/host-server.ts';
import * as trello from './fixtures/trello/trello-data.ts';
import { checklist, chooseJiraAssignee, expect, fillChecklist, LABELS, test } from './support/fixtures.ts';

// The ticket's story at the moment of handoff (issue 18), on each replica with a seeded history: the
// line names the count and the people, the comment carries the count, a fresh ticket shows nothing, a
// history the host will not give (500) leaves the checklist as it was, and the dialog never waits for it.

const DAY = 24 * 60 * 60 * 1000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString().replace('Z', '+0000');
const NEXT = 'Call the customer back about the saved-card fix.';
const HANDOFF_ID = 'a1b2c3d4-1111-4a4a-9c9c-000000000018';
const STRINGS = {
  heading: 'Handoff checklist',
  ticket: 'Ticket',
  from: 'From',
  to: 'To',
  unassigned: 'Unassigned',
};

/** A handoff comment exactly as Baton writes it. */
function handoff(from: string, to: { id: string; name: string }): Summary {
  return buildSummary(
    SERVICE_HANDOFF,
    {
      reason: 'shift_change',
      situation: 'Saved cards fail at the last step since the release.',
      impact: 'Acme Corp EU shoppers',
      done: 'Reproduced it on staging with a saved Visa.',
      next: NEXT,
      told: 'An update by tonight.',
    },
    { site: 'x', ticketKey: 'T-1', url: 'https://x.invalid/', at: ago(0), from: { name: from }, to },
    HANDOFF_ID,
    'en',
    STRINGS,
  );
}

const historyLine = (dialog: Locator) => dialog.getByRole('region', { name: 'Ticket history' });

async function complete(dialog: Locator) {
  await fillChecklist(dialog);
  await dialog.getByRole('button', { name: 'Complete handoff' }).click();
  await expect(dialog).toBeHidden();
}

// ---- The replicas, each with a seeded history ---------------------------------------------------------

interface Replica {
  name: string;
  url: string;
  /** Makes the reassign that opens the checklist. */
  reassign(page: Page): Promise<void>;
  seed(server: HostServer): void;
  /** The history read the replica answers. */
  historyRead: RegExp;
  line: string;
  lastBy: string;
  /** Where the last handoff's link goes; null where the host has no address for one comment. */
  link: RegExp | null;
  /** The text of the handoff comment this test's Complete posted. */
  posted(server: HostServer): string;
}

const JIRA_ALICE = '5b10a2844c20165700ede21g';
const JIRA_BOB = '5b10ac8d82e05b22cc7d4ef5';
const JIRA_CHLOE = '712020:2f3c7c1e-95b1-4e6a-9f0e-3e5f1b7a8c11';

const zendeskPanel = (page: Page) => page.locator('[data-test-id="ticket-101-standard-layout"]');

const REPLICAS: Replica[] = [
  {
    name: 'Jira',
    url: 'https://acme.atlassian.net/browse/ACME-1',
    reassign: (page) => chooseJiraAssignee(page, 'Bob Chen'),
    // ACME-1 went Chloé → Bob → Alice in the last three weeks; Bob handed it to Alice with Baton.
    seed(server) {
      server.jira.seedAssignees('ACME-1', [
        { fromId: null, toId: JIRA_CHLOE, created: ago(20 * DAY) },
        { fromId: JIRA_CHLOE, toId: JIRA_BOB, created: ago(10 * DAY), authorId: JIRA_CHLOE },
        { fromId: JIRA_BOB, toId: JIRA_ALICE, created: ago(2 * DAY), authorId: JIRA_BOB },
      ]);
      server.jira.seedComment('ACME-1', {
        authorId: JIRA_BOB,
        body: renderAdf(handoff('Bob Chen', { id: JIRA_ALICE, name: 'Alice Park' })),
        created: ago(2 * DAY + 60_000),
      });
    },
    historyRead: /^\/rest\/api\/3\/issue\/ACME-1\/changelog$/,
    line: 'Changed hands 3 times in 30 days: Chloé Dubois → Bob Chen → Alice Park',
    lastBy: 'Bob Chen',
    link: /^https:\/\/acme\.atlassian\.net\/browse\/ACME-1\?focusedCommentId=\d+$/,
    posted: (server) =>
      server.jira.comments('ACME-1').find((c) => c.text.includes('baton:v1') && c.authorId === JIRA_ALICE)
        ?.text ?? '',
  },
  {
    name: 'Zendesk',
    url: 'https://acme.zendesk.com/agent/tickets/101',
    async reassign(page) {
      const panel = zendeskPanel(page);
      await panel.locator('[data-test-id="assignee-field-autocomplete-trigger"]').click();
      const menu = panel.locator('[data-test-id="assignee-field-dropdown-menu"]');
      await menu.getByRole('option', { name: 'Support', exact: true }).click();
      await menu.getByRole('option', { name: 'Bob Chen', exact: true }).click();
      await expect(menu).toBeHidden();
      await expect(panel.locator('[data-test-id="assignee-field-selected-agent-tag"]')).toContainText(
        'Bob Chen',
      );
      await panel.locator('[data-test-id="submit_button-button"]').click();
    },
    // Ticket 101 went to Chloé (Tier 2), then to the Billing group with no agent, then to Alice, whom Bob
    // handed it to with Baton.
    seed(server) {
      server.zendesk.seedAssignees(101, { assigneeId: null, groupId: null }, [
        { assigneeId: 9003, groupId: 360003, createdAt: ago(20 * DAY), authorId: 9001 },
        { assigneeId: null, groupId: 360002, createdAt: ago(10 * DAY), authorId: 9003 },
        { assigneeId: 9001, groupId: 360001, createdAt: ago(2 * DAY), authorId: 9002 },
      ]);
      server.zendesk.seedComment(101, {
        authorId: 9002,
        html: renderHtml(handoff('Bob Chen', { id: '9001', name: 'Alice Park (Support)' })),
        createdAt: ago(2 * DAY + 60_000),
      });
    },
    historyRead: /^\/api\/v2\/tickets\/101\/audits\.json$/,
    line: 'Changed hands 3 times in 30 days: Chloé Dubois → Billing → Alice Park',
    lastBy: 'Bob Chen',
    link: null,
    posted: (server) =>
      server.zendesk
        .comments(101)
        .filter((c) => !c.public && c.body.includes('baton:v1') && c.authorId === 9001)
        .map((c) => c.body)
        .join('\n'),
  },
  {
    name: 'Trello',
    url: 'https://trello.com/c/Xy12Ab34',
    async reassign(page) {
      await page.locator('[data-testid="card-back-members-button"]').click();
      const popover = page.locator('[data-testid="members-popover"]');
      await popover.getByLabel('Search members').fill('bob');
      await popover.getByRole('button', { name: 'Bob Chen' }).click();
    },
    // Bob joined the card himself (not a handoff), added Chloé, who added Alice with Baton; both left.
    // A move between lists that are not handoff lists does not count either.
    seed(server) {
      server.trello.seedMemberChanges('Xy12Ab34', [
        {
          type: 'updateCard',
          by: trello.BOB,
          date: ago(25 * DAY),
          listBefore: trello.INBOX,
          listAfter: trello.INVESTIGATING,
        },
        { type: 'addMemberToCard', by: trello.BOB, member: trello.BOB, date: ago(20 * DAY) },
        { type: 'addMemberToCard', by: trello.BOB, member: trello.CHLOE, date: ago(12 * DAY) },
        { type: 'removeMemberFromCard', by: trello.BOB, member: trello.BOB, date: ago(12 * DAY - 1000) },
        { type: 'addMemberToCard', by: trello.CHLOE, member: trello.ALICE, date: ago(3 * DAY) },
        { type: 'removeMemberFromCard', by: trello.CHLOE, member: trello.CHLOE, date: ago(3 * DAY - 1000) },
      ]);
      server.trello.seedComment('Xy12Ab34', {
        memberId: trello.CHLOE,
        text: renderMarkdown(handoff('Chloé Dubois', { id: trello.ALICE, name: 'Alice Park' })),
        date: ago(3 * DAY + 60_000),
      });
    },
    historyRead: /^\/1\/cards\/[^/]+\/actions$/,
    line: 'Changed hands 2 times in 30 days: Bob Chen → Chloé Dubois → Alice Park',
    lastBy: 'Chloé Dubois',
    link: /^https:\/\/trello\.com\/c\/Xy12Ab34#comment-[0-9a-f]{24}$/,
    posted: (server) =>
      server.trello
        .comments('Xy12Ab34')
        .filter((c) => c.text.includes('baton:v1'))
        .map((c) => c.text)
        .at(-1) ?? '',
  },
];

/** The history read went out and was answered (the replica records the status once it answers). */
const historyAnswered = (server: HostServer, replica: Replica) =>
  server
    .requests({ method: 'GET', path: replica.historyRead })
    .filter((r) => replica.name !== 'Trello' || r.query.filter?.includes('addMemberToCard'))
    .some((r) => r.status !== undefined);

for (const replica of REPLICAS) {
  test(`${replica.name}: the checklist says how often the ticket changed hands, between whom, and what the last handoff asked; the comment carries the count`, async ({
    page,
    server,
  }) => {
    replica.seed(server);
    await page.goto(replica.url);
    await replica.reassign(page);
    const dialog = checklist(page);
    const line = historyLine(dialog);
    await expect(line).toContainText(replica.line);
    await expect(line).toContainText(`Last handoff by ${replica.lastBy} — next action: ${NEXT}`);
    const link = line.getByRole('link', { name: 'Open that comment' });
    if (replica.link) await expect(link).toHaveAttribute('href', replica.link);
    else await expect(link).toHaveCount(0);
    await expect(line).toHaveClass(/history-hot/);
    await expect(dialog.getByLabel(LABELS.reason, { exact: true })).toHaveAccessibleDescription(
      /This ticket has changed hands \d times in 30 days/,
    );

    await complete(dialog);
    expect(replica.posted(server)).toContain(replica.line.slice(0, replica.line.indexOf(':')));
  });

  test(`${replica.name}: a ticket that never changed hands shows no line, and its comment no count`, async ({
    page,
    server,
  }) => {
    await page.goto(replica.url);
    await replica.reassign(page);
    const dialog = checklist(page);
    await expect(dialog.getByLabel(LABELS.reason, { exact: true })).toBeVisible();
    await expect.poll(() => historyAnswered(server, replica)).toBe(true);
    await expect(historyLine(dialog)).toHaveCount(0);
    await complete(dialog);
    expect(replica.posted(server)).toContain('baton:v1');
    expect(replica.posted(server)).not.toContain('Changed hands');
  });

  test(`${replica.name}: when the history read answers 500 the checklist shows without the line, and the handoff completes`, async ({
    page,
    server,
  }) => {
    replica.seed(server);
    server.failNext('GET', replica.historyRead, {
      status: 500,
      body: '{"error":"InternalError"}',
      times: replica.name === 'Trello' ? 5 : 1,
    });
    await page.goto(replica.url);
    await replica.reassign(page);
    const dialog = checklist(page);
    await expect(dialog.getByLabel(LABELS.reason, { exact: true })).toBeVisible();
    await expect.poll(() => historyAnswered(server, replica)).toBe(true);
    await expect(dialog.getByRole('alert')).toHaveCount(0);
    await expect(historyLine(dialog)).toHaveCount(0);
    await complete(dialog);
    expect(replica.posted(server)).toContain('baton:v1');
    expect(replica.posted(server)).not.toContain('Changed hands');
  });
}

test('Jira: the dialog opens at once while the history is slow, and the line appears when it arrives', async ({
  page,
  server,
}) => {
  const jira = REPLICAS[0] as Replica;
  jira.seed(server);
  server.delayNext('GET', jira.historyRead, 4000);
  await page.goto(jira.url);
  await jira.reassign(page);
  const dialog = checklist(page);
  await expect(dialog.getByRole('button', { name: 'Complete handoff' })).toBeVisible();
  // The dialog is up and usable while Jira has not answered the changelog yet.
  expect(historyAnswered(server, jira)).toBe(false);
  await expect(historyLine(dialog)).toHaveCount(0);
  await dialog.getByLabel(LABELS.situation, { exact: true }).fill('Typed while the history loads.');
  await expect(historyLine(dialog)).toContainText(jira.line, { timeout: 15_000 });
  await expect(dialog.getByLabel(LABELS.situation, { exact: true })).toHaveValue(
    'Typed while the history loads.',
  );
});
