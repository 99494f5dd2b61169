import { markerLine } from '../../checklist/marker';
import { isNumber, isString, nullable, optional, shape } from '../../checks';
import type { SiteAdapter } from '../../guard/adapter';
import type { PostResult } from '../../messaging';
import { getChecked, listingMentions, sendJson } from '../http';

// Zendesk Support's API with the agent's own session (shared/HOSTS.md §2b): a ticket, the names of its
// agent and group, and internal notes, which need the session's CSRF token.

const isMe = shape({ user: shape({ id: isNumber, name: isString, authenticity_token: isString }) });
export const isTicket = shape({
  ticket: shape({
    id: isNumber,
    subject: optional(nullable(isString)),
    assignee_id: nullable(isNumber),
    group_id: nullable(isNumber),
  }),
});
const isUser = shape({ user: shape({ name: isString }) });
const isGroup = shape({ group: shape({ name: isString }) });

export function createZendeskApi() {
  let csrfToken: string | null = null;

  async function token(refresh: boolean): Promise<string | null> {
    if (csrfToken && !refresh) return csrfToken;
    csrfToken = (await getChecked('/api/v2/users/me.json', isMe))?.user.authenticity_token ?? null;
    return csrfToken;
  }

  async function putNote(ticketId: string, html: string, csrf: string | null): Promise<PostResult> {
    return sendJson(`/api/v2/tickets/${encodeURIComponent(ticketId)}.json`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'X-CSRF-Token': csrf ?? '' },
      // An internal note only: the agent's own reply and field changes go out with their own Submit.
      body: JSON.stringify({ ticket: { comment: { html_body: html, public: false } } }),
    });
  }

  async function nameOf(kind: 'users' | 'groups', id: number | string | null): Promise<string> {
    if (id === null || id === '') return '';
    const path = `/api/v2/${kind}/${encodeURIComponent(String(id))}.json`;
    const found =
      kind === 'users'
        ? (await getChecked(path, isUser))?.user.name
        : (await getChecked(path, isGroup))?.group.name;
    return found ?? String(id);
  }

  const comments: Pick<SiteAdapter, 'postComment' | 'hasComment'> = {
    async postComment(ticketId, body) {
      const html = typeof body === 'string' ? body : '';
      const first = await putNote(ticketId, html, await token(false));
      // A stale token (the session rotated it) gets one fresh try.
      if (!first.ok && first.failure.status === 403) return putNote(ticketId, html, await token(true));
      return first;
    },

    hasComment(ticketKey, handoffId) {
      return listingMentions(
        `/api/v2/tickets/${encodeURIComponent(ticketKey)}/comments.json?sort_order=desc&per_page=100`,
        markerLine(handoffId),
      );
    },
  };

  return { nameOf, comments };
}
