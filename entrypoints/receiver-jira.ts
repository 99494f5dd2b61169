import { runReceiver } from '../lib/receiver/run';
import { createJiraSiteReceiver } from '../lib/sites/jira/receiver';

// Injected on demand by the background into a Jira tab showing an issue (lib/background/receiver.ts),
// after the page has loaded: its meta tags say whether it is Cloud or Data Center.
export default defineUnlistedScript(() => runReceiver(createJiraSiteReceiver));
