import * as z from 'zod/mini';
import { getJson } from './http';
import type { ReceiverSite } from './receiver-site';
import { createZendeskAdapter } from './zendesk';

// Zendesk Support for the receiver's side. The current user: `GET /api/v2/users/me.json`. Comments:
// `GET /api/v2/tickets/{id}/comments.json`, whose `body` is the plain text of each comment (internal
// notes included for an agent); authors come as ids only.

const meSchema = z.object({ user: z.looseObject({ id: z.number(), name: z.string() }) });
const commentsSchema = z.looseObject({
  comments: z.array(
    z.looseObject({
      id: z.number(),
      author_id: z.nullable(z.number()),
      body: z.string(),
      created_at: z.string(),
    }),
  ),
});
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
        `/api/v2/tickets/${encodeURIComponent(id)}/comments.json?sort_order=desc&per_page=100`,
        commentsSchema,
      );
      return (
        page?.comments.map((comment) => ({
          id: String(comment.id),
          authorId: comment.author_id === null ? null : String(comment.author_id),
          authorName: '',
          created: comment.created_at,
          text: comment.body,
        })) ?? null
      );
    },
    async nameOf(authorId) {
      return (
        (await getJson(`/api/v2/users/${encodeURIComponent(authorId)}.json`, userSchema))?.user.name ?? null
      );
    },
    post: (id, body) => adapter.postComment(id, body),
  };
}
