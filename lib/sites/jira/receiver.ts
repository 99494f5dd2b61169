import * as z from 'zod/mini';
import { getJson } from '../http';
import type { ReceiverSite } from '../receiver-site';
import { createJiraAdapter } from './cloud';
import { createJiraDcReceiver } from './dc/receiver';
import { cloudAccountId, pageDeployment } from './page';

// Jira Cloud for the receiver's side. The current user: `GET /rest/api/3/myself`, else the page's
// `meta[name="ajs-atlassian-account-id"]` (HOSTS.md §1a). Comments: `GET /rest/api/3/issue/{key}/comment`
// with bodies in ADF, newest first.
//
// Trusted: a comment by a licensed user (`author.accountType` "atlassian"). A Jira Service Management
// portal customer ("customer") comments on the same issue, always publicly (`jsdPublic: true`), and
// an app ("app") writes what its rules say. DOC: the REST API's UserDetails.accountType ("one of
// 'atlassian' (normal users), 'app' (application user) or 'customer' (Jira Service Desk customer
// user)") and Comment.jsdPublic, as generated clients of Atlassian's OpenAPI quote them. An author
// without an account type is not trusted.

const userSchema = z.looseObject({
  accountId: z.string(),
  displayName: z.optional(z.string()),
  accountType: z.optional(z.string()),
});
const pageSchema = z.looseObject({
  comments: z.array(
    z.looseObject({
      id: z.string(),
      author: z.optional(z.nullable(userSchema)),
      body: z.unknown(),
      created: z.string(),
    }),
  ),
});

/** An ADF document's text: one line per paragraph, heading or list item, hard breaks kept. */
export function adfToText(node: unknown): string {
  if (typeof node !== 'object' || node === null) return '';
  const { type, text, content } = node as { type?: unknown; text?: unknown; content?: unknown };
  if (type === 'text') return typeof text === 'string' ? text : '';
  if (type === 'hardBreak') return '\n';
  const children = Array.isArray(content) ? content.map(adfToText) : [];
  const block = type === 'paragraph' || type === 'heading' || type === 'codeBlock';
  return block ? `${children.join('')}\n` : children.join('');
}

export function createJiraReceiver(): ReceiverSite {
  const adapter = createJiraAdapter();
  return {
    id: 'jira',
    async currentUser() {
      const me = await getJson('/rest/api/3/myself', userSchema);
      if (me) return { id: me.accountId, name: me.displayName ?? '' };
      const id = cloudAccountId();
      return id ? { id, name: '' } : null;
    },
    async comments(key) {
      const page = await getJson(
        `/rest/api/3/issue/${encodeURIComponent(key)}/comment?orderBy=-created&maxResults=100`,
        pageSchema,
      );
      return (
        page?.comments.map((comment) => ({
          id: comment.id,
          authorId: comment.author?.accountId ?? null,
          authorName: comment.author?.displayName ?? '',
          created: comment.created,
          text: adfToText(comment.body),
          trusted: comment.author?.accountType === 'atlassian',
        })) ?? null
      );
    },
    post: (key, body) => adapter.postComment(key, body),
  };
}

/** The receiver's reading for this page's Jira: its meta tags say whether it is Cloud or Data Center. */
export const createJiraSiteReceiver = (): ReceiverSite =>
  pageDeployment() === 'server' ? createJiraDcReceiver() : createJiraReceiver();
