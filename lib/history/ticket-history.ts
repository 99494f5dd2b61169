import * as z from 'zod/mini';

// A ticket's story as the host tells it, reduced by each site's history module to one plain shape:
// who held it, in order, and the latest Baton handoff on it. zod/mini: the scripts that read it are
// injected into host tabs, and the background checks what they hand back.

const LIMITS = { changes: 1000, name: 200, text: 2000, url: 2000 } as const;
const name = z.string().check(z.maxLength(LIMITS.name));

/**
 * One change of who holds the ticket. `to` is '' when it was left with nobody (unassigned). `kind`:
 * a person (Jira assignee, Zendesk agent, a Trello member added), a group (Zendesk, with no agent),
 * a list (a Trello card moved; it counts only into a handoff list). `self`: the person took it
 * themselves (a Trello member joining a card), which is not handing over.
 */
const handsChangeSchema = z.object({
  at: z.string().check(z.maxLength(40)),
  kind: z.enum(['person', 'group', 'list']),
  from: name,
  to: name,
  self: z.optional(z.boolean()),
});
export type HandsChange = z.infer<typeof handsChangeSchema>;

/** The latest Baton handoff comment on the ticket, as the comments Baton already reads show it. */
const lastHandoffSchema = z.object({
  at: z.number(),
  author: name,
  nextAction: z.nullable(z.string().check(z.maxLength(LIMITS.text))),
  url: z.nullable(z.string().check(z.maxLength(LIMITS.url))),
});

export const ticketHistorySchema = z.object({
  changes: z.array(handsChangeSchema).check(z.maxLength(LIMITS.changes)),
  lastHandoff: z.nullable(lastHandoffSchema),
});
export type TicketHistory = z.infer<typeof ticketHistorySchema>;

/** Cuts what a host said to the schema's limits (names and notes are the host's users' own text). */
export function fitHistory(history: TicketHistory): TicketHistory {
  const cut = (value: string, max: number) => (value.length > max ? `${value.slice(0, max - 1)}…` : value);
  return {
    changes: history.changes.slice(-LIMITS.changes).map((change) => ({
      ...change,
      from: cut(change.from, LIMITS.name),
      to: cut(change.to, LIMITS.name),
    })),
    lastHandoff: history.lastHandoff && {
      ...history.lastHandoff,
      author: cut(history.lastHandoff.author, LIMITS.name),
      nextAction: history.lastHandoff.nextAction && cut(history.lastHandoff.nextAction, LIMITS.text),
      url:
        history.lastHandoff.url && history.lastHandoff.url.length <= LIMITS.url
          ? history.lastHandoff.url
          : null,
    },
  };
}

/** What the checklist shows (lib/history/hands.ts works it out). */
export const handsSummarySchema = z.object({
  count: z.number(),
  names: z.array(name).check(z.maxLength(20)),
  more: z.boolean(),
  lastHandoff: z.nullable(lastHandoffSchema),
});

/** The host's own count for a ticket Baton has seen, for the popup's hot potatoes. */
export const hostCountSchema = z.object({
  site: z.string(),
  ticketKey: z.string(),
  url: z.optional(z.string()),
  count: z.number(),
  at: z.number(),
});
export type HostCount = z.infer<typeof hostCountSchema>;
