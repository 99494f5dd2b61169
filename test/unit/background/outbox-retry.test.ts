import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { retryDue, retryOutboxEntry } from '../../../lib/background/outbox-retry';
import type { PostFailure } from '../../../lib/messaging';
import { outboxItem } from '../../../lib/storage/items';
import { outboxEntry } from './outbox-entry';

const entry = (ticketKey: string, lastFailure?: PostFailure) =>
  outboxEntry(`h-${ticketKey}`, ticketKey, lastFailure ? { attempts: 3, lastFailure } : {});

describe('retrying the outbox', () => {
  let posted: string[];
  beforeEach(() => {
    fakeBrowser.reset();
    posted = [];
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 3, status: 'complete' }] as never);
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (
      _tab: number,
      message: { ticketKey: string },
    ) => {
      posted.push(message.ticketKey);
      return { ok: false, failure: { kind: 'http', status: 503 } };
    }) as never);
  });

  it('stops on its own for a refused comment, still tries the others, and leaves both listed', async () => {
    await outboxItem.set([
      entry('GONE-1', { kind: 'http', status: 404 }),
      entry('BAD-1', { kind: 'http', status: 422 }),
      entry('DOWN-1', { kind: 'http', status: 503 }),
    ]);
    await retryDue(Date.now());
    expect(posted).toEqual(['DOWN-1']);
    expect((await outboxItem.get()).map((e) => e.ticketKey)).toEqual(['GONE-1', 'BAD-1', 'DOWN-1']);
  });

  it('still posts a refused comment when the user asks for it from the popup', async () => {
    await outboxItem.set([entry('GONE-1', { kind: 'http', status: 404 })]);
    await retryOutboxEntry({ handoffId: 'h-GONE-1', ticketKey: 'GONE-1' });
    expect(posted).toEqual(['GONE-1']);
  });
});
