import * as z from 'zod/mini';
import type { HistorySource } from '../../history/read';
import type { HandsChange } from '../../history/ticket-history';
import { getJson } from '../http';

// Zendesk's ticket audits, read for who held the ticket (docs/ticket-history.md §2):
// `GET /api/v2/tickets/{id}/audits.json?page[size]=100` answers `{ audits: [{ created_at, events: [{
// type: "Change" | "Create", field_name, value, previous_value }] }], meta: { has_more, after_cursor } }`.
// Assignee and group come as ids; each name is asked for once (users/{id}, groups/{id}).

const idValue = z.optional(z.nullable(z.union([z.string(), z.number()])));
const eventSchema = z.looseObject({
  type: z.string(),
  field_name: z.optional(z.string()),
  value: idValue,
  previous_value: idValue,
});
export const auditsPageSchema = z.looseObject({
  audits: z.array(z.looseObject({ created_at: z.string(), events: z.array(eventSchema) })),
  meta: z.optional(
    z.looseObject({ has_more: z.boolean(), after_cursor: z.optional(z.nullable(z.string())) }),
  ),
});
export type AuditsPage = z.infer<typeof auditsPageSchema>;

const PAGE_SIZE = 100;
const MAX_PAGES = 10;

/** One audit's effect on who holds the ticket, by id; undefined where the audit did not touch it. */
export interface AuditChange {
  at: string;
  assignee?: { from: string | null; to: string | null };
  group?: { from: string | null; to: string | null };
}

const idOf = (value: string | number | null | undefined): string | null =>
  value === null || value === undefined || value === '' ? null : String(value);

export function auditChanges(audits: AuditsPage['audits']): AuditChange[] {
  return audits.flatMap((audit) => {
    const change: AuditChange = { at: audit.created_at };
    for (const event of audit.events) {
      if (event.type !== 'Change' && event.type !== 'Create') continue;
      const moved = { from: idOf(event.previous_value), to: idOf(event.value) };
      if (moved.from === moved.to) continue;
      if (event.field_name === 'assignee_id') change.assignee = moved;
      else if (event.field_name === 'group_id') change.group = moved;
    }
    return change.assignee || change.group ? [change] : [];
  });
}

export interface Names {
  user(id: string): string;
  group(id: string): string;
}

/**
 * Who held the ticket after each audit: the agent, or the group while no agent has it. A group change
 * under an agent who stays is no change of hands.
 */
export function zendeskChanges(changes: readonly AuditChange[], names: Names): HandsChange[] {
  let agent: string | null = null;
  let group: string | null = null;
  const first = changes[0];
  if (first) {
    agent = first.assignee ? first.assignee.from : null;
    group = first.group ? first.group.from : null;
  }
  const holderName = (): { kind: 'person' | 'group'; name: string } =>
    agent !== null
      ? { kind: 'person', name: names.user(agent) }
      : { kind: 'group', name: group === null ? '' : names.group(group) };
  const out: HandsChange[] = [];
  for (const change of changes) {
    const before = holderName();
    if (change.assignee) agent = change.assignee.to;
    if (change.group) group = change.group.to;
    const after = holderName();
    if (after.name !== before.name)
      out.push({ at: change.at, kind: after.kind, from: before.name, to: after.name });
  }
  return out;
}

/** The ids whose names the audits need: agents and groups. */
export function namedIds(changes: readonly AuditChange[]): { users: string[]; groups: string[] } {
  const users = new Set<string>();
  const groups = new Set<string>();
  for (const change of changes) {
    for (const id of [change.assignee?.from, change.assignee?.to]) if (id) users.add(id);
    for (const id of [change.group?.from, change.group?.to]) if (id) groups.add(id);
  }
  return { users: [...users], groups: [...groups] };
}

/** Every page of the ticket's audits, oldest first; null when a read fails. */
export async function readZendeskAudits(
  ticketId: string,
  getPage: (path: string) => Promise<AuditsPage | null>,
): Promise<AuditChange[] | null> {
  const base = `/api/v2/tickets/${encodeURIComponent(ticketId)}/audits.json?page[size]=${PAGE_SIZE}`;
  const audits: AuditsPage['audits'] = [];
  let path = base;
  for (let pages = 0; pages < MAX_PAGES; pages += 1) {
    const page = await getPage(path);
    if (!page) return null;
    audits.push(...page.audits);
    const after = page.meta?.has_more ? page.meta.after_cursor : null;
    if (!after) break;
    path = `${base}&page[after]=${encodeURIComponent(after)}`;
  }
  return auditChanges(audits.sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at)));
}

const userSchema = z.object({ user: z.looseObject({ name: z.string() }) });
const groupSchema = z.object({ group: z.looseObject({ name: z.string() }) });

export function createZendeskHistory(): HistorySource {
  return {
    async changes(ticketId) {
      const changes = await readZendeskAudits(ticketId, (path) => getJson(path, auditsPageSchema));
      if (!changes) return null;
      const ids = namedIds(changes);
      // Once per person and group, all at once; a name that cannot be read shows as its id.
      const read = async (kind: 'users' | 'groups', id: string) => {
        const found =
          kind === 'users'
            ? (await getJson(`/api/v2/users/${encodeURIComponent(id)}.json`, userSchema))?.user.name
            : (await getJson(`/api/v2/groups/${encodeURIComponent(id)}.json`, groupSchema))?.group.name;
        return [id, found ?? `#${id}`] as const;
      };
      const [users, groups] = await Promise.all([
        Promise.all(ids.users.map((id) => read('users', id))).then((pairs) => new Map(pairs)),
        Promise.all(ids.groups.map((id) => read('groups', id))).then((pairs) => new Map(pairs)),
      ]);
      return zendeskChanges(changes, {
        user: (id) => users.get(id) ?? `#${id}`,
        group: (id) => groups.get(id) ?? `#${id}`,
      });
    },
    // The agent workspace has no documented address of a single comment (docs/ticket-history.md §2).
    commentUrl: () => null,
  };
}
