// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ChecklistPage, type LoadedHold } from '../../../components/checklist/checklist-page';
import { standInHold } from '../../../components/checklist/stand-in';
import { SERVICE_HANDOFF } from '../../../lib/checklist/default-template';
import { parseEnvelope } from '../../../lib/messaging';
import { fakeBackground, type Message, NO_ANSWER } from '../support/background';
import { useLocale } from '../support/i18n';
import { CTX } from './fixtures';

// The checklist page against a fake background: a Cancel, "Reassign without the comment" or Skip that
// the background did not carry out says so in the dialog, which stays as it was so nothing is lost.

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const HOLD_ID = 'hold-1';
let sent: Message[];
/** How the background answers the action under test: an answer, or no answer at all. */
let actionAnswer: { ok: boolean } | typeof NO_ANSWER;
let enforcement: 'block' | 'remind';
let failure: boolean;
let root: Root | null = null;
let container: HTMLElement;

/** The hold as the background gives it to the frame (hold:mine). */
function hold(): LoadedHold {
  return {
    found: true,
    held: { id: HOLD_ID, site: 'jira', via: 'ui', context: CTX, tickets: [CTX.ticketKey] },
    shownAt: 0,
    template: SERVICE_HANDOFF,
    enforcement,
    draft: null,
    // A comment that could not be posted earlier: the dialog offers to reassign without it.
    ...(failure ? { failure: { kind: 'offline' } } : {}),
  };
}

const ACTIONS = new Set(['hold:cancel', 'hold:release-anyway', 'hold:skip']);

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

const button = (text: string) => {
  const found = [...container.querySelectorAll('button')].find((b) => b.textContent === text);
  if (!found) throw new Error(`no button "${text}"`);
  return found;
};
const control = (labelText: string) => {
  const label = [...container.querySelectorAll('label')].find((l) => l.textContent === labelText);
  const found = label && document.getElementById(label.htmlFor);
  if (!found) throw new Error(`no control labelled "${labelText}"`);
  return found as HTMLTextAreaElement;
};
const alerts = () => [...container.querySelectorAll('[role="alert"]')].map((a) => a.textContent);

async function click(element: HTMLElement): Promise<void> {
  await act(async () => element.click());
  await settle();
}

async function type(element: HTMLTextAreaElement, value: string): Promise<void> {
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(element, value);
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function render(): Promise<void> {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root?.render(<ChecklistPage hold={hold()} />));
  await settle();
}

beforeEach(() => {
  fakeBrowser.reset();
  useLocale('en');
  actionAnswer = { ok: true };
  enforcement = 'block';
  failure = false;
  sent = fakeBackground((message) => (ACTIONS.has(message.type) ? actionAnswer : { found: false }));
});

afterEach(async () => {
  await act(async () => root?.unmount());
  container.remove();
});

describe('ending a hold from the checklist', () => {
  it('shows nothing more when the background carries out Cancel', async () => {
    await render();
    await click(button('Cancel'));
    expect(sent.map((m) => m.type)).toContain('hold:cancel');
    expect(alerts()).toEqual([]);
  });

  it('says why Cancel did not take effect, keeps what was typed, and a second Cancel is tried again', async () => {
    actionAnswer = NO_ANSWER;
    await render();
    await type(control('Situation'), 'Card charged twice');
    await click(button('Cancel'));
    expect(alerts()).toEqual([
      'The reassign could not be cancelled: Baton did not answer (it may have just been updated). ' +
        'Everything you wrote is still here; try again, or reload the page.',
    ]);
    expect(control('Situation').value).toBe('Card charged twice');
    expect(container.querySelector('dialog')?.open).toBe(true);

    actionAnswer = { ok: true };
    await click(button('Cancel'));
    expect(sent.filter((m) => m.type === 'hold:cancel')).toHaveLength(2);
    expect(alerts()).toEqual([]);
  });

  it('says so when the background could not let the reassign through without the comment', async () => {
    failure = true;
    actionAnswer = { ok: false };
    await render();
    await click(button('Reassign without the comment'));
    expect(sent.map((m) => m.type)).toContain('hold:release-anyway');
    expect(alerts()).toContain(
      "The reassign could not be let through: Baton no longer holds this reassign, or its page did not answer. The handoff comment stays in Baton's outbox; try again, or reload the page and reassign again.",
    );
  });

  it('says why Skip did not take effect and keeps the reason given, in Korean too', async () => {
    useLocale('ko');
    enforcement = 'remind';
    actionAnswer = NO_ANSWER;
    await render();
    await click(button('이번에는 건너뛰기'));
    await type(control('인수인계 없이 담당자를 변경하는 이유는 무엇인가요?'), '긴급 장애');
    await click(button('건너뛰고 담당자 변경'));
    expect(sent.filter((m) => m.type === 'hold:skip')).toEqual([
      { type: 'hold:skip', holdId: HOLD_ID, reason: '긴급 장애' },
    ]);
    expect(alerts()).toEqual([
      '체크리스트를 건너뛰지 못했습니다: Baton이 응답하지 않았습니다 (방금 업데이트되었을 수 있습니다). ' +
        '작성한 내용은 그대로 있습니다. 다시 시도하거나 페이지를 새로 고치세요.',
    ]);
    expect(control('인수인계 없이 담당자를 변경하는 이유는 무엇인가요?').value).toBe('긴급 장애');
  });
});

// A frame loaded ahead draws the checklist for a stand-in hold while it waits (stand-in.ts): no one may
// see it, it may take no focus and ask nothing, and the real hold must replace all of it.
describe('the checklist drawn ahead for a stand-in hold', () => {
  it('is a hold the background could hand over, so reading it ahead sets up the whole message schema', () => {
    const message = { type: 'hold:yours', tabId: 1, frameId: 1, hold: standInHold('https://x.test/') };
    expect(parseEnvelope(message)).toEqual(message);
  });

  it('is hidden, takes no focus and asks nothing; the real hold then shows in the same dialog, with its draft', async () => {
    const style = document.createElement('style');
    style.textContent = readFileSync(resolve('entrypoints/checklist/style.css'), 'utf8');
    document.head.append(style);
    const windowFocus = vi.spyOn(window, 'focus');
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    await act(async () => root?.render(<ChecklistPage hold={standInHold('https://x.test/')} waiting />));
    await settle();
    const drawn = container.querySelector('dialog');
    expect(drawn?.open).toBe(true);
    expect(getComputedStyle(drawn as Element).visibility).toBe('hidden');
    expect(windowFocus).not.toHaveBeenCalled();
    expect(container.contains(document.activeElement)).toBe(false);
    expect(sent).toEqual([]);

    const real = { ...hold(), draft: { reason: 'expertise', situation: 'Needs the billing team' } };
    await act(async () => root?.render(<ChecklistPage hold={real} />));
    // It takes focus once it has been painted, so the host's blur (Jira closes its edit view) comes after.
    expect(windowFocus).not.toHaveBeenCalled();
    await settle();
    const shown = container.querySelector('dialog');
    expect(shown).toBe(drawn);
    expect(getComputedStyle(shown as Element).visibility).not.toBe('hidden');
    expect(shown?.textContent).toContain(CTX.ticketKey);
    expect(shown?.textContent).not.toContain('KEY-1');
    expect(control('Reason for handoff').value).toBe('expertise');
    expect(control('Situation').value).toBe('Needs the billing team');
    expect(windowFocus).toHaveBeenCalled();
    expect(document.activeElement).toBe(shown?.querySelector('select, textarea'));
    // Its history is asked for the real hold only.
    expect(sent.map((message) => [message.type, message.holdId])).toEqual([['hold:history', HOLD_ID]]);
    style.remove();
  });
});
