import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SERVICE_HANDOFF } from '../../lib/checklist/default-template';
import { whenHanded } from '../../lib/messaging';
import { CTX } from './checklist/fixtures';

// A checklist frame takes the hold the background hands over unasked (hold:yours) only when it names
// that very frame in that very tab, and only from the background.

const hold = {
  found: true,
  held: { id: 'hold-1', site: 'jira', via: 'ui', tickets: [CTX.ticketKey], context: CTX },
  shownAt: 1,
  template: SERVICE_HANDOFF,
  enforcement: 'block',
  draft: null,
} as const;
const fromBackground = { id: fakeBrowser.runtime.id };

beforeEach(() => {
  fakeBrowser.reset();
});

describe('whenHanded', () => {
  it('takes the hold handed to its own tab and frame from the background, and no other', async () => {
    const taken: unknown[] = [];
    whenHanded(Promise.resolve({ tabId: 7, frameId: 3 }), (found) => taken.push(found.held.id));
    const hand = (message: object, sender: object = fromBackground) =>
      fakeBrowser.runtime.onMessage.trigger({ type: 'hold:yours', ...message }, sender, () => undefined);
    await hand({ tabId: 7, frameId: 4, hold });
    await hand({ tabId: 8, frameId: 3, hold });
    // From a content script (a sender in a tab): not the background's word.
    await hand({ tabId: 7, frameId: 3, hold }, { ...fromBackground, tab: { id: 7 } });
    // Not a hold at all.
    await hand({ tabId: 7, frameId: 3, hold: { found: true } });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(taken).toEqual([]);
    await hand({ tabId: 7, frameId: 3, hold });
    await vi.waitFor(() => expect(taken).toEqual(['hold-1']));
  });
});
