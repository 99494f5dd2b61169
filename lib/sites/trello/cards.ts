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

/**
 * How long a card read ahead (when the user opens the controls that change its members or list) stands
 * for the card as the page shows it: the page decides what the click does (add or remove) from what it
 * read at about the same time, so a read this old is as current as the page's own view.
 */
export const READ_AHEAD_MS = 20_000;

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

  const fetchCard = (cardRef: string) =>
    readTrello(
      `/1/cards/${encodeURIComponent(cardRef)}?fields=id,name,shortLink,shortUrl,idMembers,idList,idBoard`,
      isCard,
    );

  /** Reads started before an action, by card: each is taken by the next action on its card, or expires. */
  const ahead = new Map<string, { card: Promise<Card | null>; at: number; failed: boolean }>();

  /**
   * Starts what an action on this card will need (the card, its board's members, the current member),
   * so that a dialog opens on the click itself rather than one or two round trips to Trello later.
   */
  function readAhead(cardRef: string): void {
    const card = fetchCard(cardRef);
    const read = { card, at: Date.now(), failed: false };
    ahead.set(cardRef, read);
    void currentMember();
    void card.then((found) => {
      if (!found) read.failed = true;
      return found && boardMembers(found.idBoard, (members) => members.length > 0);
    });
  }

  const fresh = (read: { at: number; failed: boolean } | undefined) =>
    read !== undefined && !read.failed && Date.now() - read.at < READ_AHEAD_MS;

  /**
   * Reads ahead for a control pressed on this card, unless a read for it is already fresh: a member
   * pressed in the popover is decided on the popover's read (READ_AHEAD_MS), so its checklist does not
   * wait for a round trip to Trello on the click's path.
   */
  function readAheadUnlessFresh(cardRef: string): void {
    if (!fresh(ahead.get(cardRef))) readAhead(cardRef);
  }

  function takeAhead(cardRef: string): Promise<Card | null> | undefined {
    const read = ahead.get(cardRef);
    ahead.delete(cardRef);
    return read && fresh(read) ? read.card : undefined;
  }

  /** The card as the action sees it: read ahead for it, else read now. */
  function readCard(cardRef: string, reads: CardReads): Promise<Card | null> {
    let card = reads.get(cardRef);
    if (!card) {
      card = takeAhead(cardRef) ?? fetchCard(cardRef);
      reads.set(cardRef, card);
    }
    return card;
  }

  /** Reads of a board's members on their way: an action taken during the read ahead waits for it. */
  const boardReads = new Map<string, Promise<Member[] | null>>();

  function readBoard(idBoard: string): Promise<Member[] | null> {
    const read = readTrello(
      `/1/boards/${encodeURIComponent(idBoard)}/members?fields=fullName,username`,
      arrayOf(isMember),
    )
      .then((members) => {
        if (members) boards.set(idBoard, members);
        return members;
      })
      .finally(() => {
        if (boardReads.get(idBoard) === read) boardReads.delete(idBoard);
      });
    boardReads.set(idBoard, read);
    return read;
  }

  /**
   * The board's members: the last read when it has the ones looked for, else the read on its way when
   * that has them, else a new read.
   */
  async function boardMembers(
    idBoard: string,
    has: (members: Member[]) => boolean,
  ): Promise<Member[] | null> {
    const known = boards.get(idBoard);
    if (known && has(known)) return known;
    const pending = boardReads.get(idBoard);
    const shared = pending ? await pending : null;
    if (shared && has(shared)) return shared;
    return (await readBoard(idBoard)) ?? boards.get(idBoard) ?? null;
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

  return {
    currentMember,
    listName,
    readAhead,
    readAheadUnlessFresh,
    readCard,
    fetchCard,
    boardMembers,
    receivers,
  };
}

export type TrelloCards = ReturnType<typeof createTrelloCards>;
