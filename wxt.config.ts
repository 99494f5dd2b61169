import { defineConfig } from 'wxt';
import { ALL_HOST_MATCHES } from './lib/sites/registry';

// The checklist page is framed over host pages, so those pages must be allowed to load it.
const hostPages = ALL_HOST_MATCHES;

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms'],
    host_permissions: hostPages,
    action: { default_title: '__MSG_extName__' },
    web_accessible_resources: [{ resources: ['checklist.html'], matches: hostPages }],
    browser_specific_settings: {
      gecko: { id: 'baton@baton-handoffs.app', strict_min_version: '128.0' },
    },
  },
});
