import * as z from 'zod/mini';
import { getJson } from '../http';
import type { ReceiverSite } from '../receiver-site';
import { createZendeskAdapter } from './adapter';

// Zendesk Support for the receiver's side. The current user: `GET /api/v2/users/me.json`. Comments:
// `GET /api/v2/tickets/{id}/comments.json`, whose `body` is the plain text of each comment (internal
// notes included for an agent), with their authors sideloaded (`include=users`, each with its `role`).
//
// Trusted: an internal note (`public: false`) by an agent or admin. A requester's reply is public, and
// an end-user (a CC, a follower) is never an agent, so neither can pass for a handoff or an
// acknowledgement. DOC: developer.zendesk.com ticket comments ("Comments can be public or private")
// and users (`role`: "end-user", "agent" or "admin"); the `users` sideload on comments is INFERRED from
// the API's sideloading convention, and a missing sideload trusts no comment.

const meSchema = z.object({ user: z.looseObject({ id: z.number(), name: z.string() }) });
const commentsSchema = z.looseObject({
  comments: z.array(
    z.looseObject({
      id: z.number(),
      author_id: z.nullable(z.number()),
      body: z.string(),
      created_at: z.string(),
      public: z.optional(z.boolean()),
    }),
  ),
  users: z.optional(
    z.array(z.looseObject({ id: z.number(), name: z.optional(z.string()), role: z.string() })),
  ),
});
const AGENT_ROLES = new Set(['agent', 'admin']);
const userSchema = z.object({ user: z.looseObject({ name: z.string() }) });

export function createZendeskReceiver(): ReceiverSite {
  const adapter = createZendeskAdapter();
  return {
    id: 'zendesk',
    async currentUser() {
      const me = await getJson('/api/v2/users/me.json', meSchema);
      return me ? { id: String(me.user.id), name: me.user.name } : null;
    },
    async comments(id) {
      const page = await getJson(
        `/api/v2/tickets/${encodeURIComponent(id)}/comments.json?sort_order=desc&per_page=100&include=users`,
        commentsSchema,
      );
      if (!page) return null;
      const users = new Map((page.users ?? []).map((user) => [user.id, user]));
      return page.comments.map((comment) => {
        const author = comment.author_id === null ? undefined : users.get(comment.author_id);
        return {
          id: String(comment.id),
          authorId: comment.author_id === null ? null : String(comment.author_id),
          authorName: author?.name ?? '',
          created: comment.created_at,
          text: comment.body,
          trusted: comment.public === false && author !== undefined && AGENT_ROLES.has(author.role),
        };
      });
    },
    async nameOf(authorId) {
      return (
        (await getJson(`/api/v2/users/${encodeURIComponent(authorId)}.json`, userSchema))?.user.name ?? null
      );
    },
    post: (id, body) => adapter.postComment(id, body),
  };
}
