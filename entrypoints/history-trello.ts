import { installHistoryReader } from '../lib/history/read';
import { createTrelloHistory } from '../lib/sites/trello/history';
import { createTrelloReceiver } from '../lib/sites/trello/receiver';

// Injected on demand by the background into the tab whose checklist is open (lib/background/history.ts).
export default defineUnlistedScript(() => installHistoryReader(createTrelloHistory, createTrelloReceiver));
