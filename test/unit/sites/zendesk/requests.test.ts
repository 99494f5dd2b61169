import { describe, expect, it } from 'vitest';
import { zendeskRequestMatcher } from '../../../../lib/sites/zendesk/requests';

const url = (path: string) => new URL(path, 'https://acme.zendesk.com');
const match = (method: string, path: string, body?: unknown) =>
  zendeskRequestMatcher.isCandidate(method, url(path))
    ? zendeskRequestMatcher.match(method, url(path), body === undefined ? null : JSON.stringify(body))
    : null;

describe('Zendesk ownership changes', () => {
  it('recognises an update that sets the assignee, the group, or both', () => {
    expect(match('PUT', '/api/v2/tickets/101.json', { ticket: { assignee_id: 9002 } })).toEqual({
      tickets: ['101'],
      toId: '9002',
      details: {},
    });
    expect(match('PUT', '/api/v2/tickets/101', { ticket: { group_id: 360003, assignee_id: null } })).toEqual({
      tickets: ['101'],
      toId: null,
      details: { groupId: '360003' },
    });
  });

  it('recognises update_many with one change for listed ids, and with a change per ticket', () => {
    expect(
      match('PUT', '/api/v2/tickets/update_many.json?ids=101,102', { ticket: { assignee_id: 9003 } }),
    ).toEqual({
      tickets: ['101', '102'],
      toId: '9003',
      details: {},
    });
    const perTicket = {
      tickets: [
        { id: 101, status: 'solved' },
        { id: 102, assignee_id: 9004 },
        { id: 103, group_id: 1 },
      ],
    };
    expect(match('PUT', '/api/v2/tickets/update_many.json', perTicket)).toEqual({
      tickets: ['102', '103'],
      toId: '9004',
      details: {},
    });
  });

  it('lets status, priority, tags, replies and reads through', () => {
    expect(match('PUT', '/api/v2/tickets/101.json', { ticket: { status: 'pending' } })).toBeNull();
    expect(
      match('PUT', '/api/v2/tickets/101.json', { ticket: { comment: { body: 'Hi', public: true } } }),
    ).toBeNull();
    expect(
      match('PUT', '/api/v2/tickets/101.json', { ticket: { tags: ['vip'], priority: 'high' } }),
    ).toBeNull();
    expect(match('GET', '/api/v2/tickets/101.json')).toBeNull();
    expect(match('PUT', '/api/v2/users/9001.json', { user: { name: 'x' } })).toBeNull();
    expect(
      match('PUT', '/api/v2/tickets/update_many.json?ids=101', { ticket: { status: 'open' } }),
    ).toBeNull();
  });
});
