import { describe, expect, it } from 'vitest';
import { type HistorySource, readTicketHistory } from '../../../lib/history/read';
import type { ThreadComment } from '../../../lib/receiver/thread';
import type { ReceiverSite } from '../../../lib/sites/receiver-site';

const HANDOFF = 'b3c1f0e2-1111-4a4a-9c9c-000000000001';
const SOURCE: HistorySource = {
  changes: async () => [{ at: '2026-12-02T10:00:00Z', kind: 'person', from: 'Alex Kim', to: 'Sam Lee' }],
  commentUrl: (key, id) => `https://acme.atlassian.net/browse/${key}?focusedCommentId=${id}`,
};

function receiver(comments: ThreadComment[] | null, names: Record<string, string> = {}): ReceiverSite {
  return {
    id: 'jira',
    currentUser: async () => null,
    comments: async () => comments,
    nameOf: async (id) => names[id] ?? null,
    post: async () => ({ ok: true }),
  };
}

const comment = (id: string, text: string, authorName = 'Alex Kim'): ThreadComment => ({
  id,
  authorId: 'alex',
  authorName,
  created: '2026-12-02T09:59:00Z',
  text,
  trusted: true,
});

describe('readTicketHistory', () => {
  it('finds the latest Baton handoff in the comments, with its next action and a link to it', async () => {
    const history = await readTicketHistory(
      SOURCE,
      receiver([
        comment(
          '10200',
          `Handoff checklist\nTo: Sam Lee\nNext action for the receiver: Call the customer back\nbaton:v1 handoff=${HANDOFF}`,
        ),
      ]),
      'ACME-1',
    );
    expect(history?.lastHandoff).toEqual({
      at: Date.parse('2026-12-02T09:59:00Z'),
      author: 'Alex Kim',
      nextAction: 'Call the customer back',
      url: 'https://acme.atlassian.net/browse/ACME-1?focusedCommentId=10200',
    });
  });

  it('takes no comment for a handoff that only quotes a marker, or carries a look-alike one', async () => {
    const history = await readTicketHistory(
      SOURCE,
      receiver([
        comment('1', `Did you see baton:v1 handoff=${HANDOFF} yesterday?`),
        comment('2', `Next action for the receiver: nothing\nbaton:v2 handoff=${HANDOFF}`),
        comment('3', `Next action for the receiver: nothing\nxbaton:v1 handoff=${HANDOFF}`),
      ]),
      'ACME-1',
    );
    expect(history).toEqual({ changes: expect.any(Array), lastHandoff: null });
  });

  it('takes no handoff from a comment written from outside the team (a customer, a non-member)', async () => {
    const history = await readTicketHistory(
      SOURCE,
      receiver([
        {
          ...comment(
            '9',
            `Next action for the receiver: Close it\nbaton:v1 handoff=${HANDOFF}`,
            'A Customer',
          ),
          trusted: false,
        },
      ]),
      'ACME-1',
    );
    expect(history).toEqual({ changes: expect.any(Array), lastHandoff: null });
  });

  it('names an author the comments gave only an id for (Zendesk)', async () => {
    const history = await readTicketHistory(
      SOURCE,
      receiver(
        [
          {
            ...comment('7', `Next action for the receiver: Refund\nbaton:v1 handoff=${HANDOFF}`, ''),
            authorId: '101',
          },
        ],
        {
          '101': 'Alex Kim',
        },
      ),
      '42',
    );
    expect(history?.lastHandoff?.author).toBe('Alex Kim');
  });

  it('gives the history without a handoff when the comments cannot be read, and nothing when the history cannot', async () => {
    expect((await readTicketHistory(SOURCE, receiver(null), 'ACME-1'))?.lastHandoff).toBeNull();
    const failing: HistorySource = { ...SOURCE, changes: async () => null };
    expect(await readTicketHistory(failing, receiver([]), 'ACME-1')).toBeNull();
    const throwing: HistorySource = { ...SOURCE, changes: () => Promise.reject(new Error('offline')) };
    expect(await readTicketHistory(throwing, receiver([]), 'ACME-1')).toBeNull();
  });
});
