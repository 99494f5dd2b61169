// Kept apart from summary.ts (which needs the template schema and full zod) because the content
// scripts on every host page use it to find Baton's own comments.

// Every comment ends with this line so a team can find handoffs with the host's own search.
export const MARKER_PREFIX = 'baton:v1';
const HANDOFF_ID = /^[A-Za-z0-9-]{6,64}$/;
// Matches anywhere, not only on a line of its own: in HTML the marker sits inside <p>, in ADF inside
// JSON. The last match wins, because Baton writes the marker last and a user could type one earlier.
const MARKER_IN_TEXT = /(?<![A-Za-z0-9])baton:v1 handoff=([A-Za-z0-9-]{6,64})(?![A-Za-z0-9-])/g;

export function markerLine(handoffId: string): string {
  // A marker that parseMarker could not read back would make the handoff unfindable.
  if (!HANDOFF_ID.test(handoffId)) throw new RangeError(`invalid handoff id: ${JSON.stringify(handoffId)}`);
  return `${MARKER_PREFIX} handoff=${handoffId}`;
}

export function parseMarker(text: string): string | null {
  let id: string | null = null;
  for (const match of text.matchAll(MARKER_IN_TEXT)) id = match[1] ?? null;
  return id;
}
