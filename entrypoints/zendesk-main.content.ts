import { installNetHold } from '../lib/guard/net-hold';
import { zendeskRequestMatcher } from '../lib/sites/zendesk/requests';
import { zendesk } from '../lib/sites/zendesk/site';

export default defineContentScript({
  matches: [...zendesk.matches],
  world: 'MAIN',
  // Before the host's scripts take their own references to fetch and XMLHttpRequest.
  runAt: 'document_start',
  main() {
    installNetHold(window, zendeskRequestMatcher);
  },
});
