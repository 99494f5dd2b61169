import { installHistoryReader } from '../lib/history/read';
import { pageDeployment } from '../lib/sites/jira/dc/page';
import { createJiraDcReceiver } from '../lib/sites/jira/dc/receiver';
import { createJiraHistory } from '../lib/sites/jira/history';
import { createJiraReceiver } from '../lib/sites/jira/receiver';

// Injected on demand by the background into the tab whose checklist is open (lib/background/history.ts).
// Comments are read as the receiver reads them on this Jira; Data Center has no changelog endpoint
// (docs/ticket-history.md §1), so there the read fails and no line shows.
export default defineUnlistedScript(() =>
  installHistoryReader(createJiraHistory, () =>
    pageDeployment() === 'server' ? createJiraDcReceiver() : createJiraReceiver(),
  ),
);
