import type { HandoffContext, Person } from '../../checklist/context';
import { CONTEXT_LIMITS } from '../../checklist/context-limits';
import { arrayOf, type Checked, isString, optional, shape } from '../../checks';
import { readTrello } from './api';
import { shownListName } from './page';

// What the Trello adapter reads through the API to weigh a change: the card, its list, the board's
// members and the current member, each as Trello's own client reads them.

const isMember = shape({ id: isString, fullName: isString, username: optional(isString) });
const isCard = shape({
  id: isString,
  name: isString,
  shortLink: isString,
  shortUrl: optional(isString),
  idMembers: arrayOf(isString),
  idList: isString,
  idBoard: isString,
});
const isList = shape({ id: isString, name: isString });

export type Card = Checked<typeof isCard>;
export type Member = Checked<typeof isMember>;
/** One action's reads of its card, shared by the steps that decide it; never kept across actions (its members change). */
export type CardReads = Map<string, Promise<Card | null>>;

/** Receivers' ids for the comment's marker, whole ids only, as many as the context takes. */
function joinIds(ids: readonly string[]): string {
  let joined = '';
  for (const id of ids) {
    const next = joined ? `${joined},${id}` : id;
    if (next.length > CONTEXT_LIMITS.personId) break;
    joined = next;
  }
  return joined;
}

export function cardContext(card: Card): HandoffContext {
  return {
    site: 'trello',
    ticketKey: card.shortLink,
    title: card.name,
    url: card.shortUrl ?? `${location.origin}/c/${card.shortLink}`,
    at: new Date().toISOString(),
  };
}

export function createTrelloCards() {
  let me: Promise<Member | null> | null = null;
  /** Each board's members as last read: names only, so a list that names everyone asked about is reused. */
  const boards = new Map<string, Member[]>();
  const currentMember = () => {
    me ??= readTrello('/1/members/me?fields=id,fullName,username', isMember).then((found) => {
      if (!found) me = null;
      return found;
    });
    return me;
  };

  async function listName(id: string): Promise<string> {
    const shown = shownListName(id);
    return (
      shown || ((await readTrello(`/1/lists/${encodeURIComponent(id)}?fields=name`, isList))?.name ?? id)
    );
  }

  function readCard(cardRef: string, reads: CardReads): Promise<Card | null> {
    let card = reads.get(cardRef);
    if (!card) {
      card = readTrello(
        `/1/cards/${encodeURIComponent(cardRef)}?fields=id,name,shortLink,shortUrl,idMembers,idList,idBoard`,
        isCard,
      );
      reads.set(cardRef, card);
    }
    return card;
  }

  /** The board's members, read again unless the last read already has the ones looked for. */
  async function boardMembers(
    idBoard: string,
    has: (members: Member[]) => boolean,
  ): Promise<Member[] | null> {
    const known = boards.get(idBoard);
    if (known && has(known)) return known;
    const read = await readTrello(
      `/1/boards/${encodeURIComponent(idBoard)}/members?fields=fullName,username`,
      arrayOf(isMember),
    );
    if (read) boards.set(idBoard, read);
    return read ?? known ?? null;
  }

  /** Who receives the card: the members added, else those who stay, named as Trello names them. */
  async function receivers(
    card: Card | null,
    ids: string[],
    shown: string | undefined,
  ): Promise<Person | undefined> {
    if (ids.length === 0) return undefined;
    const board = card
      ? await boardMembers(card.idBoard, (members) => ids.every((id) => members.some((m) => m.id === id)))
      : null;
    const nameOf = (id: string) =>
      board?.find((member) => member.id === id)?.fullName ?? (ids.length === 1 && shown ? shown : id);
    // The ids go into the comment's marker, so each receiver is shown the handoff when they open the card.
    return { name: ids.map(nameOf).join(', '), id: joinIds(ids) };
  }

  return { currentMember, listName, readCard, boardMembers, receivers };
}

export type TrelloCards = ReturnType<typeof createTrelloCards>;
