import { startGuard } from '../lib/guard/guard';
import { liveSettings } from '../lib/guard/live-settings';
import { SITES } from '../lib/sites/registry';
import { createTrelloAdapter } from '../lib/sites/trello';

export default defineContentScript({
  matches: [...SITES.trello.matches],
  // Before the host's own scripts, so our capture listeners on window run first.
  runAt: 'document_start',
  main(ctx) {
    const settings = liveSettings();
    startGuard(ctx, createTrelloAdapter(settings), settings);
  },
});
