import { runReceiver } from '../lib/receiver/run';
import { createJiraReceiver } from '../lib/sites/jira-receiver';

// Injected on demand by the background into a Jira tab showing an issue (lib/background/receiver.ts).
export default defineUnlistedScript(() => runReceiver(createJiraReceiver));
