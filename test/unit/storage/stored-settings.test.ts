import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { DEFAULT_SETTINGS, parsePolicy, settingsSchema } from '../../../lib/storage/settings';

// Settings as the version before the site records wrote them to storage.local (Trello's rules under
// `trello`, custom hosts naming their site): a user's stored settings must read exactly as they did.

const STORED = {
  enforcement: { jira: 'remind', zendesk: 'off' },
  templateBySite: { trello: 'tpl-2' },
  trello: {
    addOthers: false,
    removeSelfWhileOthersStay: true,
    joinSelf: true,
    removeOthers: false,
    handoffLists: ['Ready for QA', 'Escalated'],
  },
  customHosts: [
    { origin: 'https://jira.corp.example', site: 'jira' },
    { origin: 'https://support.corp.example:8443', site: 'zendesk' },
  ],
  retentionDays: 90,
  receiver: { zendesk: false },
};

describe('settings stored by an earlier version', () => {
  it('read back unchanged', () => {
    expect(z.parse(settingsSchema, STORED)).toEqual(STORED);
  });

  it('fill only what they lack, with the same defaults as before', () => {
    expect(z.parse(settingsSchema, { trello: { joinSelf: true } })).toEqual({
      ...DEFAULT_SETTINGS,
      trello: {
        addOthers: true,
        removeSelfWhileOthersStay: true,
        joinSelf: true,
        removeOthers: false,
        handoffLists: [],
      },
    });
    expect(DEFAULT_SETTINGS).toEqual({
      enforcement: {},
      templateBySite: {},
      trello: {
        addOthers: true,
        removeSelfWhileOthersStay: true,
        joinSelf: false,
        removeOthers: false,
        handoffLists: [],
      },
      customHosts: [],
      retentionDays: 365,
      receiver: {},
    });
  });

  it('are still refused where they were malformed: a custom host of a site that has none', () => {
    const trelloHost = { ...STORED, customHosts: [{ origin: 'https://cards.corp.example', site: 'trello' }] };
    expect(z.safeParse(settingsSchema, trelloHost).success).toBe(false);
    expect(z.safeParse(settingsSchema, { ...STORED, trello: { joinSelf: 'yes' } }).success).toBe(false);
  });

  it('in a policy too: Trello rules a policy sets are read, key by key', () => {
    expect(parsePolicy({ trello: STORED.trello, retentionDays: 'soon' })).toEqual({ trello: STORED.trello });
  });
});
