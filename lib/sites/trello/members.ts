// Who a member button or profile card on a Trello page names. Trello shows a member by an avatar
// titled "Full Name (username)", the full name and the username (shared/HOSTS.md §3a); it shows no id.
// The username is unique on a board, a full name need not be. Pure, so it is tested directly.

export interface BoardMember {
  id: string;
  fullName: string;
  username?: string;
}

const TITLED = /^(.*\S)\s*\(@?([^()\s]+)\)$/;

/** The username and full name a shown text gives, if it has Trello's "Full Name (username)" form. */
function titled(label: string): { fullName: string; username: string } | null {
  const found = TITLED.exec(label.trim());
  return found?.[1] && found[2] ? { fullName: found[1], username: found[2] } : null;
}

/** The board member the texts name: by username first, then by a full name only one member has. */
export function memberNamed<M extends BoardMember>(
  labels: readonly string[],
  members: readonly M[],
): M | null {
  const shown = labels.map((label) => label.trim()).filter((label) => label !== '');
  const usernames = new Set(
    shown.flatMap((label) => [titled(label)?.username ?? '', label.replace(/^@/, '')]).filter(Boolean),
  );
  const byUsername = members.filter((member) => member.username && usernames.has(member.username));
  if (byUsername.length === 1) return byUsername[0] ?? null;
  const names = new Set(shown.map((label) => titled(label)?.fullName ?? label));
  const byName = members.filter((member) => names.has(member.fullName));
  return byName.length === 1 ? (byName[0] ?? null) : null;
}

/** The name to show for someone the page names, when no member matches: the full name it shows. */
export function shownName(labels: readonly string[]): string {
  const shown = labels.map((label) => label.trim()).filter((label) => label !== '');
  const fromTitle = shown.map((label) => titled(label)?.fullName).find(Boolean);
  return fromTitle ?? shown.find((label) => !label.startsWith('@')) ?? shown[0] ?? '';
}
