// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createJiraReceiver } from '../../../lib/sites/jira/receiver';
import { createTrelloReceiver } from '../../../lib/sites/trello/receiver';
import { createZendeskReceiver } from '../../../lib/sites/zendesk/receiver';
import { stubHostApi } from '../support/host-api';

// Which comments each site's receiver trusts: only what the team writes where only the team writes.

afterEach(() => vi.unstubAllGlobals());

const adf = (text: string) => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

describe('Jira: comments by licensed users only', () => {
  const author = (accountId: string, accountType?: string) => ({
    accountId,
    displayName: accountId,
    ...(accountType ? { accountType } : {}),
  });

  it('trusts an Atlassian account, not a service portal customer, an app, or an author without a type', async () => {
    stubHostApi({
      '/rest/api/3/issue/ACME-1/comment': {
        comments: [
          {
            id: '1',
            author: author('agent', 'atlassian'),
            body: adf('a'),
            created: '2026-01-01T10:00:00Z',
            jsdPublic: false,
          },
          {
            id: '2',
            author: author('portal', 'customer'),
            body: adf('b'),
            created: '2026-01-01T11:00:00Z',
            jsdPublic: true,
          },
          { id: '3', author: author('bot', 'app'), body: adf('c'), created: '2026-01-01T12:00:00Z' },
          { id: '4', author: author('nobody'), body: adf('d'), created: '2026-01-01T13:00:00Z' },
          { id: '5', author: null, body: adf('e'), created: '2026-01-01T14:00:00Z' },
        ],
      },
    });
    const comments = await createJiraReceiver().comments('ACME-1');
    expect(comments?.map((c) => [c.id, c.trusted])).toEqual([
      ['1', true],
      ['2', false],
      ['3', false],
      ['4', false],
      ['5', false],
    ]);
  });
});

describe('Zendesk: internal notes by agents only', () => {
  it("trusts an agent's or admin's internal note, not a public reply, nor an end-user's private comment", async () => {
    const calls = stubHostApi({
      '/api/v2/tickets/101/comments.json': {
        comments: [
          { id: 1, author_id: 9001, body: 'note', created_at: '2026-01-01T10:00:00Z', public: false },
          { id: 2, author_id: 9001, body: 'reply', created_at: '2026-01-01T11:00:00Z', public: true },
          { id: 3, author_id: 7001, body: 'customer', created_at: '2026-01-01T12:00:00Z', public: true },
          { id: 4, author_id: 7001, body: 'cc', created_at: '2026-01-01T13:00:00Z', public: false },
          { id: 5, author_id: 9100, body: 'admin', created_at: '2026-01-01T14:00:00Z', public: false },
          { id: 6, author_id: 4242, body: 'unknown', created_at: '2026-01-01T15:00:00Z', public: false },
        ],
        users: [
          { id: 9001, name: 'Alice Park', role: 'agent' },
          { id: 7001, name: 'Dana Customer', role: 'end-user' },
          { id: 9100, name: 'Ada Admin', role: 'admin' },
        ],
      },
    });
    const comments = await createZendeskReceiver().comments('101');
    expect(calls[0]).toContain('include=users');
    expect(comments?.map((c) => [c.id, c.trusted, c.authorName])).toEqual([
      ['1', true, 'Alice Park'],
      ['2', false, 'Alice Park'],
      ['3', false, 'Dana Customer'],
      ['4', false, 'Dana Customer'],
      ['5', true, 'Ada Admin'],
      ['6', false, ''],
    ]);
  });

  it('trusts nothing when the authors are not sideloaded', async () => {
    stubHostApi({
      '/api/v2/tickets/101/comments.json': {
        comments: [
          { id: 1, author_id: 9001, body: 'note', created_at: '2026-01-01T10:00:00Z', public: false },
        ],
      },
    });
    expect((await createZendeskReceiver().comments('101'))?.[0]?.trusted).toBe(false);
  });
});

describe('Trello: comments by board members only', () => {
  const action = (id: string, idMemberCreator: string) => ({
    id,
    date: '2026-01-01T10:00:00Z',
    idMemberCreator,
    data: { text: id },
    memberCreator: { id: idMemberCreator, fullName: idMemberCreator },
  });

  it("trusts a member of the card's board, not another Trello user", async () => {
    stubHostApi({
      '/1/cards/Xy12Ab34/actions': [action('a1', 'alice'), action('a2', 'outsider')],
      '/1/cards/Xy12Ab34/board': { id: 'board1', name: 'Support' },
      '/1/boards/board1/members': [{ id: 'alice' }, { id: 'bob' }],
    });
    const comments = await createTrelloReceiver().comments('Xy12Ab34');
    expect(comments?.map((c) => [c.id, c.trusted])).toEqual([
      ['a1', true],
      ['a2', false],
    ]);
  });

  it("trusts nothing when the board's members cannot be read", async () => {
    stubHostApi({
      '/1/cards/Xy12Ab34/actions': [action('a1', 'alice')],
      '/1/cards/Xy12Ab34/board': { id: 'board1' },
      '/1/boards/board1/members': 500,
    });
    expect((await createTrelloReceiver().comments('Xy12Ab34'))?.[0]?.trusted).toBe(false);
  });
});
