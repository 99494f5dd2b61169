import * as z from 'zod/mini';
import type { HistorySource } from '../../history/read';
import type { HandsChange } from '../../history/ticket-history';
import { getJson } from '../http';
import { TRELLO_READ } from './api';

// A Trello card's actions, read for who held it (docs/ticket-history.md §3):
// `GET /1/cards/{id}/actions?filter=addMemberToCard,updateCard:idList&limit=…` answers an array, newest
// first, each `{ id, type, date, idMemberCreator, memberCreator: { fullName }, member: { fullName },
// data: { idMember, listBefore, listAfter } }`; older pages by `before=<the oldest action's id>`.
// Removals are not read: taking someone off a card hands it to nobody, and the add that goes with a
// handoff is what counts.

export const PAGE_SIZE = 1000;
const MAX_PAGES = 3;

const memberSchema = z.looseObject({ id: z.optional(z.string()), fullName: z.optional(z.string()) });
const listSchema = z.looseObject({ name: z.optional(z.string()) });
export const actionsPageSchema = z.array(
  z.looseObject({
    id: z.string(),
    type: z.string(),
    date: z.string(),
    idMemberCreator: z.optional(z.string()),
    memberCreator: z.optional(z.nullable(memberSchema)),
    member: z.optional(z.nullable(memberSchema)),
    data: z.looseObject({
      idMember: z.optional(z.string()),
      member: z.optional(z.looseObject({ name: z.optional(z.string()) })),
      listBefore: z.optional(listSchema),
      listAfter: z.optional(listSchema),
    }),
  }),
);
export type ActionsPage = z.infer<typeof actionsPageSchema>;

export function trelloChanges(actions: ActionsPage): HandsChange[] {
  return actions.flatMap((action): HandsChange[] => {
    if (action.type === 'addMemberToCard') {
      const to = action.member?.fullName ?? action.data.member?.name ?? '';
      return [
        {
          at: action.date,
          kind: 'person',
          from: action.memberCreator?.fullName ?? '',
          to,
          self: action.idMemberCreator !== undefined && action.idMemberCreator === action.data.idMember,
        },
      ];
    }
    if (action.type === 'updateCard' && action.data.listAfter) {
      return [
        {
          at: action.date,
          kind: 'list',
          from: action.data.listBefore?.name ?? '',
          to: action.data.listAfter.name ?? '',
        },
      ];
    }
    return [];
  });
}

/** The card's member and list actions, a page at a time back to the oldest; null when a read fails. */
export async function readTrelloActions(
  card: string,
  getPage: (path: string) => Promise<ActionsPage | null>,
  pageSize = PAGE_SIZE,
): Promise<HandsChange[] | null> {
  const base = `/1/cards/${encodeURIComponent(card)}/actions?filter=addMemberToCard,updateCard:idList&limit=${pageSize}`;
  const actions: ActionsPage = [];
  let path = base;
  for (let pages = 0; pages < MAX_PAGES; pages += 1) {
    const page = await getPage(path);
    if (!page) return null;
    actions.push(...page);
    const oldest = page.at(-1);
    if (page.length < pageSize || !oldest) break;
    path = `${base}&before=${encodeURIComponent(oldest.id)}`;
  }
  return trelloChanges(actions);
}

export function createTrelloHistory(): HistorySource {
  return {
    changes: (card) => readTrelloActions(card, (path) => getJson(path, actionsPageSchema, TRELLO_READ)),
    // A comment's "Copy link" in Trello's card back (docs/ticket-history.md §3, INFERRED).
    commentUrl: (card, actionId) =>
      `${location.origin}/c/${encodeURIComponent(card)}#comment-${encodeURIComponent(actionId)}`,
  };
}
