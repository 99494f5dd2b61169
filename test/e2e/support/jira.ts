import type { Locator, Page } from '@playwright/test';

// How a person reassigns on the Jira replica: the Assignee read view opens the edit view (react-select,
// its menu in a portal at the end of <body>), where they click a person.

export function jiraAssigneeValue(page: Page): Locator {
  return page.locator('[data-testid="issue.views.field.user.assignee"]');
}

/** Opens the Assignee edit view and returns the option showing this name. */
export async function jiraAssigneeOption(page: Page, name: string, field = jiraAssigneeValue(page)) {
  await field.getByRole('button', { name: /edit Assignee/ }).click();
  return page.getByRole('option', { name, exact: true });
}

/** Opens the Assignee edit view and clicks the person, as a person does. */
export async function chooseJiraAssignee(page: Page, name: string, field?: Locator): Promise<void> {
  await (await jiraAssigneeOption(page, name, field)).click();
}
