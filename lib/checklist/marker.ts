// Kept apart from summary.ts (which needs the template schema and full zod) because the content
// scripts on every host page use it to find Baton's own comments.

// Every comment ends with this line so a team can find handoffs with the host's own search.
export const MARKER_PREFIX = 'baton:v1';
const HANDOFF_ID = /^[A-Za-z0-9-]{6,64}$/;
// A receiver's id as hosts write them (Jira accountIds may carry a colon: "557058:f581…"). No `_` or
// `.`, so the line needs no escaping in markdown and stays findable with the host's search.
const PERSON_ID = /^[A-Za-z0-9:-]{1,128}$/;
// Matches anywhere, not only on a line of its own: in HTML the marker sits inside <p>, in ADF inside
// JSON. The last match wins, because Baton writes the marker last and a user could type one earlier.
// Version 1 wrote only the handoff id; the optional `to=` (receivers) and `re=` (a reply to that
// handoff) came later, so a reader of the first version still finds the handoff id in either.
const MARKER_IN_TEXT =
  /(?<![A-Za-z0-9])baton:v1 handoff=([A-Za-z0-9-]{6,64})(?![A-Za-z0-9-])(?: to=([A-Za-z0-9:,-]{1,1000}))?(?: re=(ack|question))?(?![A-Za-z0-9:,=-])/g;

export type ReplyKind = 'ack' | 'question';

export interface Marker {
  handoffId: string;
  /** The receivers' ids, when the handoff comment recorded them (older comments did not). */
  to: string[] | null;
  /** Set on Baton's replies to a handoff; null on the handoff comment itself. */
  re: ReplyKind | null;
}

export function markerLine(
  handoffId: string,
  extra: { to?: readonly string[]; re?: ReplyKind } = {},
): string {
  // A marker that parseMarker could not read back would make the handoff unfindable.
  if (!HANDOFF_ID.test(handoffId)) throw new RangeError(`invalid handoff id: ${JSON.stringify(handoffId)}`);
  // Ids come from the host page: one that cannot be written safely is left out, not the whole line.
  const to = (extra.to ?? []).filter((id) => PERSON_ID.test(id)).slice(0, 20);
  return [
    `${MARKER_PREFIX} handoff=${handoffId}`,
    ...(to.length > 0 ? [`to=${to.join(',')}`] : []),
    ...(extra.re ? [`re=${extra.re}`] : []),
  ].join(' ');
}

/** The last marker in a text, with what it says; null when the text has none. */
export function readMarker(text: string): Marker | null {
  let found: Marker | null = null;
  for (const match of text.matchAll(MARKER_IN_TEXT)) {
    const to = match[2]?.split(',').filter((id) => PERSON_ID.test(id)) ?? [];
    found = {
      handoffId: match[1] ?? '',
      to: to.length > 0 ? to : null,
      re: (match[3] as ReplyKind | undefined) ?? null,
    };
  }
  return found;
}

export function parseMarker(text: string): string | null {
  return readMarker(text)?.handoffId ?? null;
}

/** Whether a whole line is exactly a marker Baton writes (so a renderer may leave it unescaped). */
export function isMarkerLine(line: string): boolean {
  const marker = readMarker(line);
  return (
    marker !== null &&
    line === markerLine(marker.handoffId, { to: marker.to ?? [], ...(marker.re ? { re: marker.re } : {}) })
  );
}
