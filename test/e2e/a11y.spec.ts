import AxeBuilder from '@axe-core/playwright';
import { checklist, chooseJiraAssignee, expect, test } from './support/fixtures.ts';

// axe-core on the checklist (in its extension frame), the popup and the options page, in light and dark:
// no serious or critical violations.
type Result = Awaited<ReturnType<AxeBuilder['analyze']>>;

function blocking(result: Result) {
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} mode`, () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
    });

    test('the checklist on Jira', async ({ page }) => {
      await page.goto('https://acme.atlassian.net/browse/ACME-1');
      await chooseJiraAssignee(page, 'Bob Chen');
      await expect(checklist(page)).toBeVisible();
      // Only the extension's frame: the replica's own markup is not Baton's to fix.
      const result = await new AxeBuilder({ page }).include('iframe[data-baton="checklist"]').analyze();
      expect(blocking(result)).toEqual([]);
    });

    test('the popup', async ({ page, ext }) => {
      await page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
      await expect(page.getByRole('heading').first()).toBeVisible();
      expect(blocking(await new AxeBuilder({ page }).analyze())).toEqual([]);
    });

    test('the options page', async ({ page, ext }) => {
      await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
      await expect(page.getByRole('heading').first()).toBeVisible();
      expect(blocking(await new AxeBuilder({ page }).analyze())).toEqual([]);
    });
  });
}
