import { describe, expect, it } from 'vitest';
import { DEFAULT_TRELLO_RULES, isHandoffList, isMemberHandoff } from '../../../../lib/sites/trello/rules';

const me = 'me';
const rules = DEFAULT_TRELLO_RULES;

describe('Trello handoff rules (defaults)', () => {
  it('adding someone other than yourself is a handoff', () => {
    expect(isMemberHandoff({ before: [me], after: [me, 'bob'], me }, rules)).toBe(true);
    expect(isMemberHandoff({ before: [], after: ['bob'], me }, rules)).toBe(true);
  });

  it('joining a card yourself is not', () => {
    expect(isMemberHandoff({ before: ['bob'], after: ['bob', me], me }, rules)).toBe(false);
  });

  it('removing yourself is a handoff only while another member stays', () => {
    expect(isMemberHandoff({ before: [me, 'bob'], after: ['bob'], me }, rules)).toBe(true);
    expect(isMemberHandoff({ before: [me], after: [], me }, rules)).toBe(false);
  });

  it('removing someone else is not', () => {
    expect(isMemberHandoff({ before: [me, 'bob'], after: [me], me }, rules)).toBe(false);
  });

  it('a replacement list is judged by what it adds and removes', () => {
    expect(isMemberHandoff({ before: [me], after: ['chloe'], me }, rules)).toBe(true);
    expect(isMemberHandoff({ before: [me, 'bob'], after: ['bob', me], me }, rules)).toBe(false);
  });
});

describe('Trello handoff rules (changed by settings)', () => {
  it('can count joining and removing others, and stop counting the defaults', () => {
    const custom = { ...rules, addOthers: false, joinSelf: true, removeOthers: true };
    expect(isMemberHandoff({ before: [], after: [me], me }, custom)).toBe(true);
    expect(isMemberHandoff({ before: [me, 'bob'], after: [me], me }, custom)).toBe(true);
    expect(isMemberHandoff({ before: [me], after: [me, 'bob'], me }, custom)).toBe(false);
  });

  it('matches handoff lists by name, ignoring case and spaces', () => {
    const withLists = { ...rules, handoffLists: ['Tier 2 handoff'] };
    expect(isHandoffList('  tier 2 HANDOFF ', withLists)).toBe(true);
    expect(isHandoffList('Investigating', withLists)).toBe(false);
    expect(isHandoffList('Tier 2 handoff', rules)).toBe(false);
  });
});
