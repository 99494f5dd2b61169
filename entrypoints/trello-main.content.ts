import { installNetHold } from '../lib/guard/net-hold';
import { trelloRequestMatcher } from '../lib/sites/trello/requests';
import { trelloMatches } from '../lib/sites/trello/site';

export default defineContentScript({
  matches: [...trelloMatches],
  world: 'MAIN',
  // Before the host's scripts take their own references to fetch and XMLHttpRequest.
  runAt: 'document_start',
  main() {
    installNetHold(window, trelloRequestMatcher);
  },
});
