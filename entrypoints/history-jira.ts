import { installHistoryReader } from '../lib/history/read';
import { createJiraHistory } from '../lib/sites/jira-history';
import { createJiraReceiver } from '../lib/sites/jira-receiver';

// Injected on demand by the background into the tab whose checklist is open (lib/background/history.ts).
export default defineUnlistedScript(() => installHistoryReader(createJiraHistory, createJiraReceiver));
