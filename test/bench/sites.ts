import type { Locator, Page } from '@playwright/test';
import type { HostServer, RecordedRequest } from '../e2e/fixtures/host-server.ts';
import {
  commentRequests as jiraComments,
  reassignRequests as jiraReassigns,
} from '../e2e/support/checklist.ts';
import { jiraAssigneeOption } from '../e2e/support/jira.ts';

// The three host replicas as the bench drives them: the page it loads, the one click that performs a
// reassign (prepared the way the end-to-end specs do it), and the requests that show a comment posted and
// a reassign gone out.

export type SiteId = 'jira' | 'zendesk' | 'trello';

export interface BenchSite {
  id: SiteId;
  url: string;
  /** A GET the host page makes all the time; never a reassign, so the network net lets it straight through. */
  nonReassignUrl: string;
  /** Where the DOM-heavy scenario appends its nodes (an activity feed on that page). */
  feedSelector: string;
  /**
   * Brings the page to the point where one click reassigns the ticket to Bob Chen, and returns what to
   * click. Idempotent: after a cancelled checklist it only re-opens what the host closed.
   */
  prepareReassign(page: Page): Promise<Locator>;
  reassigns(server: HostServer): RecordedRequest[];
  comments(server: HostServer): RecordedRequest[];
}

async function visible(locator: Locator): Promise<boolean> {
  return locator.isVisible().catch(() => false);
}

const jira: BenchSite = {
  id: 'jira',
  url: 'https://acme.atlassian.net/browse/ACME-1',
  nonReassignUrl: 'https://acme.atlassian.net/rest/api/3/issue/ACME-1',
  feedSelector: '[data-testid="issue.activity.comments-list"]',
  async prepareReassign(page) {
    const bob = page.getByRole('option', { name: 'Bob Chen', exact: true });
    if (!(await visible(bob))) return jiraAssigneeOption(page, 'Bob Chen');
    return bob;
  },
  reassigns: (server) => jiraReassigns(server),
  comments: (server) => jiraComments(server),
};

const ZENDESK_PANEL = '[data-test-id="ticket-101-standard-layout"]';
const zendesk: BenchSite = {
  id: 'zendesk',
  url: 'https://acme.zendesk.com/agent/tickets/101',
  nonReassignUrl: 'https://acme.zendesk.com/api/v2/tickets/101.json',
  feedSelector: `${ZENDESK_PANEL} [data-test-id="omni-log-container"]`,
  async prepareReassign(page) {
    const panel = page.locator(ZENDESK_PANEL);
    const agent = panel.locator('[data-test-id="assignee-field-selected-agent-tag"]');
    const chosen = async () =>
      ((await agent.textContent({ timeout: 1_000 }).catch(() => '')) ?? '').includes('Bob Chen');
    // As a person does, Submit only once the field shows Bob: the menu re-renders its options as the
    // group's agents load, and a click that lands during that is not a choice (the tries otherwise
    // failed, with and without Baton, by submitting the old assignee).
    for (let attempt = 0; !(await chosen()); attempt++) {
      if (attempt === 3) throw new Error('zendesk: Bob Chen could not be chosen in the Assignee field');
      const menu = panel.locator('[data-test-id="assignee-field-dropdown-menu"]');
      if (await menu.isVisible()) await page.keyboard.press('Escape');
      await panel.locator('[data-test-id="assignee-field-autocomplete-trigger"]').click();
      await menu.getByRole('option', { name: 'Support', exact: true }).click();
      await menu.getByRole('option', { name: 'Bob Chen', exact: true }).click();
      await agent
        .getByText('Bob Chen')
        .waitFor({ timeout: 2_000 })
        .catch(() => undefined);
    }
    const submit = panel.locator('[data-test-id="submit_button-button"]');
    await submit.waitFor({ state: 'visible' });
    return submit;
  },
  reassigns: (server) =>
    server
      .requests({ method: 'PUT', path: /^\/api\/v2\/tickets\/101\.json$/ })
      .filter((r) => JSON.stringify(r.json ?? {}).includes('assignee_id')),
  comments: (server) =>
    server
      .requests({ method: 'PUT', path: /^\/api\/v2\/tickets\/101\.json$/ })
      .filter((r) => !JSON.stringify(r.json ?? {}).includes('assignee_id')),
};

const trello: BenchSite = {
  id: 'trello',
  url: 'https://trello.com/c/Xy12Ab34/1-refund-not-received',
  nonReassignUrl: 'https://trello.com/1/cards/Xy12Ab34',
  feedSelector: '[data-testid="card-back-activity"]',
  async prepareReassign(page) {
    const bob = page.locator('[data-testid="members-popover"]').getByRole('button', { name: 'Bob Chen' });
    if (!(await visible(bob))) await page.locator('[data-testid="card-back-members-button"]').click();
    await bob.waitFor({ state: 'visible' });
    return bob;
  },
  reassigns: (server) =>
    server
      .requests()
      .filter(
        (r) =>
          /^\/1\/cards\/[^/]+\/idMembers/.test(r.path) ||
          (r.method === 'PUT' && /^\/1\/cards\/[^/]+$/.test(r.path) && /idMembers|idList/.test(r.body)),
      ),
  comments: (server) => server.requests({ method: 'POST', path: /\/actions\/comments$/ }),
};

/** BENCH_SITES=trello measures some sites only (while working on one of them); all three by default. */
const wanted = process.env.BENCH_SITES?.split(',').map((s) => s.trim());
export const BENCH_SITES: readonly BenchSite[] = [jira, zendesk, trello].filter(
  (site) => !wanted || wanted.includes(site.id),
);
