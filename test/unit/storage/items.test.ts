import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SERVICE_HANDOFF } from '../../../lib/checklist/default-template';
import { encodeDigest, encodeWeek } from '../../../lib/metrics/digest';
import { effectiveSettings } from '../../../lib/storage/effective-settings';
import {
  archiveItem,
  bucketsItem,
  digestItem,
  draftsItem,
  eventsItem,
  figureDigestItem,
  healthItem,
  holdsItem,
  hostCountsItem,
  outboxItem,
  settingsItem,
} from '../../../lib/storage/items';
import { KEYS } from '../../../lib/storage/keys';
import { bannersItem, dismissedItem, receivedItem } from '../../../lib/storage/received';
import { DEFAULT_SETTINGS } from '../../../lib/storage/settings';
import { templatesItem } from '../../../lib/storage/templates';
import type { ValidatedItem } from '../../../lib/storage/validated-item';
import { CTX } from '../checklist/fixtures';
import { metricEvent } from '../metrics/events';

// What users of earlier versions have stored, under the names those versions used, reads back exactly
// as it was: every item is at version 1, and a change of shape must come with a migration.

const NOW = Date.parse('2026-11-24T12:00:00Z');
const events = [
  metricEvent(NOW - 60_000),
  metricEvent(NOW - 30_000, { outcome: 'cancelled', site: 'zendesk' }),
];

const stored: [item: ValidatedItem<unknown>, area: 'local' | 'session', name: string, value: unknown][] = [
  [
    holdsItem,
    'session',
    'holds',
    {
      'hold-1': {
        held: { id: 'hold-1', site: 'jira', via: 'ui', context: CTX, tickets: ['SUP-42'] },
        tabId: 3,
        frameId: 0,
        checklistFrameId: 7,
        shownAt: NOW,
        template: SERVICE_HANDOFF,
        failure: { kind: 'http', status: 503, detail: 'Unavailable' },
        postedComments: [{ ticketKey: 'SUP-42', commentId: '10001' }],
        answers: { reason: 'escalation', links: ['https://example.com/a'] },
        hands: { count: 3, names: ['Alice Kim', 'Bob Lee'], more: false, lastHandoff: null },
      },
    },
  ],
  [
    draftsItem,
    'local',
    'drafts',
    { 'jira|https://acme.atlassian.net|SUP-42': { answers: { situation: 'x' }, updatedAt: NOW } },
  ],
  [
    outboxItem,
    'local',
    'outbox',
    [
      {
        handoffId: 'h1',
        holdId: 'hold-1',
        site: 'jira',
        origin: 'https://acme.atlassian.net',
        ticketKey: 'SUP-42',
        body: { type: 'doc', version: 1, content: [] },
        summaryText: 'Handoff',
        createdAt: NOW,
        attempts: 2,
        nextAttemptAt: NOW + 60_000,
        released: true,
        stranded: false,
        lastFailure: { kind: 'offline' },
      },
    ],
  ],
  [eventsItem, 'local', 'events', events],
  [archiveItem, 'local', 'eventArchive', [metricEvent(NOW - 40 * 86_400_000)]],
  [
    bucketsItem,
    'local',
    'eventBuckets',
    [{ day: '2025-01-01', site: 'trello', completed: 9, cancelled: 0, bypassed: 1, post_failed: 0 }],
  ],
  [digestItem, 'local', 'eventDigest', encodeDigest(events)],
  [figureDigestItem, 'local', 'figureDigest', encodeWeek(events, NOW, 7 * 86_400_000)],
  [healthItem, 'local', 'health', { zendesk: { missing: ['assignee field'], at: NOW } }],
  [
    settingsItem,
    'local',
    'settings',
    { ...DEFAULT_SETTINGS, enforcement: { zendesk: 'remind' }, retentionDays: 200 },
  ],
  [
    hostCountsItem,
    'local',
    'hostCounts',
    { 'jira|SUP-42': { site: 'jira', ticketKey: 'SUP-42', count: 4, at: NOW } },
  ],
  [
    receivedItem,
    'local',
    'received',
    [
      {
        handoffId: 'h2',
        site: 'jira',
        origin: 'https://acme.atlassian.net',
        ticketKey: 'SUP-7',
        handoffAt: NOW,
        seenAt: NOW,
        ackAt: NOW,
      },
    ],
  ],
  [
    bannersItem,
    'session',
    'receiverBanners',
    {
      '3:h2': {
        tabId: 3,
        site: 'jira',
        origin: 'https://acme.atlassian.net',
        ticketKey: 'SUP-7',
        from: 'Alice Kim',
        at: NOW,
        nextAction: null,
        meName: 'Bob Lee',
      },
    },
  ],
  [dismissedItem, 'session', 'receiverDismissed', ['jira|https://acme.atlassian.net|SUP-7']],
  [
    templatesItem as ValidatedItem<unknown>,
    'local',
    'templates',
    [{ ...SERVICE_HANDOFF, id: 'team-handoff' }],
  ],
];

beforeEach(() => fakeBrowser.reset());

describe('what earlier versions stored', () => {
  it.each(stored.map(([item, area, name, value]) => ({ item, area, name, value })))(
    '$area:$name reads back as it was',
    async ({ item, area, name, value }) => {
      expect(item.key).toBe(`${area}:${name}`);
      await fakeBrowser.storage[area].set({ [name]: value });
      expect(await item.get()).toEqual(value);
      // Nothing was set aside as unreadable, nor rewritten.
      expect(await fakeBrowser.storage[area].get(null)).toEqual({ [name]: value });
    },
  );

  it('names every key in one place, each once', () => {
    const keys = Object.values(KEYS);
    expect(new Set(keys).size).toBe(keys.length);
    expect(stored.map(([item]) => item.key).every((key) => keys.includes(key as never))).toBe(true);
  });

  it('reads the last policy kept by an earlier version while managed storage has not answered', async () => {
    await fakeBrowser.storage.local.set({ policyCache: { enforcement: { jira: 'off' } } });
    fakeBrowser.storage.managed.get = () => new Promise(() => undefined);
    const { settings } = await effectiveSettings();
    expect(settings.enforcement.jira).toBe('off');
  });
});
