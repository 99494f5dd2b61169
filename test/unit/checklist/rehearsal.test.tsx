// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { rehearse } from '../../../components/checklist/rehearsal';
import { useLocale } from '../support/i18n';

// The frame loaded ahead draws the checklist once before it is shown: nothing of it may stay, take the
// focus, or reach the background, or the host's page and the tests would see a second checklist.

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;

beforeEach(() => {
  fakeBrowser.reset();
  useLocale('en');
  document.body.innerHTML = '<div id="root"></div><input aria-label="host field">';
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the rehearsal of a checklist frame loaded ahead', () => {
  it('draws the dialog and takes it away in the same task, leaving the page as it was', () => {
    const field = document.querySelector('input') as HTMLInputElement;
    field.focus();
    const before = document.body.innerHTML;
    const drawn: Element[] = [];
    const observer = new MutationObserver((records) => {
      for (const record of records)
        for (const node of record.addedNodes) if (node instanceof HTMLDialogElement) drawn.push(node);
    });
    observer.observe(document.body, { childList: true, subtree: true });
    const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    // In a frame, focusing its window takes the keyboard from the host page.
    const windowFocus = vi.spyOn(window, 'focus');
    rehearse(document);
    expect(document.body.innerHTML).toBe(before);
    expect(document.querySelector('dialog')).toBeNull();
    expect(document.activeElement).toBe(field);
    expect(windowFocus).not.toHaveBeenCalled();
    expect(sent).not.toHaveBeenCalled();
    observer.takeRecords().forEach((record) => {
      for (const node of record.addedNodes) if (node instanceof HTMLDialogElement) drawn.push(node);
    });
    observer.disconnect();
    // It did draw the checklist (the point of it), unseen and not modal.
    expect(drawn).toHaveLength(1);
    expect(drawn[0]?.textContent).toContain('Complete handoff');
  });
});
