import type { SiteRecord } from '../site-record';
import { DEFAULT_TRELLO_RULES, isHandoffList, parseTrelloRules } from './rules';
import { trelloRulesSchema } from './settings';

// Trello: a card is a ticket, named by its short link in the page's URL. Evidence: shared/HOSTS.md §3
// (cards at /c/SHORTLINK).

/** A card's address: /c/SHORTLINK, then its slug. */
export const CARD_PATH = /^\/c\/([A-Za-z0-9]{8})(?:\/|$)/;

/** Apart from the record, so that a host-page script's manifest entry does not bundle the examples. */
export const trelloMatches = ['https://trello.com/*'] as const;

export const trello = {
  id: 'trello',
  name: 'Trello',
  matches: trelloMatches,
  commentFormat: 'markdown',
  commentLimit: 16_384,
  ticketFromUrl: (url: URL) => CARD_PATH.exec(url.pathname)?.[1] ?? null,
  customHosts: false,
  settings: { trello: { schema: trelloRulesSchema, fallback: DEFAULT_TRELLO_RULES } },
  // A card moved counts only into one of the team's handoff lists.
  countsInHistory: (change, settings) =>
    change.kind !== 'list' ||
    isHandoffList(change.to, parseTrelloRules(settings.trello) ?? DEFAULT_TRELLO_RULES),
  examples: {
    pages: [
      { url: 'https://trello.com/c/Ab3dE6gH/12-fix-the-login', ticket: 'Ab3dE6gH' },
      { url: 'https://trello.com/b/Xy9zW8vU/support', ticket: null },
    ],
    requests: [
      {
        method: 'POST',
        url: 'https://trello.com/1/cards/5f1e2d3c4b5a697887766554/idMembers',
        body: 'value=5a1b2c3d4e5f60718293a4b5',
        tickets: ['5f1e2d3c4b5a697887766554'],
      },
      {
        method: 'PUT',
        url: 'https://trello.com/1/cards/5f1e2d3c4b5a697887766554',
        body: '{"idList":"60718293a4b55a1b2c3d4e5f"}',
        tickets: ['5f1e2d3c4b5a697887766554'],
      },
    ],
  },
} as const satisfies SiteRecord;
