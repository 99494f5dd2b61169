import { runReceiver } from '../lib/receiver/run';
import { createZendeskReceiver } from '../lib/sites/zendesk/receiver';

// Injected on demand by the background into a Zendesk tab showing a ticket (lib/background/receiver.ts).
export default defineUnlistedScript(() => runReceiver(createZendeskReceiver));
