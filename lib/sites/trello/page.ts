import type { HandoffContext } from '../../checklist/context';
import { any, text } from '../dom';
import { CARD_PATH } from './site';

// Trello's board and card views as the page shows them. Evidence for every selector: shared/HOSTS.md §3.
export const SELECTORS = {
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
  // What opens the members popover or a member's profile card, where member changes are made.
  membersOpeners: ['[data-testid="card-back-members-button"]', '[data-testid="card-back-member-avatar"]'],
} as const;

/** The card whose back the address names (it may not be open yet). */
export const openCard = (): string | null => CARD_PATH.exec(location.pathname)?.[1] ?? null;

export function shortLinkOf(card: Element): string | null {
  const own = card.getAttribute('data-short-link');
  if (own) return own;
  const href = card.querySelector(any(SELECTORS.cardLink))?.getAttribute('href') ?? '';
  return CARD_PATH.exec(href)?.[1] ?? null;
}

/** Everything the page shows about a member in this element: avatar titles, labels, the texts of its leaves. */
export function labelsOf(element: Element): string[] {
  const labels = [element.getAttribute('aria-label') ?? ''];
  for (const titled of element.querySelectorAll('[title], img[alt]')) {
    labels.push(titled.getAttribute('title') ?? '', titled.getAttribute('alt') ?? '');
  }
  for (const leaf of element.querySelectorAll('*')) {
    if (leaf.childElementCount === 0) labels.push(text(leaf));
  }
  return labels.filter((label) => label !== '');
}

export const sameLabels = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((label, index) => label === b[index]);

/** A list's name as the board shows it; '' when it is not on the page. */
export const shownListName = (id: string): string =>
  text(document.querySelector(`[data-list-id="${CSS.escape(id)}"] [data-testid="list-name"]`));

/** The context the page itself gives, for when the API does not answer. */
export function pageContext(cardRef: string): HandoffContext {
  const open = openCard() === cardRef;
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

/** What the health check misses on a board or an open card; null on other pages. */
export function missingElements(): string[] | null {
  const cardOpen = openCard() !== null;
  const board = location.pathname.startsWith('/b/');
  if (!cardOpen && !board) return null;
  const missing: string[] = [];
  if (board && !document.querySelector(any(SELECTORS.listCard))) missing.push('board cards');
  if (cardOpen && !document.querySelector(any(SELECTORS.cardBack))) missing.push('card back');
  if (cardOpen && !document.querySelector(any(SELECTORS.members))) missing.push('card members');
  return missing;
}
