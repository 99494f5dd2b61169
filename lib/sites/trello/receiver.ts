import * as z from 'zod/mini';
import { liveSettings } from '../../guard/live-settings';
import { getJson } from '../http';
import type { ReceiverSite } from '../receiver-site';
import { createTrelloAdapter } from './adapter';
import { TRELLO_READ } from './api';

// Trello for the receiver's side. The current member: `GET /1/members/me`. Comments: the card's
// `commentCard` actions (`GET /1/cards/{id}/actions?filter=commentCard`), text in markdown. Read with the
// session cookie alone, as Trello's own client reads (shared/HOSTS.md §3b).
//
// Trusted: a comment by a member of the card's board (`idMemberCreator` among
// `GET /1/boards/{id}/members`, the board from `GET /1/cards/{id}/board`). A board's commenting
// permission can reach workspace members or any Trello user of a public board, who are not on it.
// When the members cannot be read, no comment is trusted.

const memberSchema = z.looseObject({ id: z.string(), fullName: z.optional(z.string()) });
const boardSchema = z.looseObject({ id: z.string() });
const boardMembersSchema = z.array(z.looseObject({ id: z.string() }));

/** The ids of the members of the card's board; empty when Trello does not say. */
async function boardMemberIds(card: string): Promise<Set<string>> {
  const board = await getJson(
    `/1/cards/${encodeURIComponent(card)}/board?fields=id`,
    boardSchema,
    TRELLO_READ,
  );
  if (!board) return new Set();
  const members = await getJson(
    `/1/boards/${encodeURIComponent(board.id)}/members?fields=id`,
    boardMembersSchema,
    TRELLO_READ,
  );
  return new Set(members?.map((member) => member.id));
}
const actionsSchema = z.array(
  z.looseObject({
    id: z.string(),
    date: z.string(),
    idMemberCreator: z.optional(z.string()),
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
      const [actions, members] = await Promise.all([
        getJson(
          `/1/cards/${encodeURIComponent(card)}/actions?filter=commentCard&limit=100`,
          actionsSchema,
          TRELLO_READ,
        ),
        boardMemberIds(card),
      ]);
      return (
        actions?.map((action) => {
          const authorId = action.idMemberCreator ?? action.memberCreator?.id ?? null;
          return {
            id: action.id,
            authorId,
            authorName: action.memberCreator?.fullName ?? '',
            created: action.date,
            text: action.data.text ?? '',
            trusted: authorId !== null && members.has(authorId),
          };
        }) ?? null
      );
    },
    post: (card, body) => adapter.postComment(card, body),
  };
}
