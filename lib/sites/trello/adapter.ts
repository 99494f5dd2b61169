import type { HandoffContext, Person } from '../../checklist/context';
import { CONTEXT_LIMITS } from '../../checklist/context-limits';
import { markerLine } from '../../checklist/marker';
import { arrayOf, type Checked, isString, optional, shape } from '../../checks';
import type { RecognizedAction, SiteAdapter } from '../../guard/adapter';
import type { LiveSettings } from '../../guard/live-settings';
import type { ReassignMatch } from '../../guard/net-protocol';
import { editable, recognizeWith, text } from '../dom';
import { replayClick, replayKey } from '../replay';
import { readTrello, trelloListingMentions, writeTrello } from './api';
import { memberNamed, shownName } from './members';
import { isHandoffList, isMemberHandoff } from './rules';

// Trello's board and card views. Evidence for every selector: shared/HOSTS.md §3. A card has members
// rather than one assignee; whether a member or list change is a handoff follows the site's rules
// (trello-rules.ts), which need the card's members and the current user, so most UI actions are
// stopped first and confirmed against the API before a dialog shows. What cannot be confirmed (a read
// fails, a member Baton cannot find) is a handoff: the dialog shows with what is known.
const SELECTORS = {
  cardBack: ['[data-testid="card-back-panel"]'],
  cardBackName: ['[data-testid="card-back-name"]'],
  listCard: ['[data-testid="list-card"]', '[data-testid="trello-card"]'],
  cardLink: ['a[data-testid="card-name"]', 'a[href^="/c/"]'],
  // The members popover: one test id for every member, on the card or not; a click toggles.
  chooseMember: ['[data-testid="choose-member-item-add-member-button"]'],
  profileCard: ['[data-testid="profile-card"]'],
  profileRemove: ['[data-testid="remove-from-card"]'],
  join: ['[data-testid="card-back-join-button"]'],
  leave: ['[data-testid="card-back-leave-button"]'],
  moveButton: ['[data-testid="move-card-popover-move-button"]'],
  moveList: ['[data-testid="move-card-popover"] select[aria-label="List"]'],
  members: ['[data-testid="card-back-members-container"]'],
} as const;

const any = (list: readonly string[]) => list.join(', ');
const SHORT_LINK = /^\/c\/([A-Za-z0-9]{8})(?:\/|$)/;
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

type Card = Checked<typeof isCard>;
type Member = Checked<typeof isMember>;
/** One action's reads of its card, shared by the steps that decide it; never kept across actions (its members change). */
type CardReads = Map<string, Promise<Card | null>>;
/** A change as the request or the page says it; `shown` is how the page named the member, if it did. */
type Change = { add?: string; remove?: string; members?: string[]; list?: string; shown?: string };
/** A member change Baton could not pin down: a handoff, with the name the page showed. */
type Unknown = { unknown: true; shown?: string };
type Seen = Change | Unknown;
interface Described {
  handoff: boolean;
  context: HandoffContext;
  cardId?: string;
}

/** The member or list change a held request makes, as the MAIN-world matcher read it. */
function changeOf(match: ReassignMatch): Change {
  const detail = match.details ?? {};
  const change: Change = {};
  if (typeof detail.add === 'string') change.add = detail.add;
  if (typeof detail.remove === 'string') change.remove = detail.remove;
  if (Array.isArray(detail.members)) change.members = detail.members;
  if (typeof detail.list === 'string') change.list = detail.list;
  return change;
}

/** Whether a request makes the change an action was about (any member change, for one Baton could not pin down). */
function sameChange(seen: Seen, change: Change): boolean {
  if ('unknown' in seen) return change.add !== undefined || change.remove !== undefined;
  return seen.add === change.add && seen.remove === change.remove && seen.list === change.list;
}

function shortLinkOf(card: Element): string | null {
  const own = card.getAttribute('data-short-link');
  if (own) return own;
  const href = card.querySelector(any(SELECTORS.cardLink))?.getAttribute('href') ?? '';
  return SHORT_LINK.exec(href)?.[1] ?? null;
}

/** Everything the page shows about a member in this element: avatar titles, labels, the texts of its leaves. */
function labelsOf(element: Element): string[] {
  const labels = [element.getAttribute('aria-label') ?? ''];
  for (const titled of element.querySelectorAll('[title], img[alt]')) {
    labels.push(titled.getAttribute('title') ?? '', titled.getAttribute('alt') ?? '');
  }
  for (const leaf of element.querySelectorAll('*')) {
    if (leaf.childElementCount === 0) labels.push(text(leaf));
  }
  return labels.filter((label) => label !== '');
}

const sameLabels = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((label, index) => label === b[index]);

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

export function createTrelloAdapter(settings: LiveSettings): SiteAdapter {
  let hovered: string | null = null;
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

  /** The card an action is about: the open card back, else the card under the pointer. */
  function cardInView(): string | null {
    const open = document.querySelector(any(SELECTORS.cardBack))
      ? SHORT_LINK.exec(location.pathname)?.[1]
      : null;
    return open ?? hovered;
  }

  /** The context the page itself gives, for when the API does not answer. */
  function pageContext(cardRef: string): HandoffContext {
    const open = SHORT_LINK.exec(location.pathname)?.[1] === cardRef;
    const front = document.querySelector(`[data-short-link="${CSS.escape(cardRef)}"]`);
    const title = open
      ? text(document.querySelector(any(SELECTORS.cardBackName)))
      : text(front?.querySelector(any(SELECTORS.cardLink)));
    return {
      site: 'trello',
      ticketKey: cardRef,
      ...(title ? { title } : {}),
      url: `${location.origin}/c/${cardRef}`,
      at: new Date().toISOString(),
    };
  }

  function cardContext(card: Card): HandoffContext {
    return {
      site: 'trello',
      ticketKey: card.shortLink,
      title: card.name,
      url: card.shortUrl ?? `${location.origin}/c/${card.shortLink}`,
      at: new Date().toISOString(),
    };
  }

  async function listName(id: string): Promise<string> {
    const shown = text(
      document.querySelector(`[data-list-id="${CSS.escape(id)}"] [data-testid="list-name"]`),
    );
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

  /** Whether the change is a handoff under the current rules, and its context; never throws. */
  async function describe(cardRef: string, seen: Seen, reads: CardReads = new Map()): Promise<Described> {
    const [card, user] = await Promise.all([readCard(cardRef, reads), currentMember()]);
    const from = user ? { from: { id: user.id, name: user.fullName } } : {};
    const base: HandoffContext = { ...(card ? cardContext(card) : pageContext(cardRef)), ...from };
    const done = (handoff: boolean, to?: Person): Described => ({
      handoff,
      context: to ? { ...base, to } : base,
      ...(card ? { cardId: card.id } : {}),
    });
    if ('unknown' in seen) return done(true, seen.shown ? { name: seen.shown } : undefined);
    const rules = settings.current().trello;
    if (seen.list !== undefined) {
      const name = await listName(seen.list);
      return done(seen.list !== card?.idList && isHandoffList(name, rules), { name });
    }
    const added = seen.add ? [seen.add] : (seen.members ?? []);
    // Without the current member or the card's members the change cannot be weighed: it is a handoff.
    if (!user || (!card && !seen.add)) {
      return done(true, await receivers(card, added, seen.shown));
    }
    const before = card?.idMembers ?? [];
    const after =
      seen.members ?? (seen.add ? [...before, seen.add] : before.filter((id) => id !== seen.remove));
    if (!isMemberHandoff({ before, after, me: user.id }, rules)) return done(false);
    const joining = after.filter((id) => !before.includes(id));
    const receiverIds = (joining.length > 0 ? joining : after).filter((id) => id !== user.id);
    return done(true, await receivers(card, receiverIds, seen.shown));
  }

  /** Sends a member change the way Trello's client does, for when the element clicked is gone. */
  async function perform(cardRef: string, seen: Seen): Promise<void> {
    if ('unknown' in seen) throw new Error('The member change is not known well enough to send it');
    const card = encodeURIComponent(cardRef);
    const sent = seen.add
      ? await writeTrello('POST', `/1/cards/${card}/idMembers`, { value: seen.add })
      : seen.remove
        ? await writeTrello('DELETE', `/1/cards/${card}/idMembers/${encodeURIComponent(seen.remove)}`)
        : null;
    if (sent && !sent.ok) throw new Error('Trello refused the member change');
  }

  /** Whether the card now shows the change (a member added or gone, the card in the list). */
  async function landed(cardRef: string, seen: Seen | undefined): Promise<boolean> {
    if (!seen || 'unknown' in seen) return false;
    const card = await readCard(cardRef, new Map());
    if (!card) return false;
    if (seen.list !== undefined) return card.idList === seen.list;
    if (seen.members) return seen.members.every((id) => card.idMembers.includes(id));
    if (seen.add) return card.idMembers.includes(seen.add);
    return seen.remove !== undefined && !card.idMembers.includes(seen.remove);
  }

  /**
   * A UI action whose handoff-ness is settled against the API: described as soon as it is seen, so the
   * dialog (if any) opens without a second wait. Its pass names the card both ways (shortLink for the
   * page, id for the API), because the host's own request uses the id. The replay clicks the element as
   * it is now (hosts re-render while the dialog is open), or sends the change itself when it is gone.
   */
  function pendingAction(
    cardRef: string,
    seen: Promise<Seen>,
    again: () => void | Promise<void>,
    reads: CardReads = new Map(),
  ): RecognizedAction {
    const fallback = pageContext(cardRef);
    const pending = seen
      .then((known) => describe(cardRef, known, reads))
      .catch((): Described => ({ handoff: true, context: fallback }));
    let cardId: string | undefined;
    let known: Seen | undefined;
    void pending.then((found) => {
      cardId = found.cardId;
    });
    void seen.then((change) => {
      known = change;
    });
    return {
      tickets: [cardRef],
      context: fallback,
      confirm: async () => (await pending).handoff,
      enrich: async () => (await pending).context,
      // The host's request names the card by id; when the card could not be read, by the change itself.
      ownsRequest: (match) =>
        match.tickets.every((ticket) => ticket === cardRef || ticket === cardId) ||
        (cardId === undefined && known !== undefined && sameChange(known, changeOf(match))),
      replay: again,
      landed: () => landed(cardRef, known),
    };
  }

  /** Clicks the element found now, or performs the change through the API when the page no longer shows it. */
  function clickOrPerform(cardRef: string, seen: Promise<Seen>, find: () => Element | null) {
    return async () => {
      const element = find();
      if (element) replayClick(element);
      else await perform(cardRef, await seen);
    };
  }

  const live = (element: Element, selector: readonly string[]) => () =>
    element.isConnected ? element : document.querySelector(any(selector));

  /** A member named on the page: the click adds them, or removes them when they are on the card. */
  function memberAction(cardRef: string, control: Element, named: Element, find: () => Element | null) {
    const labels = labelsOf(named);
    const shown = shownName(labels);
    const reads: CardReads = new Map();
    const seen = (async (): Promise<Seen> => {
      const card = await readCard(cardRef, reads);
      const board = card
        ? await boardMembers(card.idBoard, (members) => memberNamed(labels, members) !== null)
        : null;
      const member = board ? memberNamed(labels, board) : null;
      if (!card || !member) return { unknown: true, shown };
      return card.idMembers.includes(member.id) ? { remove: member.id, shown } : { add: member.id, shown };
    })();
    const now = () => (control.isConnected ? control : find());
    return pendingAction(cardRef, seen, clickOrPerform(cardRef, seen, now), reads);
  }

  /** The current member joining or leaving. */
  function selfAction(cardRef: string, leaving: boolean, find: () => Element | null) {
    const seen = currentMember().then(
      (user): Seen => (user ? (leaving ? { remove: user.id } : { add: user.id }) : { unknown: true }),
    );
    return pendingAction(cardRef, seen, clickOrPerform(cardRef, seen, find));
  }

  function recognizePointer(event: MouseEvent, target: Element): RecognizedAction | 'part-of-commit' | null {
    if (event.type === 'pointerover') {
      // Like Trello's own Space shortcut, only the card under the pointer counts, not the last one.
      const card = target.closest(any(SELECTORS.listCard));
      hovered = card ? shortLinkOf(card) : null;
      return null;
    }
    if (event.button !== 0) return null;
    const cardRef = cardInView();
    const control = target.closest(
      [SELECTORS.chooseMember, SELECTORS.profileRemove, SELECTORS.join, SELECTORS.leave, SELECTORS.moveButton]
        .map(any)
        .join(', '),
    );
    if (!control || !cardRef) return null;
    // Joining is not a handoff unless the rules say so: it is not stopped at all, and the network
    // layer still weighs the request against the settings as they are when it goes out.
    if (control.matches(any(SELECTORS.join)) && !settings.current().trello.joinSelf) return null;
    if (event.type !== 'click') return 'part-of-commit';
    if (control.matches(any(SELECTORS.chooseMember))) {
      const labels = labelsOf(control);
      const find = () =>
        [...document.querySelectorAll(any(SELECTORS.chooseMember))].find((item) =>
          sameLabels(labelsOf(item), labels),
        ) ?? null;
      return memberAction(cardRef, control, control, find);
    }
    if (control.matches(any(SELECTORS.profileRemove))) {
      const profile = control.closest(any(SELECTORS.profileCard)) ?? control;
      return memberAction(cardRef, control, profile, () =>
        document.querySelector(any(SELECTORS.profileRemove)),
      );
    }
    if (control.matches(any(SELECTORS.join)))
      return selfAction(cardRef, false, live(control, SELECTORS.join));
    if (control.matches(any(SELECTORS.leave)))
      return selfAction(cardRef, true, live(control, SELECTORS.leave));
    const listId = document.querySelector<HTMLSelectElement>(any(SELECTORS.moveList))?.value;
    if (!listId) return null;
    const find = live(control, SELECTORS.moveButton);
    return pendingAction(cardRef, Promise.resolve({ list: listId }), () => {
      const button = find();
      if (button) replayClick(button);
    });
  }

  function recognizeKey(event: KeyboardEvent, target: Element): RecognizedAction | null {
    if (
      event.key !== ' ' ||
      event.ctrlKey ||
      event.metaKey ||
      event.altKey ||
      event.shiftKey ||
      event.isComposing
    ) {
      return null;
    }
    if (editable(target) || target.closest('button, a[href], [role="button"]')) return null;
    const cardRef = cardInView();
    if (!cardRef) return null;
    // Space toggles yourself on the card: decided against the card's members, like the other actions.
    const reads: CardReads = new Map();
    const seen = Promise.all([currentMember(), readCard(cardRef, reads)]).then(
      ([user, card]): Seen =>
        user && card
          ? card.idMembers.includes(user.id)
            ? { remove: user.id }
            : { add: user.id }
          : { unknown: true },
    );
    return pendingAction(cardRef, seen, () => replayKey(target, event), reads);
  }

  return {
    id: 'trello',
    recognize: recognizeWith(recognizePointer, recognizeKey),

    async describeRequest(match: ReassignMatch) {
      const cardRef = match.tickets[0] ?? '';
      const change = changeOf(match);
      const described = await describe(cardRef, change);
      return described.handoff ? described.context : null;
    },

    postComment(cardRef, body) {
      const markdown = typeof body === 'string' ? body : '';
      return writeTrello('POST', `/1/cards/${encodeURIComponent(cardRef)}/actions/comments`, {
        text: markdown,
      });
    },

    removeComment(_cardRef, actionId) {
      return writeTrello('DELETE', `/1/actions/${encodeURIComponent(actionId)}`);
    },

    hasComment(ticketKey, handoffId) {
      return trelloListingMentions(
        `/1/cards/${encodeURIComponent(ticketKey)}/actions?filter=commentCard&limit=100`,
        markerLine(handoffId),
      );
    },

    missingElements() {
      const cardOpen = SHORT_LINK.test(location.pathname);
      const board = location.pathname.startsWith('/b/');
      if (!cardOpen && !board) return null;
      const missing: string[] = [];
      if (board && !document.querySelector(any(SELECTORS.listCard))) missing.push('board cards');
      if (cardOpen && !document.querySelector(any(SELECTORS.cardBack))) missing.push('card back');
      if (cardOpen && !document.querySelector(any(SELECTORS.members))) missing.push('card members');
      return missing;
    },
  };
}
