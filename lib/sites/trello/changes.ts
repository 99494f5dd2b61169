import type { HandoffContext, Person } from '../../checklist/context';
import type { LiveSettings } from '../../guard/live-settings';
import type { ReassignMatch, RequestShape } from '../../guard/net-protocol';
import { writeTrello } from './api';
import { type CardReads, cardContext, type TrelloCards } from './cards';
import { pageContext } from './page';
import { isHandoffList, isMemberHandoff } from './rules';

// Whether a member or list change is a handoff: the site's rules (rules.ts) need the card's members and
// the current user, so a change is weighed against the API. What cannot be confirmed (a read fails, a
// member Baton cannot find) is a handoff, with what is known.

/** A change as the request or the page says it; `shown` is how the page named the member, if it did. */
export type Change = { add?: string; remove?: string; members?: string[]; list?: string; shown?: string };
/** A member change Baton could not pin down: a handoff, with the name the page showed. */
type Unknown = { unknown: true; shown?: string };
export type Seen = Change | Unknown;
export interface Described {
  handoff: boolean;
  context: HandoffContext;
  cardId?: string;
}

/** The member or list change a held request makes, as the MAIN-world matcher read it. */
export function changeOf(match: ReassignMatch): Change {
  const detail = match.details ?? {};
  const change: Change = {};
  if (typeof detail.add === 'string') change.add = detail.add;
  if (typeof detail.remove === 'string') change.remove = detail.remove;
  if (Array.isArray(detail.members)) change.members = detail.members;
  if (typeof detail.list === 'string') change.list = detail.list;
  return change;
}

/** The requests that make the change an action was about (any member change, for one Baton could not pin down). */
export function changeShapes(seen: Seen): RequestShape[] {
  if ('unknown' in seen) return [{ has: 'add' }, { has: 'remove' }];
  return [{ details: { add: seen.add ?? null, remove: seen.remove ?? null, list: seen.list ?? null } }];
}

export function createTrelloChanges(settings: LiveSettings, cards: TrelloCards) {
  const { currentMember, listName, readCard, fetchCard, receivers } = cards;

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
    const card = await fetchCard(cardRef);
    if (!card) return false;
    if (seen.list !== undefined) return card.idList === seen.list;
    if (seen.members) return seen.members.every((id) => card.idMembers.includes(id));
    if (seen.add) return card.idMembers.includes(seen.add);
    return seen.remove !== undefined && !card.idMembers.includes(seen.remove);
  }

  return { describe, perform, landed };
}
