import { describe, expect, it } from 'vitest';
import {
  type AuditsPage,
  auditChanges,
  namedIds,
  readZendeskAudits,
  zendeskChanges,
} from '../../../../lib/sites/zendesk/history';

type Audit = AuditsPage['audits'][number];
const change = (field: string, previous: string | number | null, value: string | number | null) => ({
  id: 1,
  type: 'Change',
  field_name: field,
  previous_value: previous,
  value,
});
const audit = (created_at: string, events: Audit['events']): Audit => ({ created_at, events });
const NAMES = {
  user: (id: string) => ({ '101': 'Alex Kim', '102': 'Sam Lee' })[id] ?? `#${id}`,
  group: (id: string) => ({ '201': 'Support', '202': 'Billing' })[id] ?? `#${id}`,
};

describe('zendesk audits', () => {
  it('names the agent who got the ticket, and the group while no agent has it', () => {
    const changes = auditChanges([
      audit('2026-12-01T10:00:00Z', [{ id: 1, type: 'Create', field_name: 'group_id', value: '201' }]),
      audit('2026-12-02T10:00:00Z', [
        change('assignee_id', null, '101'),
        { id: 2, type: 'Comment', body: 'hi' },
      ]),
      audit('2026-12-03T10:00:00Z', [change('assignee_id', '101', null), change('group_id', '201', '202')]),
      audit('2026-12-04T10:00:00Z', [change('assignee_id', null, 102)]),
    ]);
    expect(zendeskChanges(changes, NAMES)).toEqual([
      { at: '2026-12-01T10:00:00Z', kind: 'group', from: '', to: 'Support' },
      { at: '2026-12-02T10:00:00Z', kind: 'person', from: 'Support', to: 'Alex Kim' },
      { at: '2026-12-03T10:00:00Z', kind: 'group', from: 'Alex Kim', to: 'Billing' },
      { at: '2026-12-04T10:00:00Z', kind: 'person', from: 'Billing', to: 'Sam Lee' },
    ]);
  });

  it('counts a group-only change while no agent has the ticket, not one under an agent who stays', () => {
    const changes = auditChanges([
      audit('2026-12-01T10:00:00Z', [change('group_id', '201', '202')]),
      audit('2026-12-02T10:00:00Z', [change('assignee_id', null, '101')]),
      audit('2026-12-03T10:00:00Z', [change('group_id', '202', '201')]),
    ]);
    expect(zendeskChanges(changes, NAMES)).toEqual([
      { at: '2026-12-01T10:00:00Z', kind: 'group', from: 'Support', to: 'Billing' },
      { at: '2026-12-02T10:00:00Z', kind: 'person', from: 'Billing', to: 'Alex Kim' },
    ]);
  });

  it('ignores audits that touch neither, and fields that only look alike', () => {
    expect(
      auditChanges([
        audit('2026-12-01T10:00:00Z', [
          change('status', 'open', 'pending'),
          change('custom_assignee_id', null, '5'),
        ]),
        audit('2026-12-02T10:00:00Z', [change('assignee_id', '101', '101')]),
      ]),
    ).toEqual([]);
  });

  it('asks for each person and group once', () => {
    const changes = auditChanges([
      audit('2026-12-01T10:00:00Z', [change('assignee_id', null, '101')]),
      audit('2026-12-02T10:00:00Z', [change('assignee_id', '101', '102')]),
      audit('2026-12-03T10:00:00Z', [change('assignee_id', '102', '101'), change('group_id', '201', '202')]),
    ]);
    expect(namedIds(changes)).toEqual({ users: ['101', '102'], groups: ['201', '202'] });
  });

  it('follows the cursor until there is no more, oldest audit first', async () => {
    const asked: string[] = [];
    const pages: AuditsPage[] = [
      {
        audits: [audit('2026-12-02T10:00:00Z', [change('assignee_id', '101', '102')])],
        meta: { has_more: true, after_cursor: 'xyz=' },
      },
      {
        audits: [audit('2026-12-01T10:00:00Z', [change('assignee_id', null, '101')])],
        meta: { has_more: false },
      },
    ];
    const changes = await readZendeskAudits('42', async (path) => {
      asked.push(path);
      return pages[asked.length - 1] ?? null;
    });
    expect(asked).toEqual([
      '/api/v2/tickets/42/audits.json?page[size]=100',
      '/api/v2/tickets/42/audits.json?page[size]=100&page[after]=xyz%3D',
    ]);
    expect(changes?.map((c) => c.assignee?.to)).toEqual(['101', '102']);
  });

  it('fails as a whole when a page cannot be read', async () => {
    expect(await readZendeskAudits('42', async () => null)).toBeNull();
  });
});
