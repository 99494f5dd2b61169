import { installNetHold } from '../lib/guard/net-hold';
import { SITES } from '../lib/sites/registry';
import { zendeskRequestMatcher } from '../lib/sites/zendesk/requests';

export default defineContentScript({
  matches: [...SITES.zendesk.matches],
  world: 'MAIN',
  // Before the host's scripts take their own references to fetch and XMLHttpRequest.
  runAt: 'document_start',
  main() {
    installNetHold(window, zendeskRequestMatcher);
  },
});
