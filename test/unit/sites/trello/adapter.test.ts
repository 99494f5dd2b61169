// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RecognizedAction } from '../../../../lib/guard/adapter';
import type { LiveSettings } from '../../../../lib/guard/live-settings';
import { createTrelloAdapter } from '../../../../lib/sites/trello/adapter';
import { READ_AHEAD_MS } from '../../../../lib/sites/trello/cards';
import { DEFAULT_TRELLO_RULES } from '../../../../lib/sites/trello/rules';
import { actionOf } from '../../support/guard-parts';
import { stubHostApi } from '../../support/host-api';

// The Trello adapter's closer look at a member click (confirm, enrich) when Trello's API does not help:
// whatever fails, a change that may be a handoff shows the checklist with what the page shows.

const ALICE = { id: 'a1', fullName: 'Alice Park', username: 'alicepark' };
const BOB = { id: 'b2', fullName: 'Bob Chen', username: 'bobchen' };
const CARD = {
  id: 'c0ffee',
  name: 'Refund not received',
  shortLink: 'Xy12Ab34',
  idMembers: [ALICE.id],
  idList: 'l1',
  idBoard: 'bd',
};

const settings: LiveSettings = {
  ready: async () => undefined,
  loaded: () => true,
  current: () => ({ enforcement: {}, trello: DEFAULT_TRELLO_RULES }),
  enforcement: () => 'block',
  onChange: () => undefined,
  stop: () => undefined,
};

function page() {
  history.replaceState(null, '', '/c/Xy12Ab34/1-refund-not-received');
  document.body.innerHTML = `
    <div data-testid="card-back-panel">
      <h2 data-testid="card-back-name">Refund not received</h2>
      <div data-testid="card-back-members-container"></div>
      <button data-testid="card-back-members-button">Members</button>
      <button data-testid="choose-member-item-add-member-button">
        <img title="Bob Chen (bobchen)" alt="Bob Chen (bobchen)"><span>Bob Chen</span><span>bobchen</span>
      </button>
    </div>`;
}

function pointerEvent(type: string, selector: string): MouseEvent {
  const target = document.querySelector(selector) as Element;
  const event = new MouseEvent(type, { bubbles: true, button: 0 });
  Object.defineProperty(event, 'composedPath', { value: () => [target] });
  return event;
}

function clickMember(adapter = createTrelloAdapter(settings)): RecognizedAction {
  const event = pointerEvent('click', '[data-testid="choose-member-item-add-member-button"] span');
  return actionOf(adapter.recognize(event));
}

/** Trello's API over a card whose members the test changes, as another tab or the replay would. */
function cardWhoseMembersChange(members: string[]): { members: string[] } {
  const card = { members };
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      const body = url.startsWith('/1/members/me')
        ? ALICE
        : url.startsWith('/1/boards/')
          ? [ALICE, BOB]
          : { ...CARD, idMembers: card.members };
      return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
    }),
  );
  return card;
}

beforeEach(page);
afterEach(() => vi.unstubAllGlobals());

describe('Trello: a member clicked in the popover', () => {
  it('with everything readable: a handoff to the member, from the current user', async () => {
    stubHostApi({ '/1/members/me': ALICE, '/1/cards/': CARD, '/1/boards/bd/members': [ALICE, BOB] });
    const action = clickMember();
    expect(await action.confirm?.()).toBe(true);
    expect(await action.enrich?.()).toMatchObject({
      ticketKey: 'Xy12Ab34',
      title: 'Refund not received',
      from: { id: ALICE.id, name: 'Alice Park' },
      to: { id: BOB.id, name: 'Bob Chen' },
    });
  });

  it('the card cannot be read: still a handoff, titled and named as the page shows', async () => {
    stubHostApi({ '/1/members/me': ALICE, '/1/cards/': 500, '/1/boards/': 500 });
    const action = clickMember();
    expect(await action.confirm?.()).toBe(true);
    expect(await action.enrich?.()).toMatchObject({ title: 'Refund not received', to: { name: 'Bob Chen' } });
  });

  it('the current user cannot be read: still a handoff', async () => {
    stubHostApi({ '/1/members/me': 401, '/1/cards/': CARD, '/1/boards/bd/members': [ALICE, BOB] });
    const action = clickMember();
    expect(await action.confirm?.()).toBe(true);
    expect((await action.enrich?.())?.to).toMatchObject({ name: 'Bob Chen' });
  });

  it('the member is not among the board members read: still a handoff, to the name shown', async () => {
    stubHostApi({ '/1/members/me': ALICE, '/1/cards/': CARD, '/1/boards/bd/members': [ALICE] });
    const action = clickMember();
    expect(await action.confirm?.()).toBe(true);
    expect((await action.enrich?.())?.to).toEqual({ name: 'Bob Chen' });
  });

  it('fetch itself throws (offline): still a handoff, with what the page shows', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    const action = clickMember();
    expect(await action.confirm?.()).toBe(true);
    expect(await action.enrich?.()).toMatchObject({ ticketKey: 'Xy12Ab34', title: 'Refund not received' });
  });

  it('the member is already on the card and the rules do not count removing others: not a handoff', async () => {
    stubHostApi({
      '/1/members/me': ALICE,
      '/1/cards/': { ...CARD, idMembers: [ALICE.id, BOB.id] },
      '/1/boards/bd/members': [ALICE, BOB],
    });
    expect(await clickMember().confirm?.()).toBe(false);
  });

  it('landed: the card has the member once the change went through, and not before', async () => {
    const card = cardWhoseMembersChange([ALICE.id]);
    const action = clickMember();
    await action.confirm?.();
    expect(await action.landed?.()).toBe(false);
    card.members = [ALICE.id, BOB.id];
    expect(await action.landed?.()).toBe(true);
  });
});

describe('Trello: reading ahead when the members popover opens', () => {
  const openPopover = (adapter: ReturnType<typeof createTrelloAdapter>) =>
    adapter.recognize(pointerEvent('pointerdown', '[data-testid="card-back-members-button"]'));
  const cardReads = (calls: string[]) => calls.filter((url) => url.startsWith('/1/cards/')).length;
  const READABLE = { '/1/members/me': ALICE, '/1/cards/': CARD, '/1/boards/bd/members': [ALICE, BOB] };

  it('the click is decided on what was read when the popover opened, without asking Trello again', async () => {
    const calls = stubHostApi(READABLE);
    const adapter = createTrelloAdapter(settings);
    // Not stopped: the host opens its popover, and Baton gets the checklist's frame ready.
    expect(openPopover(adapter)).toBe('opens-reassign');
    await vi.waitFor(() => expect(calls.some((url) => url.startsWith('/1/boards/bd/members'))).toBe(true));
    expect(calls.some((url) => url.startsWith('/1/members/me'))).toBe(true);
    const before = calls.length;
    const action = clickMember(adapter);
    expect(await action.confirm?.()).toBe(true);
    expect(await action.enrich?.()).toMatchObject({ to: { id: BOB.id, name: 'Bob Chen' } });
    expect(calls.length).toBe(before);
  });

  const pressMember = (adapter: ReturnType<typeof createTrelloAdapter>) => {
    adapter.recognize(
      pointerEvent('pointerdown', '[data-testid="choose-member-item-add-member-button"] span'),
    );
    return clickMember(adapter);
  };

  it("a member pressed in the popover (pointer down, then click) is decided on the popover's read", async () => {
    const calls = stubHostApi(READABLE);
    const adapter = createTrelloAdapter(settings);
    openPopover(adapter);
    await vi.waitFor(() => expect(calls.some((url) => url.startsWith('/1/boards/bd/members'))).toBe(true));
    const action = pressMember(adapter);
    expect(await action.confirm?.()).toBe(true);
    expect(await action.enrich?.()).toMatchObject({ to: { id: BOB.id, name: 'Bob Chen' } });
    expect(cardReads(calls)).toBe(1);
  });

  it('a popover read that failed is made again when a member is pressed', async () => {
    const failed = stubHostApi({ ...READABLE, '/1/cards/': 503 });
    const adapter = createTrelloAdapter(settings);
    openPopover(adapter);
    await vi.waitFor(() => expect(cardReads(failed)).toBe(1));
    await new Promise((resolve) => setTimeout(resolve, 0));
    const calls = stubHostApi(READABLE);
    const action = pressMember(adapter);
    expect(await action.enrich?.()).toMatchObject({ to: { id: BOB.id, name: 'Bob Chen' } });
    expect(cardReads(calls)).toBe(1);
  });

  it('a member picked while the read ahead is still on its way waits for it, without asking Trello twice', async () => {
    const calls = stubHostApi(READABLE);
    const adapter = createTrelloAdapter(settings);
    openPopover(adapter);
    const action = clickMember(adapter);
    expect(await action.confirm?.()).toBe(true);
    expect(await action.enrich?.()).toMatchObject({ to: { id: BOB.id, name: 'Bob Chen' } });
    const reads = (path: string) => calls.filter((url) => url.startsWith(path)).length;
    expect([reads('/1/cards/'), reads('/1/boards/bd/members'), reads('/1/members/me')]).toEqual([1, 1, 1]);
  });

  it('a read ahead serves one action only: the next click reads the card again', async () => {
    const calls = stubHostApi(READABLE);
    const adapter = createTrelloAdapter(settings);
    openPopover(adapter);
    await clickMember(adapter).confirm?.();
    expect(cardReads(calls)).toBe(1);
    await clickMember(adapter).confirm?.();
    expect(cardReads(calls)).toBe(2);
  });

  it('a read ahead that has grown old is not used', async () => {
    const calls = stubHostApi(READABLE);
    const adapter = createTrelloAdapter(settings);
    const now = Date.now();
    const clock = vi.spyOn(Date, 'now').mockReturnValue(now);
    openPopover(adapter);
    clock.mockReturnValue(now + READ_AHEAD_MS + 1);
    await clickMember(adapter).confirm?.();
    clock.mockRestore();
    expect(cardReads(calls)).toBe(2);
  });

  it('once an action is over, the card is read ahead again for the next member picked in the popover', async () => {
    const calls = stubHostApi(READABLE);
    const adapter = createTrelloAdapter(settings);
    openPopover(adapter);
    const first = clickMember(adapter);
    await first.confirm?.();
    expect(cardReads(calls)).toBe(1);
    first.settled?.();
    expect(cardReads(calls)).toBe(2);
    await clickMember(adapter).confirm?.();
    expect(cardReads(calls)).toBe(2);
  });

  it('landed reads the card afresh, not what was read ahead', async () => {
    const card = cardWhoseMembersChange([ALICE.id]);
    const adapter = createTrelloAdapter(settings);
    const action = clickMember(adapter);
    await action.confirm?.();
    openPopover(adapter);
    card.members = [ALICE.id, BOB.id];
    expect(await action.landed?.()).toBe(true);
  });
});
