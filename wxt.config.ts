import { resolve } from 'node:path';
import type { AliasOptions } from 'vite';
import { defineConfig } from 'wxt';
import { ALL_HOST_MATCHES } from './lib/sites/registry';

const hostPages = ALL_HOST_MATCHES;

/**
 * The scripts that load on every host page get a `wxt/browser` that is the browser's own promise API,
 * not webextension-polyfill, and a content-script context of Baton's own, not WXT's: both of those
 * cost each host page load milliseconds of the 5 ms budget while doing nothing there.
 * docs/host-page-budget.md has the figures and what this asks of those scripts.
 */
function forHostPages(alias: AliasOptions | undefined): AliasOptions {
  const entries = Array.isArray(alias)
    ? alias
    : Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement }));
  return [
    { find: /^wxt\/browser$/, replacement: resolve('lib/host-page/browser.ts') },
    { find: /^wxt\/utils\/content-script-context$/, replacement: resolve('lib/host-page/page-context.ts') },
    ...entries.filter((entry) => entry.find !== 'wxt/browser'),
  ];
}

export default defineConfig({
  // The sources zip is for store reviewers to rebuild from: no test output, results or screenshots, and
  // no private key (the e2e replicas' throwaway TLS key, or any other).
  zip: {
    excludeSources: [
      'test-results/**',
      'playwright-report/**',
      'bench/**',
      'store/screenshots/**',
      '**/*.pem',
      '**/*.key',
    ],
  },
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  hooks: {
    'vite:build:extendConfig'(entrypoints, config) {
      if (entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) {
        config.resolve = { ...config.resolve, alias: forHostPages(config.resolve?.alias) };
      }
    },
  },
  // Per browser: each store gets only the keys its browser reads (Chrome warns on browser_specific_settings).
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // unlimitedStorage: the metrics log keeps up to 50,000 events (about 13.5 MB), over storage.local's 10 MB.
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'scripting'],
    host_permissions: hostPages,
    // Custom hosts (Jira Data Center, Zendesk host-mapped domains) are asked for one origin at a time.
    optional_host_permissions: ['https://*/*'],
    // Stated rather than left to the default: only the extension's own scripts, no eval, no plugins.
    content_security_policy: { extension_pages: "script-src 'self'; object-src 'self'" },
    action: { default_title: '__MSG_extName__' },
    // Any https page: custom hosts are added at runtime and these matches cannot be. The page shows
    // nothing without a hold the background knows for the same tab; the receiver banner, nothing without
    // a banner the background recorded for that tab. In Chrome, only through the session's dynamic URL,
    // so a site cannot probe for Baton at its fixed chrome-extension://<id>/ address; Firefox's
    // moz-extension:// address is already random per installation and has no such key.
    web_accessible_resources: [
      {
        resources: ['checklist.html', 'receiver.html'],
        matches: ['https://*/*'],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    // Minimum versions: MAIN-world content scripts in the manifest (Chrome 111, Firefox 128),
    // scripting.registerContentScripts with `world` (Chrome 102, Firefox 128), optional_host_permissions
    // in MV3 (Firefox 128). Baton collects no data (Firefox's built-in consent, read from Firefox 140).
    // Managed storage: Chrome reads an administrator's policy against this schema. Firefox has no such
    // manifest key (it warns "An unexpected property was found") and takes the policy from the enterprise
    // policies.json instead (README, "Settings and administrators").
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed_schema.json' } }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'baton@baton-handoffs.app',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : { minimum_chrome_version: '111' }),
  }),
});
