import { startGuard } from '../lib/guard/guard';
import { liveSettings } from '../lib/guard/live-settings';
import { SITES } from '../lib/sites/registry';
import { createZendeskAdapter } from '../lib/sites/zendesk';

export default defineContentScript({
  matches: [...SITES.zendesk.matches],
  // Before the host's own scripts, so our capture listeners on window run first.
  runAt: 'document_start',
  main(ctx) {
    startGuard(ctx, createZendeskAdapter(), liveSettings());
  },
});
