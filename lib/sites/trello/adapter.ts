import type { Recognition, RecognizedAction, SiteAdapter } from '../../guard/adapter';
import type { LiveSettings } from '../../guard/live-settings';
import type { ReassignMatch } from '../../guard/net-protocol';
import { any, editable, recognizeWith } from '../dom';
import { replayClick, replayKey } from '../replay';
import { trelloComments } from './api';
import { type CardReads, createTrelloCards } from './cards';
import { changeOf, changeShapes, createTrelloChanges, type Described, type Seen } from './changes';
import { memberNamed, shownName } from './members';
import { labelsOf, missingElements, openCard, pageContext, SELECTORS, sameLabels, shortLinkOf } from './page';

// Trello's board and card views: which gestures change a card's members or list. A card has members
// rather than one assignee, and whether a change is a handoff follows the site's rules, which need the
// card's members and the current user (changes.ts): so most UI actions are stopped first and confirmed
// against the API before a dialog shows.
/** The controls whose click changes a card's members or list. */
const CONTROLS = [
  SELECTORS.chooseMember,
  SELECTORS.profileRemove,
  SELECTORS.join,
  SELECTORS.leave,
  SELECTORS.moveButton,
]
  .map(any)
  .join(', ');

export function createTrelloAdapter(settings: LiveSettings): SiteAdapter {
  let hovered: string | null = null;
  const cards = createTrelloCards();
  const { currentMember, readAhead, readAheadUnlessFresh, readCard, boardMembers } = cards;
  const { describe, perform, landed } = createTrelloChanges(settings, cards);
  /** The card an action is about: the open card back, else the card under the pointer. */
  function cardInView(): string | null {
    const open = document.querySelector(any(SELECTORS.cardBack)) ? openCard() : null;
    return open ?? hovered;
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
      requestShapes: () => [
        { tickets: cardId === undefined ? [cardRef] : [cardRef, cardId] },
        ...(cardId === undefined && known !== undefined ? changeShapes(known) : []),
      ],
      replay: again,
      landed: () => landed(cardRef, known),
      // Its popover stays open: the next member picked there is decided on a card read already.
      settled: () => {
        if (cardInView() === cardRef) readAhead(cardRef);
      },
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

  function recognizePointer(event: MouseEvent, target: Element): Recognition {
    if (event.type === 'pointerover') {
      // Like Trello's own Space shortcut, only the card under the pointer counts, not the last one.
      const card = target.closest(any(SELECTORS.listCard));
      hovered = card ? shortLinkOf(card) : null;
      return null;
    }
    if (event.button !== 0) return null;
    const cardRef = cardInView();
    if (cardRef && event.type === 'pointerdown' && target.closest(any(SELECTORS.membersOpeners))) {
      readAhead(cardRef);
      return 'opens-reassign';
    }
    const control = target.closest(CONTROLS);
    if (!control || !cardRef) return null;
    // Joining is not a handoff unless the rules say so: it is not stopped at all, and the network
    // layer still weighs the request against the settings as they are when it goes out.
    if (control.matches(any(SELECTORS.join)) && !settings.current().trello.joinSelf) return null;
    if (event.type === 'pointerdown') readAheadUnlessFresh(cardRef);
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

    ...trelloComments,
    missingElements,
  };
}
