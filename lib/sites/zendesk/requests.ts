import type { RequestMatcher } from '../../guard/net-hold';
import type { ReassignMatch } from '../../guard/net-protocol';
import { jsonBody, list, record } from '../request-body';

// Which Zendesk Support API calls change who owns a ticket: an update that sets assignee_id or
// group_id, one ticket or many (shared/HOSTS.md §2b). Whether the value really changes is the
// adapter's question, answered in the isolated world.

const TICKET_PATH = /\/api\/v2\/tickets\/(\d+)(?:\.json)?\/?$/;
const MANY_PATH = /\/api\/v2\/tickets\/update_many(?:\.json)?\/?$/;

function idOrNull(value: unknown): string | null {
  return typeof value === 'number' || (typeof value === 'string' && value !== '') ? String(value) : null;
}

function ownership(
  ticket: Record<string, unknown> | undefined,
): Pick<ReassignMatch, 'toId' | 'details'> | null {
  if (!ticket || !('assignee_id' in ticket || 'group_id' in ticket)) return null;
  return {
    ...('assignee_id' in ticket ? { toId: idOrNull(ticket.assignee_id) } : {}),
    details: 'group_id' in ticket ? { groupId: idOrNull(ticket.group_id) } : {},
  };
}

export const zendeskRequestMatcher: RequestMatcher = {
  isCandidate(method, url) {
    return method === 'PUT' && (TICKET_PATH.test(url.pathname) || MANY_PATH.test(url.pathname));
  },
  match(method, url, body) {
    if (method !== 'PUT') return null;
    const data = jsonBody(body);
    const one = TICKET_PATH.exec(url.pathname);
    if (one?.[1]) {
      const change = ownership(record(data?.ticket));
      return change ? { tickets: [one[1]], ...change } : null;
    }
    if (!MANY_PATH.test(url.pathname)) return null;
    const shared = ownership(record(data?.ticket));
    if (shared) {
      const ids = (url.searchParams.get('ids') ?? '').split(',').filter((id) => /^\d+$/.test(id));
      return ids.length > 0 ? { tickets: ids, ...shared } : null;
    }
    // Each ticket its own change: guarded together, described by the first that changes ownership.
    const changed = list(data?.tickets)
      .map(record)
      .filter((ticket) => ticket && idOrNull(ticket.id) && ownership(ticket));
    const first = changed[0];
    const firstChange = ownership(first);
    return first && firstChange
      ? { tickets: changed.map((ticket) => String(ticket?.id)), ...firstChange }
      : null;
  },
};
