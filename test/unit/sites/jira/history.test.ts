import { describe, expect, it } from 'vitest';
import { type ChangelogPage, jiraChanges, readJiraChangelog } from '../../../../lib/sites/jira/history';

type History = ChangelogPage['values'][number];
const assignee = (created: string, from: [string, string] | null, to: [string, string] | null): History => ({
  created,
  items: [
    {
      field: 'assignee',
      fieldtype: 'jira',
      fieldId: 'assignee',
      from: from?.[0] ?? null,
      fromString: from?.[1] ?? null,
      to: to?.[0] ?? null,
      toString: to?.[1] ?? null,
    },
  ],
});
const ALEX: [string, string] = ['5b10a2844c20165700ede21g', 'Alex Kim'];
const SAM: [string, string] = ['712020:2f3c7c1e', 'Sam Lee'];

describe('jiraChanges', () => {
  it('reads assignee items with display names, an unassign as nobody', () => {
    expect(
      jiraChanges([
        assignee('2026-12-01T10:00:00.000+0000', null, ALEX),
        assignee('2026-12-02T10:00:00.000+0000', ALEX, null),
      ]),
    ).toEqual([
      { at: '2026-12-01T10:00:00.000+0000', kind: 'person', from: '', to: 'Alex Kim' },
      { at: '2026-12-02T10:00:00.000+0000', kind: 'person', from: 'Alex Kim', to: '' },
    ]);
  });

  it('ignores other fields and a custom field that is only called Assignee', () => {
    expect(
      jiraChanges([
        {
          created: '2026-12-01T10:00:00.000+0000',
          items: [
            {
              field: 'status',
              fieldId: 'status',
              from: '1',
              fromString: 'To Do',
              to: '3',
              toString: 'In Progress',
            },
            {
              field: 'Assignee',
              fieldId: 'customfield_10050',
              from: null,
              fromString: null,
              to: SAM[0],
              toString: SAM[1],
            },
          ],
        },
      ]),
    ).toEqual([]);
  });
});

describe('readJiraChangelog', () => {
  it('reads every page until Jira says it was the last', async () => {
    const asked: string[] = [];
    const pages: ChangelogPage[] = [
      {
        startAt: 0,
        maxResults: 100,
        total: 101,
        isLast: false,
        values: [assignee('2026-12-01T10:00:00.000+0000', null, ALEX)],
      },
      {
        startAt: 100,
        maxResults: 100,
        total: 101,
        isLast: true,
        values: [assignee('2026-12-02T10:00:00.000+0000', ALEX, SAM)],
      },
    ];
    const changes = await readJiraChangelog('ACME-1', async (path) => {
      asked.push(path);
      return pages[asked.length - 1] ?? null;
    });
    expect(asked).toEqual([
      '/rest/api/3/issue/ACME-1/changelog?startAt=0&maxResults=100',
      '/rest/api/3/issue/ACME-1/changelog?startAt=1&maxResults=100',
    ]);
    expect(changes?.map((change) => change.to)).toEqual(['Alex Kim', 'Sam Lee']);
  });

  it('skips to the most recent pages of a very long changelog', async () => {
    const asked: string[] = [];
    await readJiraChangelog('ACME-1', async (path) => {
      asked.push(path);
      return {
        startAt: asked.length === 1 ? 0 : 4100,
        total: 5000,
        values: [assignee('2026-12-01T10:00:00.000+0000', null, ALEX)],
        isLast: asked.length > 1,
      };
    });
    expect(asked[1]).toBe('/rest/api/3/issue/ACME-1/changelog?startAt=4100&maxResults=100');
  });

  it('fails as a whole when a page cannot be read', async () => {
    let calls = 0;
    const changes = await readJiraChangelog('ACME-1', async () => {
      calls += 1;
      return calls === 1
        ? {
            startAt: 0,
            total: 200,
            isLast: false,
            values: [assignee('2026-12-01T10:00:00.000+0000', null, ALEX)],
          }
        : null;
    });
    expect(changes).toBeNull();
  });
});
