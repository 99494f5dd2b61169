import { markerLine } from '../../checklist/marker';
import type { SiteAdapter } from '../../guard/adapter';
import { listingMentions, sendJson } from '../http';

/**
 * An issue's comments through Jira's REST API, the same on Cloud (v3, ADF bodies) and Data Center (v2
 * under its context path, wiki markup bodies): only the issue path and the body's format differ.
 */
export function jiraComments(
  issuePath: (key: string) => string,
): Pick<SiteAdapter, 'postComment' | 'hasComment'> & Required<Pick<SiteAdapter, 'removeComment'>> {
  return {
    postComment(ticketKey, body) {
      return sendJson(`${issuePath(ticketKey)}/comment`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          // Jira answers "XSRF check failed" to a cookie-authenticated write from a browser without it
          // (Cloud), and lets it through with it (Data Center's form-token-handling).
          'X-Atlassian-Token': 'no-check',
        },
        body: JSON.stringify({ body }),
      });
    },

    removeComment(ticketKey, commentId) {
      return sendJson(`${issuePath(ticketKey)}/comment/${encodeURIComponent(commentId)}`, {
        method: 'DELETE',
        headers: { 'X-Atlassian-Token': 'no-check' },
      });
    },

    hasComment(ticketKey, handoffId) {
      return listingMentions(
        `${issuePath(ticketKey)}/comment?orderBy=-created&maxResults=100`,
        markerLine(handoffId),
      );
    },
  };
}
