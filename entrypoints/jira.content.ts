import { startGuard } from '../lib/guard/guard';
import { liveSettings } from '../lib/guard/live-settings';
import { createJiraAdapter } from '../lib/sites/jira';
import { SITES } from '../lib/sites/registry';

export default defineContentScript({
  matches: [...SITES.jira.matches],
  // Before the host's own scripts, so our capture listeners on window run first.
  runAt: 'document_start',
  main(ctx) {
    startGuard(ctx, createJiraAdapter(), liveSettings());
  },
});
