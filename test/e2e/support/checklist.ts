import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';
import { GOOD_ANSWERS, LABELS } from './host-requests.ts';

export * from './host-requests.ts';

/** The checklist frame and the dialog inside it, found as DESIGN.md §8 names them. */
export function checklistFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe[data-baton="checklist"]');
}

export function checklist(page: Page, name = 'Handoff checklist'): Locator {
  return checklistFrame(page).getByRole('dialog', { name });
}

/** Fills the checklist the way a person does: choose the reason, type every text. */
export async function fillChecklist(
  dialog: Locator,
  answers: Partial<Record<keyof typeof LABELS, string>> = GOOD_ANSWERS,
): Promise<void> {
  for (const [id, value] of Object.entries(answers) as [keyof typeof LABELS, string][]) {
    const control = dialog.getByLabel(LABELS[id], { exact: true });
    if (id === 'reason') await control.selectOption({ label: value });
    else await control.fill(value);
  }
}

/**
 * Presses Escape in the dialog and sees it close on the key going down, as a person does. The key is let
 * up only once the frame is gone: Chromium's DevTools never answers a keyUp it routed to a frame that the
 * keydown removed, so `keyboard.press` hangs there now and then (about 1 in 40 on CI machines).
 */
export async function escapeChecklist(page: Page, dialog: Locator): Promise<void> {
  await page.keyboard.down('Escape');
  await expect(dialog).toBeHidden();
  await page.keyboard.up('Escape');
}

type Replica = '__jiraReplica' | '__zendeskReplica' | '__trelloReplica';
type ReplicaCall = (method: string, path: string, body?: unknown) => Promise<{ status: number }>;

/** A request sent by the host page's own code (a script, a macro), through the replica's test hook. */
export function pageApi(
  page: Page,
  replica: Replica,
  method: string,
  path: string,
  body?: unknown,
  via: 'api' | 'apiXhr' = 'api',
): Promise<{ status: number }> {
  return page.evaluate(
    ([name, call, m, p, b]) =>
      (window as never as Record<Replica, Record<'api' | 'apiXhr', ReplicaCall>>)[name][call](m, p, b),
    [replica, via, method, path, body] as const,
  );
}
