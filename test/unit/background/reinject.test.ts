import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { guardOpenTabs } from '../../../lib/background/reinject';

// After an update, the open host tabs get Baton's scripts again: the isolated guard before the MAIN-world
// net (whose port handover the guard must be listening for), in every tab each script is meant for.

const manifestScripts = [
  {
    matches: ['https://*.atlassian.net/*'],
    js: ['content-scripts/jira-main.js'],
    run_at: 'document_start',
    world: 'MAIN',
  },
  { matches: ['https://*.atlassian.net/*'], js: ['content-scripts/jira.js'], run_at: 'document_start' },
  { matches: ['https://trello.com/*'], js: ['content-scripts/trello.js'], run_at: 'document_start' },
];

type Injection = { target: { tabId: number }; files: string[]; world: string };
let injected: Injection[];

beforeEach(() => {
  fakeBrowser.reset();
  injected = [];
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ content_scripts: manifestScripts } as never);
  fakeBrowser.scripting = {
    getRegisteredContentScripts: async () => [
      {
        id: 'custom-host:jira:https://jira.example.com:main',
        matches: ['https://jira.example.com/*'],
        js: ['content-scripts/jira-main.js'],
        world: 'MAIN',
      },
      {
        id: 'custom-host:jira:https://jira.example.com',
        matches: ['https://jira.example.com/*'],
        js: ['content-scripts/jira.js'],
      },
    ],
    executeScript: async (injection: Injection) => {
      injected.push(injection);
      return [];
    },
  } as never;
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async ({ url }: { url: string[] }) => {
    const tabs = [
      { id: 1, url: 'https://acme.atlassian.net/browse/ACME-1', status: 'complete' },
      { id: 2, url: 'https://acme.atlassian.net/browse/ACME-2', status: 'loading' },
      { id: 3, url: 'https://jira.example.com/browse/OPS-1', status: 'complete' },
      { id: 4, url: 'https://example.org/', status: 'complete' },
    ];
    const host = (pattern: string) => pattern.replace('https://', '').replace('/*', '').replace('*.', '');
    return tabs.filter((tab) => url.some((pattern) => new URL(tab.url).host.endsWith(host(pattern))));
  }) as never);
});

describe('guardOpenTabs', () => {
  it('puts the guard, then the net, into each open, loaded host tab, custom hosts included', async () => {
    await guardOpenTabs();
    const byTab = (tabId: number) =>
      injected.filter((i) => i.target.tabId === tabId).map((i) => `${i.world} ${i.files.join()}`);
    expect(byTab(1)).toEqual(['ISOLATED content-scripts/jira.js', 'MAIN content-scripts/jira-main.js']);
    expect(byTab(3)).toEqual(['ISOLATED content-scripts/jira.js', 'MAIN content-scripts/jira-main.js']);
    // A tab still loading gets the new scripts from the browser; other sites get nothing.
    expect(byTab(2)).toEqual([]);
    expect(byTab(4)).toEqual([]);
  });

  it('goes on with the other tabs when one cannot take the scripts', async () => {
    const execute = fakeBrowser.scripting.executeScript;
    fakeBrowser.scripting.executeScript = (async (injection: Injection) => {
      if (injection.target.tabId === 1) throw new Error('Frame with ID 0 was removed.');
      return execute(injection as never);
    }) as never;
    await guardOpenTabs();
    expect(injected.map((i) => i.target.tabId)).toEqual([3, 3]);
  });
});
