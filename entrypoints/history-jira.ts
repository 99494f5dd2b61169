import { installHistoryReader } from '../lib/history/read';
import { createJiraHistory } from '../lib/sites/jira/history';
import { createJiraSiteReceiver } from '../lib/sites/jira/receiver';

// Injected on demand by the background into the tab whose checklist is open (lib/background/history.ts).
// Comments are read as the receiver reads them on this Jira; Data Center has no changelog endpoint
// (docs/ticket-history.md §1), so there the read fails and no line shows.
export default defineUnlistedScript(() => installHistoryReader(createJiraHistory, createJiraSiteReceiver));
