import { runReceiver } from '../lib/receiver/run';
import { pageDeployment } from '../lib/sites/jira/dc/page';
import { createJiraDcReceiver } from '../lib/sites/jira/dc/receiver';
import { createJiraReceiver } from '../lib/sites/jira/receiver';

// Injected on demand by the background into a Jira tab showing an issue (lib/background/receiver.ts),
// after the page has loaded: its meta tags say whether it is Cloud or Data Center.
export default defineUnlistedScript(() =>
  runReceiver(() => (pageDeployment() === 'server' ? createJiraDcReceiver() : createJiraReceiver())),
);
