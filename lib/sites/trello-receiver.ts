import * as z from 'zod/mini';
import { liveSettings } from '../guard/live-settings';
import { getJson } from './http';
import type { ReceiverSite } from './receiver-site';
import { createTrelloAdapter } from './trello';
import { TRELLO_READ } from './trello-api';

// Trello for the receiver's side. The current member: `GET /1/members/me`. Comments: the card's
// `commentCard` actions (`GET /1/cards/{id}/actions?filter=commentCard`), text in markdown. Read with the
// session cookie alone, as Trello's own client reads (shared/HOSTS.md §3b).

const memberSchema = z.looseObject({ id: z.string(), fullName: z.optional(z.string()) });
const actionsSchema = z.array(
  z.looseObject({
    id: z.string(),
    date: z.string(),
    data: z.looseObject({ text: z.optional(z.string()) }),
    memberCreator: z.optional(z.nullable(memberSchema)),
  }),
);

export function createTrelloReceiver(): ReceiverSite {
  const adapter = createTrelloAdapter(liveSettings());
  return {
    id: 'trello',
    async currentUser() {
      const me = await getJson('/1/members/me?fields=id,fullName,username', memberSchema, TRELLO_READ);
      return me ? { id: me.id, name: me.fullName ?? '' } : null;
    },
    async comments(card) {
      const actions = await getJson(
        `/1/cards/${encodeURIComponent(card)}/actions?filter=commentCard&limit=100`,
        actionsSchema,
        TRELLO_READ,
      );
      return (
        actions?.map((action) => ({
          id: action.id,
          authorId: action.memberCreator?.id ?? null,
          authorName: action.memberCreator?.fullName ?? '',
          created: action.date,
          text: action.data.text ?? '',
        })) ?? null
      );
    },
    post: (card, body) => adapter.postComment(card, body),
  };
}
