import { SERVICE_HANDOFF } from '../checklist/default-template';
import { isMarkerLine, type Marker, readMarker } from '../checklist/marker';

// Reads a ticket's comment thread the way the receiver sees it: which comment is the latest Baton
// handoff, whom it names, and whether it was acknowledged. Pure (no browser APIs), so every site's
// comments are reduced to the same plain shape first by its adapter.

/** One comment as a site adapter reads it from its host's API; `text` is plain text (markdown for Trello). */
export interface ThreadComment {
  id: string;
  authorId: string | null;
  authorName: string;
  /** ISO 8601, as the host gives it. */
  created: string;
  text: string;
  /**
   * Written where only the team writes, as the site adapter decides (a Zendesk agent's internal note,
   * a licensed Jira user's comment, a Trello board member's comment). Anyone else can type a marker
   * line too: a customer's reply must neither show a handoff nor acknowledge one.
   */
  trusted: boolean;
}

export interface Person {
  id: string;
  name: string;
}

export interface HandoffInThread {
  handoffId: string;
  commentId: string;
  /** Who posted the handoff comment. */
  from: string;
  fromId: string | null;
  at: number;
  /** The receivers' ids from the marker; null for a comment written before Baton recorded them. */
  to: string[] | null;
  /** The "To" line as it reads in the comment (null when a person edited it away). */
  toName: string | null;
  nextAction: string | null;
}

export interface ThreadState {
  handoff: HandoffInThread;
  acknowledged: boolean;
  questions: number;
}

// The comment's own labels in every language Baton writes them, so a handoff written in Korean is
// read in an English browser too. The receiver's label is the `commentTo` message of each locale.
const TO_LABELS = ['To', '인수자'];
const NEXT_LABELS = Object.values(SERVICE_HANDOFF.fields.find((field) => field.id === 'next')?.label ?? {});

/** Markdown (Trello) escapes punctuation and breaks mentions with a zero-width space; undo both to read it. */
function plain(line: string): string {
  return line
    .replace(/\\(.)/g, '$1')
    .replace(/\u200B/g, '')
    .replace(/^#+\s*/, '')
    .trim();
}

/** The value of a `Label: value` line (bold in markdown: `**Label:** value`), for any of the labels. */
function labelled(lines: readonly string[], labels: readonly string[]): string | null {
  for (const raw of lines) {
    const line = plain(raw).replace(/^\*\*(.+?):\*\*/, '$1:');
    for (const label of labels) {
      if (line.startsWith(`${label}:`)) {
        const value = line.slice(label.length + 1).trim();
        return value === '' ? null : value;
      }
    }
  }
  return null;
}

/**
 * The marker of a Baton comment: a line that is a marker and nothing else. A marker quoted inside a
 * sentence ("see baton:v1 handoff=…") is someone talking about a handoff, not Baton's comment.
 */
function markerOf(lines: readonly string[]): Marker | null {
  for (const line of [...lines].reverse()) {
    const trimmed = plain(line);
    if (isMarkerLine(trimmed)) return readMarker(trimmed);
  }
  return null;
}

function timeOf(iso: string): number {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? 0 : at;
}

/** The latest Baton handoff in the thread and the replies to it, trusted comments only; null when there is none. */
export function readThread(comments: readonly ThreadComment[]): ThreadState | null {
  const read = comments
    .filter((comment) => comment.trusted)
    .map((comment) => {
      const lines = comment.text.split(/\r?\n/);
      return { comment, lines, marker: markerOf(lines), at: timeOf(comment.created) };
    })
    .filter((entry) => entry.marker !== null)
    .sort((a, b) => a.at - b.at);
  const latest = read.findLast((entry) => entry.marker?.re === null);
  if (!latest?.marker) return null;
  const handoffId = latest.marker.handoffId;
  const replies = read.filter((entry) => entry.marker?.handoffId === handoffId && entry.marker.re !== null);
  return {
    handoff: {
      handoffId,
      commentId: latest.comment.id,
      from: latest.comment.authorName,
      fromId: latest.comment.authorId,
      at: latest.at,
      to: latest.marker.to,
      toName: labelled(latest.lines, TO_LABELS),
      nextAction: labelled(latest.lines, NEXT_LABELS),
    },
    acknowledged: replies.some((entry) => entry.marker?.re === 'ack'),
    questions: replies.filter((entry) => entry.marker?.re === 'question').length,
  };
}

/**
 * Whether the handoff names this person as its receiver: by id when the marker recorded ids, else
 * (comments written before it did) by the name on its "To" line — alone, one of several (Trello), or
 * followed by the group (Zendesk: "Bob Chen (Billing)").
 */
function namesReceiver(handoff: HandoffInThread, me: Person): boolean {
  if (handoff.to) return handoff.to.includes(me.id);
  const name = me.name.trim();
  if (!handoff.toName || name === '') return false;
  return handoff.toName.split(', ').some((part) => part === name || part.startsWith(`${name} (`));
}

/** The handoff the banner shows this person: the latest one, naming them, not yet acknowledged. */
export function handoffToShow(comments: readonly ThreadComment[], me: Person): HandoffInThread | null {
  const state = readThread(comments);
  if (!state || state.acknowledged || !namesReceiver(state.handoff, me)) return null;
  return state.handoff;
}

/** Whether the thread already carries Baton's reply of this kind to this handoff (e.g. an acknowledgement), from the team. */
export function hasReply(
  comments: readonly ThreadComment[],
  handoffId: string,
  kind: 'ack' | 'question',
): boolean {
  return comments.some((comment) => {
    if (!comment.trusted) return false;
    const marker = markerOf(comment.text.split(/\r?\n/));
    return marker?.handoffId === handoffId && marker.re === kind;
  });
}
