import { describe, expect, it } from 'vitest';
import { type ActionsPage, readTrelloActions, trelloChanges } from '../../../../lib/sites/trello/history';

type Action = ActionsPage[number];
const ALEX = { id: 'm-alex', fullName: 'Alex Kim' };
const SAM = { id: 'm-sam', fullName: 'Sam Lee' };
const add = (id: string, date: string, by: typeof ALEX, who: typeof ALEX): Action => ({
  id,
  type: 'addMemberToCard',
  date,
  idMemberCreator: by.id,
  memberCreator: by,
  member: who,
  data: { idMember: who.id, member: { name: who.fullName } },
});

describe('trelloChanges', () => {
  it('reads a member added by someone else as a handoff from them, and a self-join as taking it', () => {
    expect(
      trelloChanges([
        add('a2', '2026-12-02T10:00:00Z', ALEX, SAM),
        add('a1', '2026-12-01T10:00:00Z', ALEX, ALEX),
      ]),
    ).toEqual([
      { at: '2026-12-02T10:00:00Z', kind: 'person', from: 'Alex Kim', to: 'Sam Lee', self: false },
      { at: '2026-12-01T10:00:00Z', kind: 'person', from: 'Alex Kim', to: 'Alex Kim', self: true },
    ]);
  });

  it('reads a move between lists, and ignores other card updates', () => {
    expect(
      trelloChanges([
        {
          id: 'u1',
          type: 'updateCard',
          date: '2026-12-03T10:00:00Z',
          data: { listBefore: { name: 'Doing' }, listAfter: { name: 'Escalated' } },
        },
        { id: 'u2', type: 'updateCard', date: '2026-12-03T11:00:00Z', data: {} },
        { id: 'c1', type: 'commentCard', date: '2026-12-03T12:00:00Z', data: {} },
      ]),
    ).toEqual([{ at: '2026-12-03T10:00:00Z', kind: 'list', from: 'Doing', to: 'Escalated' }]);
  });
});

describe('readTrelloActions', () => {
  it('pages back with `before` the oldest action while a page comes back full', async () => {
    const asked: string[] = [];
    const pages: ActionsPage[] = [
      [add('a3', '2026-12-03T10:00:00Z', ALEX, SAM), add('a2', '2026-12-02T10:00:00Z', SAM, ALEX)],
      [add('a1', '2026-12-01T10:00:00Z', ALEX, SAM)],
    ];
    const changes = await readTrelloActions(
      'abcd1234',
      async (path) => {
        asked.push(path);
        return pages[asked.length - 1] ?? null;
      },
      2,
    );
    expect(asked).toEqual([
      '/1/cards/abcd1234/actions?filter=addMemberToCard,updateCard:idList&limit=2',
      '/1/cards/abcd1234/actions?filter=addMemberToCard,updateCard:idList&limit=2&before=a2',
    ]);
    expect(changes).toHaveLength(3);
  });

  it('fails as a whole when a page cannot be read', async () => {
    expect(await readTrelloActions('abcd1234', async () => null)).toBeNull();
  });
});
