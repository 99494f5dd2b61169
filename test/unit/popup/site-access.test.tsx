// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SiteAccess } from '../../../components/popup/site-access';
import { withheldSites } from '../../../lib/site-access';
import { useLocale } from '../support/i18n';
import { reactRoot } from '../support/react-root';

// Playwright cannot switch Chrome's per-extension site access ("On click") and a required host
// permission cannot be removed with permissions.remove, so the popup's side is tested here against the
// permissions API as the browser answers it.

const mounted = reactRoot();
let granted: Set<string>;

const settle = async () => {
  for (let i = 0; i < 5; i += 1) await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
};

beforeEach(() => {
  fakeBrowser.reset();
  granted = new Set(['https://*.atlassian.net/*', 'https://*.zendesk.com/*']);
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation((async ({ origins = [] }) =>
    origins.every((origin: string) => granted.has(origin))) as never);
});
afterEach(() => {
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
    act(() => mounted.root.render(<SiteAccess />));
    await settle();
    const alert = mounted.container.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Baton cannot see Trello');
    expect(mounted.container.textContent).not.toContain('Jira');
    const button = [...mounted.container.querySelectorAll('button')].find(
      (b) => b.textContent === 'Allow Baton on Trello',
    );
    if (!button) throw new Error('no grant button');
    await act(async () => button.click());
    await settle();
    expect(request).toHaveBeenCalledWith({ origins: ['https://trello.com/*'] });
    expect(mounted.container.querySelector('[role="alert"]')).toBeNull();
  });

  it('says so in Korean, and keeps the warning when the user declines', async () => {
    useLocale('ko');
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(false as never);
    act(() => mounted.root.render(<SiteAccess />));
    await settle();
    expect(mounted.container.textContent).toContain('Baton이 Trello에 접근할 수 없습니다');
    const button = [...mounted.container.querySelectorAll('button')].find(
      (b) => b.textContent === 'Trello에서 Baton 허용',
    );
    if (!button) throw new Error('no grant button');
    await act(async () => button.click());
    await settle();
    expect(mounted.container.querySelector('[role="alert"]')).not.toBeNull();
    expect(mounted.container.textContent).toContain('브라우저가 허용하지 않았습니다');
  });
});
