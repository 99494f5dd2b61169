import * as z from 'zod/mini';
import { getJson } from '../../http';
import type { ReceiverSite } from '../../receiver-site';
import { contextPath } from '../page';
import { createJiraDcAdapter } from './adapter';
import { currentUser } from './page';

// Jira Data Center and Server for the receiver's side: people by username, `GET /rest/api/2/myself`
// (else the page's ajs-remote-user), comments through REST v2 with wiki-markup bodies, replies in wiki
// markup (docs/jira-datacenter.md).
//
// Every comment is trusted for now: Data Center's users carry no account type, and telling a service
// management portal customer from a licensed user needs each author's application roles
// (`GET /rest/api/2/user?username=…&expand=applicationRoles`), not read yet (docs/threat-model.md).

const userSchema = z.looseObject({ name: z.string(), displayName: z.optional(z.string()) });
const pageSchema = z.looseObject({
  comments: z.array(
    z.looseObject({
      id: z.string(),
      author: z.optional(z.nullable(userSchema)),
      body: z.string(),
      created: z.string(),
    }),
  ),
});

// The renderer's backslash escapes (see render-wiki.ts); a backslash after a backslash escapes nothing.
const ESCAPED = /(?<!\\)\\([-#*_+?^~|%{}[\]()!@])/g;

/** What a person reads in a wiki-markup comment Baton wrote: escapes and entities undone, labels unbolded. */
export function wikiToText(markup: string): string {
  return markup
    .split('\n')
    .map((line) =>
      line
        .replace(/^h[1-6]\.\s+/, '')
        .replace(/^\*((?:\\.|[^*\\])+):\*/, '$1:')
        .replace(/ \[~[^\]\s]+\]$/, '')
        .replace(ESCAPED, '$1')
        .replace(/&#(\d{1,7});/g, (_, code: string) => String.fromCodePoint(Number(code)))
        .replace(/&amp;/g, '&'),
    )
    .join('\n');
}

export function createJiraDcReceiver(): ReceiverSite {
  const adapter = createJiraDcAdapter();
  const api = (path: string) => `${contextPath()}/rest/api/2${path}`;
  return {
    id: 'jira',
    commentFormat: 'wiki',
    async currentUser() {
      const me = await getJson(api('/myself'), userSchema);
      if (me) return { id: me.name, name: me.displayName ?? '' };
      const page = currentUser();
      return page?.id ? { id: page.id, name: page.name } : null;
    },
    async comments(key) {
      const page = await getJson(
        api(`/issue/${encodeURIComponent(key)}/comment?orderBy=-created&maxResults=100`),
        pageSchema,
      );
      return (
        page?.comments.map((comment) => ({
          id: comment.id,
          authorId: comment.author?.name ?? null,
          authorName: comment.author?.displayName ?? '',
          created: comment.created,
          text: wikiToText(comment.body),
          trusted: true,
        })) ?? null
      );
    },
    post: (key, body) => adapter.postComment(key, body),
  };
}
