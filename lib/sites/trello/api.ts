import { markerLine } from '../../checklist/marker';
import type { Check } from '../../checks';
import type { SiteAdapter } from '../../guard/adapter';
import type { PostResult } from '../../messaging';
import { getChecked, listingMentions, sendJson } from '../http';

// Trello's REST calls, authenticated the way its own web client is (shared/HOSTS.md §3b, corrected
// December 2026): reads carry the session cookie alone; every write carries the `dsc` double-submit
// cookie's value in its JSON body (in the query string Trello answers 403 "CSRF detected").

/** How Trello's own client reads: the session cookie, nothing else. */
export const TRELLO_READ = { credentials: 'include' } as const;

export function readTrello<T>(path: string, check: Check<T>): Promise<T | null> {
  return getChecked(path, check, TRELLO_READ);
}

export function trelloListingMentions(path: string, text: string): Promise<boolean> {
  return listingMentions(path, text, TRELLO_READ);
}

/** The `dsc` cookie, which the page's script can read by design; '' when absent (Trello then refuses the write). */
function dsc(): string {
  const found = document.cookie.split('; ').find((part) => part.startsWith('dsc='));
  return found ? decodeURIComponent(found.slice(4)) : '';
}

export function writeTrello(
  method: 'POST' | 'PUT' | 'DELETE',
  path: string,
  fields: Record<string, unknown> = {},
): Promise<PostResult> {
  return sendJson(path, {
    method,
    credentials: 'include',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ ...fields, dsc: dsc() }),
  });
}

/** A card's comments: Trello's comment actions, posted in Markdown. */
export const trelloComments: Pick<SiteAdapter, 'postComment' | 'removeComment' | 'hasComment'> = {
  postComment(cardRef, body) {
    const markdown = typeof body === 'string' ? body : '';
    return writeTrello('POST', `/1/cards/${encodeURIComponent(cardRef)}/actions/comments`, {
      text: markdown,
    });
  },

  removeComment(_cardRef, actionId) {
    return writeTrello('DELETE', `/1/actions/${encodeURIComponent(actionId)}`);
  },

  hasComment(ticketKey, handoffId) {
    return trelloListingMentions(
      `/1/cards/${encodeURIComponent(ticketKey)}/actions?filter=commentCard&limit=100`,
      markerLine(handoffId),
    );
  },
};
