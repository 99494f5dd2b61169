// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SiteAccess } from '../../../components/popup/site-access';
import { withheldSites } from '../../../lib/site-access';
import { useLocale } from '../support/i18n';

// Playwright cannot switch Chrome's per-extension site access ("On click") and a required host
// permission cannot be removed with permissions.remove, so the popup's side is tested here against the
// permissions API as the browser answers it.

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
let container: HTMLElement;
let granted: Set<string>;

const settle = async () => {
  for (let i = 0; i < 5; i += 1) await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
};

beforeEach(() => {
  fakeBrowser.reset();
  granted = new Set(['https://*.atlassian.net/*', 'https://*.zendesk.com/*']);
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation((async ({ origins = [] }) =>
    origins.every((origin: string) => granted.has(origin))) as never);
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});
afterEach(() => {
  act(() => root?.unmount());
  container.remove();
  vi.restoreAllMocks();
});

describe('which sites Baton may not see', () => {
  it('are the sites whose host patterns the browser does not grant', async () => {
    expect(await withheldSites(async (origins) => origins.every((o) => granted.has(o)))).toEqual([
      { site: 'trello', origins: ['https://trello.com/*'] },
    ]);
    expect(await withheldSites(async () => true)).toEqual([]);
    // A browser that cannot answer is not reported as withholding.
    expect(await withheldSites(() => Promise.reject(new Error('no')))).toEqual([]);
  });
});

describe('the popup when site access is withheld', () => {
  it('names the site and asks the browser for it from the click; once granted, the warning goes', async () => {
    useLocale('en');
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation((async ({
      origins = [],
    }) => {
      for (const origin of origins) granted.add(origin);
      return true;
    }) as never);
    act(() => root?.render(<SiteAccess />));
    await settle();
    const alert = container.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Baton cannot see Trello');
    expect(container.textContent).not.toContain('Jira');
    const button = [...container.querySelectorAll('button')].find(
      (b) => b.textContent === 'Allow Baton on Trello',
    );
    if (!button) throw new Error('no grant button');
    await act(async () => button.click());
    await settle();
    expect(request).toHaveBeenCalledWith({ origins: ['https://trello.com/*'] });
    expect(container.querySelector('[role="alert"]')).toBeNull();
  });

  it('says so in Korean, and keeps the warning when the user declines', async () => {
    useLocale('ko');
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(false as never);
    act(() => root?.render(<SiteAccess />));
    await settle();
    expect(container.textContent).toContain('Baton이 Trello에 접근할 수 없습니다');
    const button = [...container.querySelectorAll('button')].find(
      (b) => b.textContent === 'Trello에서 Baton 허용',
    );
    if (!button) throw new Error('no grant button');
    await act(async () => button.click());
    await settle();
    expect(container.querySelector('[role="alert"]')).not.toBeNull();
    expect(container.textContent).toContain('브라우저가 허용하지 않았습니다');
  });
});
