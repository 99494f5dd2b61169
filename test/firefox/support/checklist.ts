import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import { GOOD_ANSWERS, LABELS } from '../../e2e/support/host-requests.ts';

// The checklist as DESIGN.md §8 names it, found by accessible names in its extension frame: the same
// contract the Chromium suite's Playwright locators read (test/e2e/support/checklist.ts).

/** A control in a document by role and accessible name. */
export async function byRole(scope: Page | Frame, role: string, name: string, timeout = 20_000) {
  const handle = await scope.waitForSelector(`::-p-aria([name="${name}"][role="${role}"])`, { timeout });
  if (!handle) throw new Error(`no ${role} named "${name}"`);
  return handle as ElementHandle<Element>;
}

/** The frame that shows the checklist dialog, once the dialog is there. */
export async function checklistDialog(page: Page): Promise<Frame> {
  const element = await page.waitForSelector('iframe[data-baton="checklist"]', { timeout: 10_000 });
  const frame = await element?.contentFrame();
  if (!frame) throw new Error('the checklist frame has no document');
  await byRole(frame, 'dialog', 'Handoff checklist');
  return frame;
}

/** Resolves once no checklist is shown on the page. */
export async function checklistClosed(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('iframe[data-baton="checklist"]'), {
    timeout: 10_000,
  });
}

/** Fills the checklist as a person does: chooses the reason, types the situation, pastes the rest. */
export async function fillChecklist(
  frame: Frame,
  answers: Partial<Record<keyof typeof LABELS, string>> = GOOD_ANSWERS,
): Promise<void> {
  for (const [id, value] of Object.entries(answers) as [keyof typeof LABELS, string][]) {
    if (id === 'reason') {
      const select = await byRole(frame, 'combobox', LABELS.reason);
      const option = await select.evaluate(
        (element, label) => [...(element as HTMLSelectElement).options].find((o) => o.label === label)?.value,
        value,
      );
      if (!option) throw new Error(`no reason "${value}"`);
      await select.select(option);
    } else if (id === 'situation') {
      await (await byRole(frame, 'textbox', LABELS[id])).type(value);
    } else {
      // Key by key over BiDi costs seconds a field: the other texts go in as a paste does (focus, then
      // the browser's own insertText, which fires the same input events), one call each.
      await (await byRole(frame, 'textbox', LABELS[id])).evaluate((element, text) => {
        (element as HTMLTextAreaElement).focus();
        element.ownerDocument.execCommand('insertText', false, text);
      }, value);
    }
  }
}

export async function press(frame: Frame, name: 'Complete handoff' | 'Cancel'): Promise<void> {
  await (await byRole(frame, 'button', name)).click();
}
