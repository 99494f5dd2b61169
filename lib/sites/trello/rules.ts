import { arrayOf, isBoolean, isRecord, maxLength } from '../../checks';

// When a change of a Trello card's members or list is a handoff (issue 5): adding someone other than
// yourself, or removing yourself while someone else stays; joining or removing others only when the
// settings say so; moving into one of the team's "handoff lists". Pure, so it is tested directly.

export interface TrelloRules {
  addOthers: boolean;
  removeSelfWhileOthersStay: boolean;
  joinSelf: boolean;
  removeOthers: boolean;
  /** List names (case and surrounding spaces ignored) that mean "handed off" when a card moves in. */
  handoffLists: string[];
}

export const DEFAULT_TRELLO_RULES: TrelloRules = {
  addOthers: true,
  removeSelfWhileOthersStay: true,
  joinSelf: false,
  removeOthers: false,
  handoffLists: [],
};

const isHandoffLists = arrayOf(maxLength(200), 50);

/**
 * Trello's rules as stored, with each missing key defaulted as trelloRulesSchema (settings.ts) does; null
 * when any key is malformed. Plain, for the scripts on every Trello page.
 */
export function parseTrelloRules(raw: unknown): TrelloRules | null {
  if (!isRecord(raw)) return null;
  const rules = { ...DEFAULT_TRELLO_RULES };
  for (const key of ['addOthers', 'removeSelfWhileOthersStay', 'joinSelf', 'removeOthers'] as const) {
    const value = raw[key];
    if (value === undefined) continue;
    if (!isBoolean(value)) return null;
    rules[key] = value;
  }
  if (raw.handoffLists !== undefined) {
    if (!isHandoffLists(raw.handoffLists)) return null;
    rules.handoffLists = raw.handoffLists;
  }
  return rules;
}

export interface MemberChange {
  before: readonly string[];
  after: readonly string[];
  me: string;
}

export function isMemberHandoff({ before, after, me }: MemberChange, rules: TrelloRules): boolean {
  const added = after.filter((id) => !before.includes(id));
  const removed = before.filter((id) => !after.includes(id));
  if (rules.addOthers && added.some((id) => id !== me)) return true;
  if (rules.joinSelf && added.includes(me)) return true;
  if (rules.removeSelfWhileOthersStay && removed.includes(me) && after.some((id) => id !== me)) return true;
  return rules.removeOthers && removed.some((id) => id !== me);
}

const normalise = (name: string) => name.trim().toLocaleLowerCase();

export function isHandoffList(listName: string, rules: TrelloRules): boolean {
  return rules.handoffLists.some((name) => normalise(name) === normalise(listName));
}
