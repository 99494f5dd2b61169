import { describe, expect, it } from 'vitest';
import { memberNamed, shownName } from '../../../../lib/sites/trello/members';

const BOARD = [
  { id: 'm1', fullName: 'Alice Park', username: 'alicepark' },
  { id: 'm2', fullName: 'Bob Chen', username: 'bobchen' },
  { id: 'm3', fullName: 'Bob Chen', username: 'bobchen2' },
  { id: 'm4', fullName: '김민준', username: 'minjun' },
];

describe('the member a Trello page names', () => {
  it('is found by the avatar title "Full Name (username)", even when two members share the name', () => {
    expect(memberNamed(['Bob Chen (bobchen2)', 'Bob Chen', 'bobchen2'], BOARD)?.id).toBe('m3');
    expect(memberNamed(['김민준 (minjun)'], BOARD)?.id).toBe('m4');
  });

  it('is found by a username shown alone, with or without @', () => {
    expect(memberNamed(['@alicepark', 'View profile', 'Remove from card'], BOARD)?.id).toBe('m1');
    expect(memberNamed(['bobchen'], BOARD)?.id).toBe('m2');
  });

  it('is found by a full name only one member has', () => {
    expect(memberNamed(['Alice Park'], BOARD)?.id).toBe('m1');
  });

  it('is nobody when the name is shared or unknown', () => {
    expect(memberNamed(['Bob Chen'], BOARD)).toBeNull();
    expect(memberNamed(['Dana Scully (dana)', 'Dana Scully'], BOARD)).toBeNull();
    expect(memberNamed([], BOARD)).toBeNull();
  });
});

describe('the name shown for someone Baton cannot find', () => {
  it('is the full name of the avatar title, else the first text that is not a username', () => {
    expect(shownName(['Dana Scully (dana)', 'Dana Scully', 'dana'])).toBe('Dana Scully');
    expect(shownName(['@dana', 'Dana Scully'])).toBe('Dana Scully');
    expect(shownName(['  '])).toBe('');
  });
});
