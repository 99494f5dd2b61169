import { describe, expect, it } from 'vitest';
import { handsChanged } from '../../../lib/history/hands';
import type { HandsChange, TicketHistory } from '../../../lib/history/ticket-history';
import { changedHandsKey } from '../../../lib/history/wording';

const NOW = Date.parse('2026-12-07T12:00:00Z');
const daysAgo = (days: number, minutes = 0) =>
  new Date(NOW - days * 86_400_000 + minutes * 60_000).toISOString();
const person = (at: string, from: string, to: string): HandsChange => ({ at, kind: 'person', from, to });
const history = (
  changes: HandsChange[],
  lastHandoff: TicketHistory['lastHandoff'] = null,
): TicketHistory => ({
  changes,
  lastHandoff,
});

describe('handsChanged', () => {
  it('counts each assignment to someone new in the last 30 days, first one included, and names them in order', () => {
    const hands = handsChanged(
      history([
        person(daysAgo(20), '', 'Alex Kim'),
        person(daysAgo(10), 'Alex Kim', 'Jordan Diaz'),
        person(daysAgo(2), 'Jordan Diaz', 'Sam Lee'),
      ]),
      { now: NOW },
    );
    expect(hands).toEqual({
      count: 3,
      names: ['Alex Kim', 'Jordan Diaz', 'Sam Lee'],
      more: false,
      lastHandoff: null,
    });
  });

  it('leaves out changes older than 30 days but names who held the ticket when the window opened', () => {
    const hands = handsChanged(
      history([person(daysAgo(45), '', 'Alex Kim'), person(daysAgo(3), 'Alex Kim', 'Sam Lee')]),
      { now: NOW },
    );
    expect(hands).toMatchObject({ count: 1, names: ['Alex Kim', 'Sam Lee'] });
  });

  it('shows nothing for a ticket with no history, or only old history', () => {
    expect(handsChanged(history([]), { now: NOW })).toBeNull();
    expect(handsChanged(history([person(daysAgo(40), '', 'Alex Kim')]), { now: NOW })).toBeNull();
  });

  it('does not count an unassign, nor taking the ticket back after one', () => {
    const back = handsChanged(
      history([person(daysAgo(5), 'Alex Kim', ''), person(daysAgo(4), '', 'Alex Kim')]),
      { now: NOW },
    );
    expect(back).toBeNull();
    const onward = handsChanged(
      history([person(daysAgo(5), 'Alex Kim', ''), person(daysAgo(4), '', 'Sam Lee')]),
      { now: NOW },
    );
    expect(onward).toMatchObject({ count: 1, names: ['Alex Kim', 'Sam Lee'] });
  });

  it('counts the same person twice when the ticket came back to them, but not a reassign to whoever has it', () => {
    const hands = handsChanged(
      history([
        person(daysAgo(6), 'Alex Kim', 'Sam Lee'),
        person(daysAgo(5), 'Sam Lee', 'Sam Lee'),
        person(daysAgo(4), 'Sam Lee', 'Alex Kim'),
      ]),
      { now: NOW },
    );
    expect(hands).toMatchObject({ count: 2, names: ['Alex Kim', 'Sam Lee', 'Alex Kim'] });
  });

  it('does not count someone taking a ticket themselves, nor a change the site does not count', () => {
    const hands = handsChanged(
      history([
        { at: daysAgo(5), kind: 'person', from: 'Alex Kim', to: 'Alex Kim', self: true },
        { at: daysAgo(4), kind: 'person', from: 'Sam Lee', to: 'Sam Lee', self: true },
        { at: daysAgo(3), kind: 'list', from: 'Doing', to: 'Done' },
      ]),
      { now: NOW, countable: (change) => change.kind !== 'list' },
    );
    expect(hands).toBeNull();
  });

  it('names who took the ticket themselves as holding it, and ignores changes that do not count', () => {
    const hands = handsChanged(
      history([
        { at: daysAgo(25), kind: 'list', from: 'Inbox', to: 'Doing' },
        { at: daysAgo(20), kind: 'person', from: 'Bob Chen', to: 'Bob Chen', self: true },
        person(daysAgo(12), 'Bob Chen', 'Chloé Dubois'),
      ]),
      { now: NOW, countable: (change) => change.kind !== 'list' },
    );
    expect(hands).toMatchObject({ count: 1, names: ['Bob Chen', 'Chloé Dubois'] });
  });

  it('keeps the line short: the six latest holders, saying earlier ones were left out', () => {
    const names = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
    const hands = handsChanged(
      history(
        names.map((name, index) =>
          person(daysAgo(20 - index), index === 0 ? '' : (names[index - 1] ?? ''), name),
        ),
      ),
      { now: NOW },
    );
    expect(hands).toMatchObject({ count: 8, names: ['C', 'D', 'E', 'F', 'G', 'H'], more: true });
  });

  it('gives the last Baton handoff only when it announced the last change', () => {
    const handoff = {
      at: Date.parse(daysAgo(2, -1)),
      author: 'Jordan Diaz',
      nextAction: 'Call the customer',
      url: null,
    };
    const changes = [person(daysAgo(10), '', 'Jordan Diaz'), person(daysAgo(2), 'Jordan Diaz', 'Sam Lee')];
    expect(handsChanged(history(changes, handoff), { now: NOW })?.lastHandoff).toEqual(handoff);
    const earlier = { ...handoff, at: Date.parse(daysAgo(10, -1)) };
    expect(handsChanged(history(changes, earlier), { now: NOW })?.lastHandoff).toBeNull();
  });
});

describe('changedHandsKey', () => {
  it('picks the singular in English for one, and the one Korean form for every count', () => {
    expect(changedHandsKey(1, 'en')).toBe('historyChangedOne');
    expect(changedHandsKey(3, 'en')).toBe('historyChangedOther');
    expect(changedHandsKey(1, 'ko')).toBe('historyChangedOther');
  });
});
