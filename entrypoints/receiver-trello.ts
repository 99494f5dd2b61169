import { runReceiver } from '../lib/receiver/run';
import { createTrelloReceiver } from '../lib/sites/trello/receiver';

// Injected on demand by the background into a Trello tab showing a card (lib/background/receiver.ts).
export default defineUnlistedScript(() => runReceiver(createTrelloReceiver));
