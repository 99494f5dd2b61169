// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsPage } from '../../../components/options/options-page';
import { SERVICE_HANDOFF } from '../../../lib/checklist/default-template';
import type { Template } from '../../../lib/checklist/template';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/storage/settings';
import { fakeBackground, type Message } from '../support/background';
import { useLocale } from '../support/i18n';

// The options page rendered whole against fake storage: an administrator's policy is set in
// storage.managed (which a Playwright test cannot set in Chromium without a machine-wide policy
// file), and the background is a listener that records what the page asks for.

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let sent: Message[] = [];
let answer: (message: Message) => unknown = () => ({ ok: true });
let root: Root | null = null;
let container: HTMLElement;

const LOCAL: Settings = {
  ...DEFAULT_SETTINGS,
  enforcement: { jira: 'remind' },
  retentionDays: 200,
  customHosts: [{ origin: 'https://jira.corp.example', site: 'jira' }],
};

const POLICY_TEMPLATE: Template = {
  id: 'corp-handoff',
  version: 1,
  name: { en: 'Corporate handoff', ko: '회사 인수인계' },
  fields: [{ id: 'summary', kind: 'text', label: { en: 'Summary', ko: '요약' }, required: true }],
};

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

async function render(): Promise<void> {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root?.render(<OptionsPage />));
  await settle();
}

const byLabel = <T extends HTMLElement = HTMLInputElement>(text: string, scope: ParentNode = document): T => {
  const label = [...scope.querySelectorAll('label')].find((l) => l.textContent === text);
  const control = label && document.getElementById(label.htmlFor);
  if (!control) throw new Error(`no control labelled "${text}"`);
  return control as T;
};
const button = (text: string, scope: ParentNode = document) => {
  const found = [...scope.querySelectorAll('button')].find((b) => b.textContent === text);
  if (!found) throw new Error(`no button "${text}"`);
  return found;
};
const section = (heading: string) => {
  const h2 = [...document.querySelectorAll('h2')].find((h) => h.textContent === heading);
  const found = h2?.closest('section');
  if (!found) throw new Error(`no section "${heading}"`);
  return found;
};
/** Disabled itself, or inside a disabled fieldset (as the browser treats it). */
const isDisabled = (element: Element) =>
  (element as HTMLInputElement).disabled ||
  element.getAttribute('aria-disabled') === 'true' ||
  element.closest('fieldset[disabled]') !== null;

async function click(element: HTMLElement): Promise<void> {
  await act(async () => element.click());
  await settle();
}

beforeEach(async () => {
  fakeBrowser.reset();
  useLocale('en');
  answer = () => ({ ok: true });
  sent = fakeBackground((message) => answer(message));
  await fakeBrowser.storage.local.set({ settings: LOCAL });
});

afterEach(async () => {
  await act(async () => root?.unmount());
  root = null;
  container.remove();
  vi.restoreAllMocks();
});

describe('an administrator policy', () => {
  beforeEach(async () => {
    await fakeBrowser.storage.managed.set({
      enforcement: { jira: 'off', zendesk: 'block', trello: 'block' },
      retentionDays: 30,
      customHosts: [],
      templates: [POLICY_TEMPLATE],
    });
    await render();
  });

  it('shows each locked setting as set by the administrator, with its controls disabled', () => {
    expect(document.body.textContent).toContain('Your administrator manages some of these settings.');
    for (const heading of ['Checklist templates', 'Enforcement per site', 'Custom hosts', 'Your data']) {
      expect(section(heading).textContent, heading).toContain('Set by your administrator');
    }
    const enforcement = section('Enforcement per site');
    const radios = [...enforcement.querySelectorAll('input[type="radio"]')];
    expect(radios).toHaveLength(9);
    expect(radios.every(isDisabled)).toBe(true);
    // The value in force is the policy's.
    expect((enforcement.querySelector('#enforcement-jira-off') as HTMLInputElement).checked).toBe(true);
    expect(isDisabled(byLabel('Keep metrics for (days)'))).toBe(true);
    expect(byLabel('Keep metrics for (days)').value).toBe('30');
    expect(isDisabled(byLabel('Address (https)'))).toBe(true);
    expect(isDisabled(button('Add host'))).toBe(true);
    // The policy's hosts (none) are shown, not the user's own.
    expect(section('Custom hosts').textContent).not.toContain('jira.corp.example');
  });

  it('shows the policy templates read-only', () => {
    const templates = section('Checklist templates');
    expect(templates.textContent).toContain('Corporate handoff');
    expect(isDisabled(button('Add template', templates))).toBe(true);
    expect(isDisabled(byLabel('Import templates (JSON file)'))).toBe(true);
    expect(isDisabled(byLabel('Name (English)'))).toBe(true);
    expect(isDisabled(button('Add field', templates))).toBe(true);
    expect(isDisabled(button('Save templates', templates))).toBe(true);
    // Not locked: the template per site.
    expect(isDisabled(byLabel('Jira', templates))).toBe(false);
  });

  it('leaves unlocked settings editable, and never sends a locked one differently', async () => {
    const trello = section('Trello handoff rules');
    expect(trello.textContent).not.toContain('Set by your administrator');
    const joinSelf = byLabel('Joining a card yourself', trello);
    expect(isDisabled(joinSelf)).toBe(false);
    await click(joinSelf);
    const saves = sent.filter((m) => m.type === 'settings:save');
    expect(saves).toHaveLength(1);
    const settings = saves[0]?.settings as Settings;
    expect(settings.trello.joinSelf).toBe(true);
    // Locked keys go back exactly as the user had stored them, not as the policy sets them.
    expect(settings.enforcement).toEqual(LOCAL.enforcement);
    expect(settings.retentionDays).toBe(LOCAL.retentionDays);
    expect(settings.customHosts).toEqual(LOCAL.customHosts);
  });
});

describe('a policy that sets one site', () => {
  beforeEach(async () => {
    await fakeBrowser.storage.managed.set({ enforcement: { zendesk: 'off' }, receiver: { trello: false } });
    await render();
  });

  it("locks that site only: the others keep the user's choice and stay editable", async () => {
    const enforcement = section('Enforcement per site');
    expect(enforcement.textContent).toContain('Set by your administrator');
    expect(isDisabled(document.getElementById('enforcement-zendesk-block') as HTMLInputElement)).toBe(true);
    expect((document.getElementById('enforcement-zendesk-off') as HTMLInputElement).checked).toBe(true);
    const jiraRemind = document.getElementById('enforcement-jira-remind') as HTMLInputElement;
    expect(jiraRemind.checked).toBe(true);
    expect(isDisabled(jiraRemind)).toBe(false);
    await click(document.getElementById('enforcement-trello-off') as HTMLInputElement);
    const saved = sent.filter((m) => m.type === 'settings:save').at(-1)?.settings as Settings;
    expect(saved.enforcement).toEqual({ ...LOCAL.enforcement, trello: 'off' });
    expect(isDisabled(document.getElementById('receiver-trello') as HTMLInputElement)).toBe(true);
    expect(isDisabled(document.getElementById('receiver-jira') as HTMLInputElement)).toBe(false);
  });
});

describe('without a policy', () => {
  beforeEach(render);

  it('has nothing locked', () => {
    expect(document.body.textContent).not.toContain('Set by your administrator');
    expect(isDisabled(byLabel('Keep metrics for (days)'))).toBe(false);
    expect((document.getElementById('enforcement-jira-remind') as HTMLInputElement).checked).toBe(true);
    expect(section('Custom hosts').textContent).toContain('https://jira.corp.example');
  });

  it('saves a choice of enforcement at once', async () => {
    await click(document.getElementById('enforcement-zendesk-off') as HTMLInputElement);
    const saves = sent.filter((m) => m.type === 'settings:save');
    expect((saves.at(-1)?.settings as Settings | undefined)?.enforcement).toEqual({
      jira: 'remind',
      zendesk: 'off',
    });
  });

  it("shows the background's error when a template does not validate, keeps the edits and saves nothing else", async () => {
    answer = (message) =>
      message.type === 'templates:save'
        ? {
            ok: false,
            error: 'templates[0].fields.8.label.en: Too small: expected string to have >=1 characters',
          }
        : { ok: true };
    const templates = section('Checklist templates');
    await click(button('Add template', templates));
    expect(byLabel('Name (English)').value).toBe('Service handoff 2');
    await click(button('Add field', templates));
    expect(templates.querySelectorAll('.field-editor')).toHaveLength(9);
    await click(button('Save templates', templates));

    const request = sent.find((m) => m.type === 'templates:save');
    // The built-in as shipped is not stored; the copy is.
    expect((request?.templates as Template[] | undefined)?.map((t) => t.id)).toEqual(['service-handoff-2']);
    expect(sent.some((m) => m.type === 'settings:save')).toBe(false);
    const alert = templates.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('In “Service handoff 2”, field 9');
    expect(alert?.textContent).toContain('templates[0].fields.8.label.en: Too small');
    expect(templates.textContent).toContain('Unsaved changes');
    expect(templates.querySelectorAll('.field-editor')).toHaveLength(9);
  });

  it('reorders and removes fields with buttons', async () => {
    const templates = section('Checklist templates');
    const legends = () => [...templates.querySelectorAll('.field-editor > legend')].map((l) => l.textContent);
    expect(legends()[1]).toBe('Field 2: Situation');
    await click(document.getElementById('field-1-down') as HTMLButtonElement);
    expect(legends().slice(0, 3)).toEqual([
      'Field 1: Reason for handoff',
      'Field 2: Customer and impact',
      'Field 3: Situation',
    ]);
    // At the top, Move up does nothing (and stays focusable).
    await click(document.getElementById('field-0-up') as HTMLButtonElement);
    expect(legends()[0]).toBe('Field 1: Reason for handoff');
    const removeSecond = [...templates.querySelectorAll('.field-editor')][1]?.querySelector(
      '.row-actions .danger',
    ) as HTMLButtonElement;
    await click(removeSecond);
    expect(legends()).toHaveLength(7);
    expect(legends()[1]).toBe('Field 2: Situation');
    await click(button('Save templates', templates));
    const saved = sent.find((m) => m.type === 'templates:save')?.templates as Template[];
    expect(saved[0]?.fields.map((f) => f.id)).toEqual(
      SERVICE_HANDOFF.fields.map((f) => f.id).filter((id) => id !== 'impact'),
    );
  });
});

describe('custom hosts', () => {
  beforeEach(render);

  async function submitHost(url: string): Promise<void> {
    const input = byLabel('Address (https)');
    await act(async () => {
      // React tracks the value through the native setter.
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, url);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await click(button('Add host'));
  }

  it('asks for the origin within the click, and saves the host only once it is granted', async () => {
    let asked = 0;
    let askedDuringClick = false;
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(async () => {
      asked += 1;
      return true;
    });
    const input = byLabel('Address (https)');
    await act(async () => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(
        input,
        'https://support.corp.example/agent/tickets/7',
      );
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      button('Add host').click();
      // Still inside the user's gesture: nothing awaited before the request.
      askedDuringClick = asked === 1;
    });
    await settle();
    expect(askedDuringClick).toBe(true);
    expect(request).toHaveBeenCalledWith({ origins: ['https://support.corp.example/*'] });
    const saves = sent.filter((m) => m.type === 'settings:save');
    expect((saves.at(-1)?.settings as Settings | undefined)?.customHosts).toEqual([
      ...LOCAL.customHosts,
      { origin: 'https://support.corp.example', site: 'jira' },
    ]);
  });

  it('saves nothing when the browser does not grant it', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(false as never);
    await submitHost('https://support.corp.example');
    expect(sent.filter((m) => m.type === 'settings:save')).toEqual([]);
    expect(section('Custom hosts').querySelector('[role="alert"]')?.textContent).toContain(
      'did not allow access to https://support.corp.example',
    );
  });

  it('refuses an address that is not https, without asking the browser', async () => {
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true as never);
    await submitHost('http://support.corp.example');
    expect(request).not.toHaveBeenCalled();
    expect(section('Custom hosts').textContent).toContain('Only https addresses can be added.');
    expect(byLabel('Address (https)').getAttribute('aria-invalid')).toBe('true');
  });

  it('removes a host by saving the list without it', async () => {
    await click(button('Remove', section('Custom hosts')));
    expect((sent.at(-1)?.settings as Settings | undefined)?.customHosts).toEqual([]);
  });
});

describe('retention', () => {
  beforeEach(render);

  async function typeRetention(value: string): Promise<void> {
    const input = byLabel('Keep metrics for (days)');
    await act(async () => {
      input.focus();
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => input.blur());
    await settle();
  }

  it('saves whole days from 1 to 3650 when the field is left, and refuses anything else', async () => {
    await typeRetention('0');
    expect(section('Your data').textContent).toContain('Enter a whole number of days from 1 to 3650.');
    expect(sent).toEqual([]);
    await typeRetention('90');
    expect((sent.at(-1)?.settings as Settings | undefined)?.retentionDays).toBe(90);
  });
});

describe('in Korean', () => {
  it('shows the page in Korean', async () => {
    useLocale('ko');
    await render();
    expect(document.querySelector('h1')?.textContent).toBe('Baton 설정');
    expect(document.body.textContent).toContain('체크리스트 템플릿');
    expect(document.body.textContent).toContain('사이트별 적용 방식');
    expect(document.body.textContent).toContain('서비스 인수인계');
  });
});
