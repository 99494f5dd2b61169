import type { RequestMatcher } from '../../guard/net-hold';
import { list, params } from '../request-body';

// Which Trello API calls change a card's members or list (shared/HOSTS.md §3b). Whether the change is
// a handoff (another member added, yourself removed while someone stays, a move into a handoff list)
// is decided by the adapter in the isolated world, which knows the user and the settings.

const MEMBERS_PATH = /\/1\/cards\/([A-Za-z0-9]+)\/idMembers\/?$/;
const MEMBER_PATH = /\/1\/cards\/([A-Za-z0-9]+)\/idMembers\/([A-Za-z0-9]+)\/?$/;
const CARD_PATH = /\/1\/cards\/([A-Za-z0-9]+)\/?$/;

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

export const trelloRequestMatcher: RequestMatcher = {
  isCandidate(method, url) {
    const path = url.pathname;
    return (
      (method === 'POST' && MEMBERS_PATH.test(path)) ||
      (method === 'DELETE' && MEMBER_PATH.test(path)) ||
      (method === 'PUT' && CARD_PATH.test(path))
    );
  },
  match(method, url, body) {
    const path = url.pathname;
    const adding = method === 'POST' ? MEMBERS_PATH.exec(path) : null;
    if (adding?.[1]) {
      const member = text(params(url, body).value);
      return member ? { tickets: [adding[1]], toId: member, details: { add: member } } : null;
    }
    const removing = method === 'DELETE' ? MEMBER_PATH.exec(path) : null;
    if (removing?.[1] && removing[2]) return { tickets: [removing[1]], details: { remove: removing[2] } };
    const card = method === 'PUT' ? CARD_PATH.exec(path) : null;
    if (!card?.[1]) return null;
    const fields = params(url, body);
    const details: Record<string, string | string[]> = {};
    if ('idMembers' in fields) {
      const members = Array.isArray(fields.idMembers)
        ? list(fields.idMembers)
        : String(fields.idMembers ?? '').split(',');
      details.members = members.map(String).filter((id) => id !== '');
    }
    const listId = text(fields.idList);
    if (listId) details.list = listId;
    return Object.keys(details).length > 0 ? { tickets: [card[1]], details } : null;
  },
};
