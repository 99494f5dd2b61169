import { installNetHold } from '../lib/guard/net-hold';
import { jiraRequestMatcher } from '../lib/sites/jira/requests';
import { jiraMatches } from '../lib/sites/jira/site';

export default defineContentScript({
  matches: [...jiraMatches],
  world: 'MAIN',
  // Before the host's scripts take their own references to fetch and XMLHttpRequest.
  runAt: 'document_start',
  main() {
    installNetHold(window, jiraRequestMatcher);
  },
});
