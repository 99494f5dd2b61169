import { describe, expect, it } from 'vitest';
import { countable } from '../../../lib/background/history';
import { DEFAULT_SETTINGS } from '../../../lib/storage/settings';

describe('which history changes count on each site', () => {
  const move = {
    at: '2026-12-01T10:00:00Z',
    kind: 'list' as const,
    from: 'Investigating',
    to: 'Tier 2 handoff',
  };

  it("counts a Trello card moved into one of the team's handoff lists, and no other move", () => {
    const withList = {
      ...DEFAULT_SETTINGS,
      trello: { ...DEFAULT_SETTINGS.trello, handoffLists: [' tier 2 HANDOFF '] },
    };
    expect(countable('trello', withList)(move)).toBe(true);
    expect(countable('trello', DEFAULT_SETTINGS)(move)).toBe(false);
    expect(countable('trello', DEFAULT_SETTINGS)({ ...move, kind: 'person', to: 'Bob Chen' })).toBe(true);
  });

  it('counts every change of hands on Jira and Zendesk', () => {
    expect(countable('jira', DEFAULT_SETTINGS)({ ...move, kind: 'person' })).toBe(true);
    expect(countable('zendesk', DEFAULT_SETTINGS)({ ...move, kind: 'group' })).toBe(true);
  });
});
