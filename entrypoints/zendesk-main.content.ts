import { installNetHold } from '../lib/guard/net-hold';
import { zendeskRequestMatcher } from '../lib/sites/zendesk/requests';
import { zendeskMatches } from '../lib/sites/zendesk/site';

export default defineContentScript({
  matches: [...zendeskMatches],
  world: 'MAIN',
  // Before the host's scripts take their own references to fetch and XMLHttpRequest.
  runAt: 'document_start',
  main() {
    installNetHold(window, zendeskRequestMatcher);
  },
});
