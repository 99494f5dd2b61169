import { startGuard } from '../lib/guard/guard';
import { liveSettings } from '../lib/guard/live-settings';
import { createTrelloAdapter } from '../lib/sites/trello/adapter';
import { trelloMatches } from '../lib/sites/trello/site';

export default defineContentScript({
  matches: [...trelloMatches],
  // Before the host's own scripts, so our capture listeners on window run first.
  runAt: 'document_start',
  // WXT's older way of telling a previous copy of this script to stop: a message every host page's own
  // listeners would receive on each load. Its event on document is enough.
  noScriptStartedPostMessage: true,
  main(ctx) {
    const settings = liveSettings();
    startGuard(ctx, createTrelloAdapter(settings), settings);
  },
});
