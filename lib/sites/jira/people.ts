import type { Person } from '../../checklist/context';

// Who a person shown in Jira's user picker is. The picker's options carry no account id (HOSTS.md §1a):
// only a name, perhaps a byline, and an avatar whose URL holds the account id when the avatar is a custom
// one. So the name is looked up among the assignable users, and the avatar settles namesakes.

export interface ShownPerson {
  /** The texts the option shows, the name first (a byline may follow). */
  texts: string[];
  /** The avatar image's URL, if any. */
  avatarUrl?: string;
}

export interface AssignableUser {
  accountId: string;
  displayName: string;
}

/** Jira's label on the current user's option: "Name (Assign to me)". */
const ASSIGN_TO_ME_SUFFIX = /\s*\(Assign to me\)\s*$/;

/** Account ids as Atlassian writes them: 24 hex digits, or a 6-digit prefix, a colon and a UUID. */
const ACCOUNT_ID = /^(?:[0-9a-f]{24}|\d{1,8}:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

const fold = (value: string) => value.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase();

/** Whether two names are the same as a person reads them (case, spacing and Unicode form aside). */
export const sameName = (a: string, b: string): boolean => fold(a) === fold(b);

/** The name a picker option shows, without Jira's "(Assign to me)". */
export function shownName(person: ShownPerson): string {
  const first = person.texts.find((text) => text.replace(ASSIGN_TO_ME_SUFFIX, '').trim() !== '') ?? '';
  return first.replace(ASSIGN_TO_ME_SUFFIX, '').replace(/\s+/g, ' ').trim();
}

/** The account id in a custom avatar's URL (…/avatars/{accountId}/{uuid}/48); none in a default avatar's. */
export function accountIdFromAvatar(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let path: string;
  try {
    path = new URL(url, 'https://invalid.example').pathname;
  } catch {
    return undefined;
  }
  return path
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .find((segment) => ACCOUNT_ID.test(segment));
}

/**
 * The assignable user an option shows: the one whose display name is the option's name, the avatar's
 * account id deciding between namesakes. Null when nobody has that name (and the avatar names nobody),
 * or when namesakes cannot be told apart.
 */
export function matchShown(shown: ShownPerson, users: readonly AssignableUser[]): Person | null {
  const names = new Set([shownName(shown), ...shown.texts].map(fold).filter((name) => name !== ''));
  const named = users.filter((user) => names.has(fold(user.displayName)));
  const avatarId = accountIdFromAvatar(shown.avatarUrl);
  const chosen =
    named.length === 1
      ? named[0]
      : named.find((user) => avatarId !== undefined && user.accountId === avatarId);
  if (chosen) return { id: chosen.accountId, name: chosen.displayName };
  // Nobody by that name among those searched: a custom avatar still says who it is.
  return named.length === 0 && avatarId ? { id: avatarId, name: shownName(shown) } : null;
}
