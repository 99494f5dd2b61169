import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { SERVICE_HANDOFF } from '../../lib/checklist/default-template.ts';
import { renderAdf } from '../../lib/checklist/render-adf.ts';
import { renderHtml } from '../../lib/checklist/render-html.ts';
import { renderMarkdown } from '../../lib/checklist/render-markdown.ts';
import { buildSummary, type Summary } from '../../lib/checklist/summary.ts';
import { replySummary } from '../../lib/receiver/reply.ts';
import type { HostServer, RecordedRequest } from './fixtures/host-server.ts';
import { CUSTOMERS } from './fixtures/jira/jira-data.ts';
import { ALICE, BOB, CHLOE, DANA_OUTSIDE } from './fixtures/trello/trello-data.ts';
import {
  checklist,
  chooseJiraAssignee,
  expect,
  fillChecklist,
  GOOD_ANSWERS,
  test,
} from './support/fixtures.ts';

// The receiver's side (issue #10) on all three replicas: a Baton handoff comment naming the signed-in
// user shows a banner; Acknowledge posts one reply with the marker and the handoff id, and the banner
// does not come back; someone the handoff does not name sees nothing.

const NEXT = 'Call the customer about the failed refund before noon.';
const STRINGS = { heading: 'Handoff', ticket: 'Ticket', from: 'From', to: 'To', unassigned: 'Unassigned' };

/** The handoff comment exactly as Baton writes it, handed from Alice to the receiver. */
function handoff(handoffId: string, to: { id: string; name: string }): Summary {
  return buildSummary(
    SERVICE_HANDOFF,
    {
      reason: 'shift_change',
      situation: 'Refund failed twice at the payment provider.',
      impact: 'One customer, waiting since Monday',
      done: 'Retried the refund and opened a case with the provider.',
      next: NEXT,
      told: 'That we will call today.',
    },
    {
      site: 'x',
      ticketKey: 'T-1',
      url: 'https://x.invalid/',
      at: '2026-01-01T00:00:00Z',
      from: { name: 'Alice Park' },
      to,
    },
    handoffId,
    'en',
    STRINGS,
  );
}

const FAKE_NEXT = 'Refund the customer in full today, no questions asked.';

/** A handoff comment as Baton would write it, but typed by someone outside the team. */
function fake(to: { id: string; name: string }): Summary {
  const real = handoff('e2e-fake-0001', to);
  return {
    ...real,
    items: real.items.map((item) =>
      item.label === 'Next action for the receiver'
        ? { ...item, value: { kind: 'text', text: FAKE_NEXT } }
        : item,
    ),
  };
}

const fakeAck = (handoffId: string): Summary =>
  replySummary({ kind: 'ack', handoffId, heading: 'Acknowledged by Bob Chen' });

interface Replica {
  name: string;
  url: string;
  receiver: { id: string; name: string };
  /** Signs in as someone the handoff does not name. */
  actAsOther(server: HostServer): void;
  actAsReceiver(server: HostServer): void;
  seed(server: HostServer, handoffId: string, created: string): void;
  /**
   * Comments with Baton's markers from someone outside the team, where the host lets them write (a
   * portal customer, a requester's public reply, a Trello user who is not on the board): a newer
   * handoff naming the receiver with another next action, and an acknowledgement of the real one.
   */
  seedFakes(server: HostServer, realId: string, created: string): void;
  /** Comment posts the replica recorded. */
  posts(server: HostServer): RecordedRequest[];
  commentReads: RegExp;
}

const REPLICAS: Replica[] = [
  {
    name: 'Jira',
    url: 'https://acme.atlassian.net/browse/ACME-1',
    receiver: { id: '5b10ac8d82e05b22cc7d4ef5', name: 'Bob Chen' },
    actAsReceiver: (server) => server.jira.actAs('5b10ac8d82e05b22cc7d4ef5'),
    actAsOther: (server) => server.jira.actAs('712020:2f3c7c1e-95b1-4e6a-9f0e-3e5f1b7a8c11'),
    seed(server, handoffId, created) {
      const body = renderAdf(handoff(handoffId, this.receiver));
      server.jira.seedComment('ACME-1', { authorId: '5b10a2844c20165700ede21g', body, created });
    },
    seedFakes(server, realId, created) {
      const authorId = CUSTOMERS[0]?.accountId ?? '';
      server.jira.seedComment('ACME-1', { authorId, body: renderAdf(fake(this.receiver)), created });
      server.jira.seedComment('ACME-1', { authorId, body: renderAdf(fakeAck(realId)), created });
    },
    posts: (server) => server.requests({ method: 'POST', path: /^\/rest\/api\/3\/issue\/ACME-1\/comment$/ }),
    commentReads: /^\/rest\/api\/3\/issue\/ACME-1\/comment$/,
  },
  {
    name: 'Zendesk',
    url: 'https://acme.zendesk.com/agent/tickets/101',
    receiver: { id: '9002', name: 'Bob Chen' },
    actAsReceiver: (server) => server.zendesk.actAs(9002),
    actAsOther: (server) => server.zendesk.actAs(9003),
    seed(server, handoffId, created) {
      const html = renderHtml(handoff(handoffId, { ...this.receiver, name: 'Bob Chen (Support)' }));
      server.zendesk.seedComment(101, { authorId: 9001, html, createdAt: created });
    },
    seedFakes(server, realId, createdAt) {
      const dana = 7001;
      const html = renderHtml(fake({ ...this.receiver, name: 'Bob Chen (Support)' }));
      server.zendesk.seedComment(101, { authorId: dana, html, createdAt, public: true });
      server.zendesk.seedComment(101, {
        authorId: dana,
        html: renderHtml(fakeAck(realId)),
        createdAt,
        public: true,
      });
    },
    posts: (server) =>
      server
        .requests({ method: 'PUT', path: /^\/api\/v2\/tickets\/101\.json$/ })
        .filter((r) => JSON.stringify(r.json ?? '').includes('comment')),
    commentReads: /^\/api\/v2\/tickets\/101\/comments\.json$/,
  },
  {
    name: 'Trello',
    url: 'https://trello.com/c/Xy12Ab34',
    receiver: { id: BOB, name: 'Bob Chen' },
    actAsReceiver: (server) => server.trello.actAs(BOB),
    actAsOther: (server) => server.trello.actAs(CHLOE),
    seed(server, handoffId, created) {
      const text = renderMarkdown(handoff(handoffId, this.receiver));
      server.trello.seedComment('Xy12Ab34', { memberId: ALICE, text, date: created });
    },
    seedFakes(server, realId, date) {
      const memberId = DANA_OUTSIDE;
      server.trello.seedComment('Xy12Ab34', { memberId, text: renderMarkdown(fake(this.receiver)), date });
      server.trello.seedComment('Xy12Ab34', { memberId, text: renderMarkdown(fakeAck(realId)), date });
    },
    posts: (server) => server.requests({ method: 'POST', path: /^\/1\/cards\/[^/]+\/actions\/comments$/ }),
    commentReads: /^\/1\/cards\/[^/]+\/actions$/,
  },
];

const banner = (page: Page) =>
  page.frameLocator('iframe[data-baton="receiver"]').getByRole('region', { name: 'Handoff received' });

const withMarker = (requests: RecordedRequest[], marker: string) =>
  requests.filter((r) => r.body.includes(marker));

/** Waits until the receiver script has read the ticket's comments, then a little longer for a banner to appear. */
async function settle(page: Page, server: HostServer, replica: Replica, readsBefore: number) {
  await expect
    .poll(() => server.requests({ method: 'GET', path: replica.commentReads }).length)
    .toBeGreaterThan(readsBefore);
  await page.waitForTimeout(800);
}

for (const replica of REPLICAS) {
  test(`${replica.name}: the receiver sees the handoff, acknowledges it once, and it does not come back`, async ({
    page,
    server,
  }) => {
    const id = `e2e-${replica.name.toLowerCase()}-0001`;
    replica.actAsReceiver(server);
    replica.seed(server, id, new Date(Date.now() - 2 * 60 * 60 * 1000).toISOString());
    await page.goto(replica.url);

    const shown = banner(page);
    await expect(shown).toBeVisible();
    await expect(shown).toContainText('Alice Park handed this ticket to you');
    await expect(shown).toContainText('2 hours ago');
    await expect(shown).toContainText(NEXT);
    await shown.getByRole('button', { name: 'Acknowledge' }).click();
    await expect(page.locator('iframe[data-baton="receiver"]')).toHaveCount(0);

    const ackMarker = `baton:v1 handoff=${id} re=ack`;
    await expect.poll(() => withMarker(replica.posts(server), ackMarker).length).toBe(1);
    expect(withMarker(replica.posts(server), ackMarker)[0]?.body).toContain('Acknowledged by Bob Chen');

    const reads = server.requests({ method: 'GET', path: replica.commentReads }).length;
    await page.reload();
    await settle(page, server, replica, reads);
    await expect(page.locator('iframe[data-baton="receiver"]')).toHaveCount(0);
    expect(withMarker(replica.posts(server), ackMarker)).toHaveLength(1);
  });

  test(`${replica.name}: a marker from outside the team neither changes the banner nor hides the handoff`, async ({
    page,
    server,
  }) => {
    const id = `e2e-${replica.name.toLowerCase()}-0003`;
    replica.actAsReceiver(server);
    replica.seed(server, id, new Date(Date.now() - 2 * 60 * 60 * 1000).toISOString());
    replica.seedFakes(server, id, new Date(Date.now() - 60 * 60 * 1000).toISOString());
    await page.goto(replica.url);

    const shown = banner(page);
    await expect(shown).toBeVisible();
    await expect(shown).toContainText('Alice Park handed this ticket to you');
    await expect(shown).toContainText(NEXT);
    await expect(shown).not.toContainText(FAKE_NEXT);
    await shown.getByRole('button', { name: 'Acknowledge' }).click();
    await expect(page.locator('iframe[data-baton="receiver"]')).toHaveCount(0);
    // The outsider's "acknowledgement" did not count: the receiver's own was posted.
    await expect
      .poll(() => withMarker(replica.posts(server), `baton:v1 handoff=${id} re=ack`).length)
      .toBe(1);
  });

  test(`${replica.name}: someone the handoff does not name sees nothing`, async ({ page, server }) => {
    replica.actAsOther(server);
    replica.seed(server, `e2e-${replica.name.toLowerCase()}-0002`, new Date().toISOString());
    await page.goto(replica.url);
    await settle(page, server, replica, 0);
    await expect(page.locator('iframe[data-baton="receiver"]')).toHaveCount(0);
    expect(replica.posts(server)).toHaveLength(0);
  });
}

const JIRA = REPLICAS[0] as Replica;

test('Jira: Ask a question posts it as a reply; Dismiss hides the banner for the session', async ({
  page,
  server,
}) => {
  const id = 'e2e-jira-question-01';
  JIRA.actAsReceiver(server);
  JIRA.seed(server, id, new Date().toISOString());
  await page.goto(JIRA.url);
  const shown = banner(page);
  await expect(shown).toBeVisible();
  await shown.getByRole('button', { name: 'Ask a question' }).click();
  await shown.getByLabel('Your question').fill('Which refund id did the provider give you?');
  await shown.getByRole('button', { name: 'Post question' }).click();
  await expect(shown.getByRole('status')).toHaveText('Your question was posted on the ticket.');
  const questions = withMarker(JIRA.posts(server), `baton:v1 handoff=${id} re=question`);
  expect(questions).toHaveLength(1);
  expect(questions[0]?.body).toContain('Which refund id did the provider give you?');

  await shown.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.locator('iframe[data-baton="receiver"]')).toHaveCount(0);
  const reads = server.requests({ method: 'GET', path: JIRA.commentReads }).length;
  await page.reload();
  await settle(page, server, JIRA, reads);
  await expect(page.locator('iframe[data-baton="receiver"]')).toHaveCount(0);
  expect(withMarker(JIRA.posts(server), 're=ack')).toHaveLength(0);
});

test('Jira: acknowledging in a second tab does not post a second reply; the popup counts it', async ({
  page,
  server,
  ext,
}) => {
  const id = 'e2e-jira-twotabs-1';
  JIRA.actAsReceiver(server);
  JIRA.seed(server, id, new Date(Date.now() - 10 * 60 * 1000).toISOString());
  await page.goto(JIRA.url);
  const second = await ext.context.newPage();
  await second.goto(JIRA.url);
  await expect(banner(page)).toBeVisible();
  await expect(banner(second)).toBeVisible();
  await banner(page).getByRole('button', { name: 'Acknowledge' }).click();
  await expect.poll(() => withMarker(JIRA.posts(server), `handoff=${id} re=ack`).length).toBe(1);
  await banner(second).getByRole('button', { name: 'Acknowledge' }).click();
  await expect(second.locator('iframe[data-baton="receiver"]')).toHaveCount(0);
  expect(withMarker(JIRA.posts(server), `handoff=${id} re=ack`)).toHaveLength(1);

  const popup = await ext.context.newPage();
  await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  const received = popup.getByRole('region', { name: 'Handoffs received' });
  await expect(received).toContainText('Received1');
  await expect(received).toContainText('Acknowledged1');
  await expect(received).toContainText('Passed on without acknowledging0');
});

test('turned off for Jira on the options page: a handoff to you shows nothing and Baton reads no comments', async ({
  page,
  server,
  ext,
}) => {
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  const jiraSwitch = options.getByLabel('Show handoffs I receive in Jira');
  await expect(jiraSwitch).toBeChecked();
  await jiraSwitch.uncheck();
  await expect(options.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await expect(options.getByLabel('Show handoffs I receive in Zendesk')).toBeChecked();

  JIRA.actAsReceiver(server);
  JIRA.seed(server, 'e2e-jira-off-0001', new Date().toISOString());
  await page.bringToFront();
  await page.goto(JIRA.url);
  // The page is guarded as ever (its own scripts ran), and still nothing of the receiver's side.
  await expect(page.locator('[data-testid="issue.views.field.user.assignee"]')).toBeVisible();
  await page.waitForTimeout(4_000);
  expect(server.requests({ method: 'GET', path: JIRA.commentReads })).toHaveLength(0);
  await expect(page.locator('iframe[data-baton="receiver"]')).toHaveCount(0);
});

test('the whole loop on Jira: Alice hands ACME-1 to Bob through the checklist, and Bob is asked to acknowledge it', async ({
  page,
  server,
}) => {
  server.jira.actAs('5b10a2844c20165700ede21g');
  await page.goto(JIRA.url);
  await chooseJiraAssignee(page, 'Bob Chen');
  const dialog = checklist(page);
  await fillChecklist(dialog);
  await dialog.getByRole('button', { name: 'Complete handoff' }).click();
  await expect(dialog).toBeHidden();

  JIRA.actAsReceiver(server);
  await page.reload();
  const shown = banner(page);
  await expect(shown).toBeVisible();
  await expect(shown).toContainText('Alice Park handed this ticket to you');
  await expect(shown).toContainText(GOOD_ANSWERS.next);
  await shown.getByRole('button', { name: 'Acknowledge' }).click();
  await expect.poll(() => withMarker(JIRA.posts(server), 're=ack').length).toBe(1);
  expect(withMarker(JIRA.posts(server), 're=ack')[0]?.body).toContain('Acknowledged by Bob Chen');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the banner in ${scheme} mode has no serious or critical axe-core violations`, async ({
    page,
    server,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    JIRA.actAsReceiver(server);
    JIRA.seed(server, `e2e-jira-axe-${scheme}`, new Date().toISOString());
    await page.goto(JIRA.url);
    await expect(banner(page)).toBeVisible();
    const result = await new AxeBuilder({ page }).include('iframe[data-baton="receiver"]').analyze();
    const blocking = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
