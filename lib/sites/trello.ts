import type { HandoffContext, Person } from '../checklist/context';
import { markerLine } from '../checklist/marker';
import { arrayOf, type Checked, isString, optional, shape } from '../checks';
import type { LiveSettings } from '../guard/live-settings';
import type { ReassignMatch } from '../guard/net-protocol';
import type { PostResult } from '../messaging';
import type { RecognizedAction, SiteAdapter } from './adapter';
import { editable, recognizeWith, text } from './dom';
import { getChecked, listingMentions, sendJson } from './http';
import { replayClick, replayKey } from './replay';
import { isHandoffList, isMemberHandoff } from './trello-rules';

// Trello's board and card views. Evidence for every selector: shared/HOSTS.md §3. A card has members
// rather than one assignee; whether a member or list change is a handoff follows the site's rules
// (trello-rules.ts), which need the card's members and the current user, so most UI actions are
// stopped first and confirmed against the API before a dialog shows.
const SELECTORS = {
  cardBack: ['[data-testid="card-back-panel"]'],
  listCard: ['[data-testid="list-card"]', '[data-testid="trello-card"]'],
  cardLink: ['a[data-testid="card-name"]', 'a[href^="/c/"]'],
  addMember: ['[data-testid="choose-member-item-add-member-button"]'],
  removeMember: ['[data-testid="choose-member-item-remove-member-button"]'],
  profileCard: ['[data-testid="profile-card"]'],
  profileRemove: ['[data-testid="remove-from-card"]'],
  profileName: ['[data-testid="profile-card-full-name"]'],
  join: ['[data-testid="card-back-join-button"]'],
  leave: ['[data-testid="card-back-leave-button"]'],
  moveButton: ['[data-testid="move-card-popover-move-button"]'],
  moveList: ['[data-testid="move-card-popover"] select[aria-label="List"]'],
  commentEditor: ['[data-testid="card-back-comment-editor-container"]'],
  commentInput: ['textarea[aria-label="Write a comment"]'],
  commentSave: ['[data-testid="card-back-comment-save-button"]'],
  activity: ['[data-testid="card-back-activity"]'],
  members: ['[data-testid="card-back-members-container"]'],
} as const;

const any = (list: readonly string[]) => list.join(', ');
const SHORT_LINK = /^\/c\/([A-Za-z0-9]{8})(?:\/|$)/;
const COMMENT_CONFIRM_MS = 10_000;

const isMember = shape({ id: isString, fullName: isString });
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
type Change = { add?: string; remove?: string; members?: string[]; list?: string };
/** Who a change names, as the page shows it (a full name) or as the API does (an id). */
type Who = { id?: string; name?: string; me?: boolean };

function cookie(name: string): string | null {
  const found = document.cookie.split('; ').find((part) => part.startsWith(`${name}=`));
  return found ? decodeURIComponent(found.slice(name.length + 1)) : null;
}

function shortLinkOf(card: Element): string | null {
  const own = card.getAttribute('data-short-link');
  if (own) return own;
  const href = card.querySelector(any(SELECTORS.cardLink))?.getAttribute('href') ?? '';
  return SHORT_LINK.exec(href)?.[1] ?? null;
}

export function createTrelloAdapter(settings: LiveSettings): SiteAdapter {
  let hovered: string | null = null;
  let me: Promise<Member | null> | null = null;
  /** Each board's members as last read: names only, so a list that names everyone asked about is reused. */
  const boards = new Map<string, Member[]>();

  const currentMember = () => {
    me ??= getChecked('/1/members/me?fields=id,fullName,username', isMember).then((found) => {
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

  async function listName(id: string): Promise<string> {
    const shown = text(
      document.querySelector(`[data-list-id="${CSS.escape(id)}"] [data-testid="list-name"]`),
    );
    return (
      shown || ((await getChecked(`/1/lists/${encodeURIComponent(id)}?fields=name`, isList))?.name ?? id)
    );
  }

  /** The handoff's context when the change is a handoff under the current rules, else null. */
  async function describe(cardRef: string, change: Change): Promise<HandoffContext | null> {
    return (await describeCard(cardRef, change))?.context ?? null;
  }

  function readCard(cardRef: string, reads: CardReads): Promise<Card | null> {
    let card = reads.get(cardRef);
    if (!card) {
      card = getChecked(
        `/1/cards/${encodeURIComponent(cardRef)}?fields=id,name,shortLink,shortUrl,idMembers,idList,idBoard`,
        isCard,
      );
      reads.set(cardRef, card);
    }
    return card;
  }

  /** The board's members, read again unless the last read already has the one looked for. */
  async function boardMembers(
    idBoard: string,
    has: (members: Member[]) => boolean,
  ): Promise<Member[] | null> {
    const known = boards.get(idBoard);
    if (known && has(known)) return known;
    const read = await getChecked(
      `/1/boards/${encodeURIComponent(idBoard)}/members?fields=fullName`,
      arrayOf(isMember),
    );
    if (read) boards.set(idBoard, read);
    return read;
  }

  async function describeCard(
    cardRef: string,
    change: Change,
    reads: CardReads = new Map(),
  ): Promise<{ context: HandoffContext; cardId: string } | null> {
    const [card, user] = await Promise.all([readCard(cardRef, reads), currentMember()]);
    if (!card || !user) throw new Error('Trello did not describe the card');
    const rules = settings.current().trello;
    const base = context(card);
    if (change.list !== undefined) {
      const name = await listName(change.list);
      if (change.list === card.idList || !isHandoffList(name, rules)) return null;
      return {
        cardId: card.id,
        context: { ...base, from: { id: user.id, name: user.fullName }, to: { name } },
      };
    }
    const before = card.idMembers;
    const after =
      change.members ?? (change.add ? [...before, change.add] : before.filter((id) => id !== change.remove));
    if (!isMemberHandoff({ before, after, me: user.id }, rules)) return null;
    const added = after.filter((id) => !before.includes(id));
    const receiverIds = (added.length > 0 ? added : after).filter((id) => id !== user.id);
    const board = await boardMembers(card.idBoard, (members) =>
      receiverIds.every((id) => members.some((member) => member.id === id)),
    );
    const nameOf = (id: string) => board?.find((member) => member.id === id)?.fullName ?? id;
    // The ids go into the comment's marker, so each receiver is shown the handoff when they open the card.
    const to: Person | undefined =
      receiverIds.length > 0
        ? { name: receiverIds.map(nameOf).join(', '), id: receiverIds.join(',').slice(0, 200) }
        : undefined;
    return {
      cardId: card.id,
      context: { ...base, from: { id: user.id, name: user.fullName }, ...(to ? { to } : {}) },
    };
  }

  function context(card: Card): HandoffContext {
    return {
      site: 'trello',
      ticketKey: card.shortLink,
      title: card.name,
      url: card.shortUrl ?? `${location.origin}/c/${card.shortLink}`,
      at: new Date().toISOString(),
    };
  }

  /** Resolves a person named on the page to a member id through the board's members. */
  async function memberId(cardRef: string, who: Who, reads: CardReads): Promise<string | null> {
    if (who.id) return who.id;
    if (who.me) return (await currentMember())?.id ?? null;
    const card = await readCard(cardRef, reads);
    const named = (member: Member) => member.fullName === who.name;
    const board = card ? await boardMembers(card.idBoard, (members) => members.some(named)) : null;
    return board?.find(named)?.id ?? null;
  }

  /**
   * A UI action whose handoff-ness is settled against the API: described as soon as it is seen, so the
   * dialog (if any) opens without a second wait. Its pass names the card both ways (shortLink for the
   * page, id for the API), because the host's own request uses the id.
   */
  function pendingAction(
    cardRef: string,
    change: Promise<Change | null>,
    replay: () => void,
    reads: CardReads = new Map(),
  ): RecognizedAction {
    const pending = change.then((known) => (known ? describeCard(cardRef, known, reads) : null));
    const fallback: HandoffContext = {
      site: 'trello',
      ticketKey: cardRef,
      url: `${location.origin}/c/${cardRef}`,
      at: new Date().toISOString(),
    };
    let cardId: string | undefined;
    void pending.then((found) => {
      cardId = found?.cardId;
    });
    return {
      tickets: [cardRef],
      context: fallback,
      confirm: async () => (await pending) !== null,
      enrich: async () => (await pending)?.context ?? fallback,
      passTickets: () => (cardId ? [cardRef, cardId] : [cardRef]),
      replay,
    };
  }

  function action(
    cardRef: string,
    change: (id: string) => Change,
    who: Who,
    replay: () => void,
  ): RecognizedAction {
    const reads: CardReads = new Map();
    return pendingAction(
      cardRef,
      memberId(cardRef, who, reads).then((id) => (id ? change(id) : null)),
      replay,
      reads,
    );
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
      [
        SELECTORS.addMember,
        SELECTORS.removeMember,
        SELECTORS.profileRemove,
        SELECTORS.join,
        SELECTORS.leave,
        SELECTORS.moveButton,
      ]
        .map(any)
        .join(', '),
    );
    if (!control || !cardRef) return null;
    if (event.type !== 'click') return 'part-of-commit';
    const replay = () => replayClick(control);
    const named = (control.getAttribute('aria-label') || text(control)).trim();
    if (control.matches(any(SELECTORS.addMember)))
      return action(cardRef, (id) => ({ add: id }), { name: named }, replay);
    if (control.matches(any(SELECTORS.removeMember))) {
      return action(cardRef, (id) => ({ remove: id }), { name: named }, replay);
    }
    if (control.matches(any(SELECTORS.profileRemove))) {
      const profile = control.closest(any(SELECTORS.profileCard));
      const name =
        text(profile?.querySelector(any(SELECTORS.profileName))) || profile?.getAttribute('aria-label') || '';
      return action(cardRef, (id) => ({ remove: id }), { name }, replay);
    }
    if (control.matches(any(SELECTORS.join)))
      return action(cardRef, (id) => ({ add: id }), { me: true }, replay);
    if (control.matches(any(SELECTORS.leave)))
      return action(cardRef, (id) => ({ remove: id }), { me: true }, replay);
    const select = document.querySelector<HTMLSelectElement>(any(SELECTORS.moveList));
    const listId = select?.value;
    if (!listId) return null;
    return action(cardRef, () => ({ list: listId }), { me: true }, replay);
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
    const change = currentMember().then(async (user) => {
      if (!user) return null;
      const card = await getChecked(
        `/1/cards/${encodeURIComponent(cardRef)}?fields=idMembers`,
        shape({ idMembers: arrayOf(isString) }),
      );
      return card?.idMembers.includes(user.id) ? { remove: user.id } : { add: user.id };
    });
    return pendingAction(cardRef, change, () => replayKey(target, event));
  }

  /** The card's own comment editor, for when the API refuses Baton's comment (it authenticates as the page). */
  async function postThroughEditor(cardRef: string, markdown: string): Promise<PostResult> {
    const openCard = SHORT_LINK.exec(location.pathname)?.[1];
    const container = document.querySelector<HTMLElement>(any(SELECTORS.commentEditor));
    // A request the network net held names the card by id; the open card is known by its shortLink.
    const shortLink =
      cardRef.length === 8
        ? cardRef
        : (
            await getChecked(
              `/1/cards/${encodeURIComponent(cardRef)}?fields=shortLink`,
              shape({ shortLink: isString }),
            )
          )?.shortLink;
    if (!openCard || openCard !== shortLink || !container) {
      return {
        ok: false,
        failure: {
          kind: 'http',
          status: 401,
          detail: 'Trello refused the comment, and the card is not open to use its editor',
        },
      };
    }
    container.click();
    const input = document.querySelector<HTMLTextAreaElement>(any(SELECTORS.commentInput));
    const save = document.querySelector<HTMLButtonElement>(any(SELECTORS.commentSave));
    if (!input || !save)
      return { ok: false, failure: { kind: 'http', status: 401, detail: 'comment editor not found' } };
    const marker = markdown.split('\n').findLast((line) => line.startsWith('baton:v1')) ?? markdown;
    // The host's editor listens for input events; setting the value through the prototype keeps frameworks in step.
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(input, markdown);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    save.disabled = false;
    save.click();
    const landed = await new Promise<boolean>((resolve) => {
      const activity = document.querySelector(any(SELECTORS.activity));
      if (!activity) return resolve(false);
      const done = (ok: boolean) => {
        observer.disconnect();
        clearTimeout(timer);
        resolve(ok);
      };
      const observer = new MutationObserver(() => {
        if (activity.textContent?.includes(marker)) done(true);
      });
      observer.observe(activity, { childList: true, subtree: true, characterData: true });
      const timer = setTimeout(() => done(false), COMMENT_CONFIRM_MS);
    });
    return landed
      ? { ok: true }
      : { ok: false, failure: { kind: 'http', detail: 'the comment editor did not confirm the comment' } };
  }

  return {
    id: 'trello',
    recognize: recognizeWith(recognizePointer, recognizeKey),

    async describeRequest(match: ReassignMatch) {
      const cardRef = match.tickets[0] ?? '';
      const detail = match.details ?? {};
      const change: Change = {};
      if (typeof detail.add === 'string') change.add = detail.add;
      if (typeof detail.remove === 'string') change.remove = detail.remove;
      if (Array.isArray(detail.members)) change.members = detail.members;
      if (typeof detail.list === 'string') change.list = detail.list;
      return describe(cardRef, change);
    },

    async postComment(cardRef, body) {
      const markdown = typeof body === 'string' ? body : '';
      const token = cookie('token');
      const viaApi = token
        ? await sendJson(`/1/cards/${encodeURIComponent(cardRef)}/actions/comments`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', accept: 'application/json' },
            body: JSON.stringify({ text: markdown, token }),
          })
        : null;
      if (viaApi?.ok) return viaApi;
      const refused =
        !viaApi || (!viaApi.ok && (viaApi.failure.status === 401 || viaApi.failure.status === 403));
      return refused ? postThroughEditor(cardRef, markdown) : viaApi;
    },

    hasComment(ticketKey, handoffId) {
      return listingMentions(
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
