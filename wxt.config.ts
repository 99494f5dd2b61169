import { defineConfig } from 'wxt';
import { ALL_HOST_MATCHES } from './lib/sites/registry';

const hostPages = ALL_HOST_MATCHES;

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // unlimitedStorage: the metrics log keeps up to 50,000 events (about 13.5 MB), over storage.local's 10 MB.
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'scripting'],
    host_permissions: hostPages,
    // Custom hosts (Jira Data Center, Zendesk host-mapped domains) are asked for one origin at a time.
    optional_host_permissions: ['https://*/*'],
    storage: { managed_schema: 'managed_schema.json' },
    action: { default_title: '__MSG_extName__' },
    // Any https page: custom hosts are added at runtime and these matches cannot be. The page shows
    // nothing without a hold the background knows for the same tab.
    web_accessible_resources: [{ resources: ['checklist.html'], matches: ['https://*/*'] }],
    browser_specific_settings: {
      gecko: { id: 'baton@baton-handoffs.app', strict_min_version: '128.0' },
    },
  },
});
