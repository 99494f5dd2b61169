import { installHistoryReader } from '../lib/history/read';
import { createZendeskHistory } from '../lib/sites/zendesk/history';
import { createZendeskReceiver } from '../lib/sites/zendesk/receiver';

// Injected on demand by the background into the tab whose checklist is open (lib/background/history.ts).
export default defineUnlistedScript(() => installHistoryReader(createZendeskHistory, createZendeskReceiver));
