import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { SERVICE_HANDOFF } from '../../lib/checklist/default-template.ts';
import {
  adfText,
  checklist,
  chooseJiraAssignee,
  commentRequests,
  type Extension,
  expect,
  fillChecklist,
  GOOD_ANSWERS,
  postedCommentBody,
  reassignRequests,
  test,
} from './support/fixtures.ts';
import { launchWithExtension } from './support/launch.ts';

// The options page on the production build: what is set there changes what happens on a host page
// that is already open, with no reload.

const ISSUE = 'https://acme.atlassian.net/browse/ACME-1';
const BOB = '5b10ac8d82e05b22cc7d4ef5';

// The extension's own global, in evaluate callbacks that run in the service worker or an extension page.
declare const chrome: {
  storage: {
    local: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> };
    managed: { get: unknown };
  };
};

interface StoredEvent {
  id: string;
  site: string;
  ticketKey: string;
  outcome: string;
  skipReason?: string;
  at: number;
}

async function stored<T>(ext: Extension, key: string): Promise<T | undefined> {
  const items = await ext.worker.evaluate((k) => chrome.storage.local.get(k), key);
  return items[key] as T | undefined;
}

async function openOptions(ext: Extension, page?: Page): Promise<Page> {
  const options = page ?? (await ext.context.newPage());
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await expect(options.getByRole('heading', { level: 1 })).toBeVisible();
  return options;
}

async function reassignToBob(page: Page): Promise<void> {
  await chooseJiraAssignee(page, 'Bob Chen');
}

async function setEnforcement(options: Page, ext: Extension, site: string, level: string): Promise<void> {
  await options
    .getByRole('radiogroup', { name: site })
    .getByRole('radio', { name: level, exact: true })
    .check();
  await expect(options.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await expect
    .poll(async () => (await stored<{ enforcement: Record<string, string> }>(ext, 'settings'))?.enforcement)
    .toMatchObject({ [site.toLowerCase()]: level.toLowerCase() });
}

test('a template edited on the options page is the checklist the Jira replica shows', async ({
  page,
  ext,
  server,
}) => {
  const options = await openOptions(ext, page);
  const templates = options.getByRole('region', { name: 'Checklist templates' });
  await templates.getByRole('button', { name: 'Add template' }).click();
  await expect(templates.getByLabel('Name (English)')).toHaveValue('Service handoff 2');
  await templates.getByLabel('Name (English)').fill('Escalation handoff');

  // Rename a field's label, and add a required text field with a minimum length.
  const situation = templates.getByRole('group', { name: /^Field 2:/ });
  await situation.getByLabel('Label (English)').fill('Current situation');
  await expect(situation).toHaveAccessibleName('Field 2: Current situation');
  await templates.getByRole('button', { name: 'Add field' }).click();
  const added = templates.getByRole('group', { name: /^Field 9\b/ });
  await expect(added.getByLabel('Label (English)')).toBeFocused();
  await added.getByLabel('Label (English)').fill('Customer tier');
  await added.getByLabel('Label (Korean)').fill('고객 등급');
  await expect(added.getByLabel('Kind')).toHaveValue('text');
  await expect(added.getByLabel('Required')).toBeChecked();
  await added.getByLabel('Minimum length').fill('4');
  // Keyboard reorder: the new field moves up one place and focus follows it.
  await added.getByRole('button', { name: 'Move up' }).click();
  const moved = templates.getByRole('group', { name: 'Field 8: Customer tier' });
  await expect(moved.getByRole('button', { name: 'Move up' })).toBeFocused();

  await templates.getByLabel('Jira').selectOption({ label: 'Escalation handoff' });
  await templates.getByRole('button', { name: 'Save templates' }).click();
  await expect(templates.getByRole('status')).toHaveText('Templates saved. The next checklist uses them.');
  const saved = await stored<{ id: string; fields: { id: string; label: { en: string } }[] }[]>(
    ext,
    'templates',
  );
  expect(saved?.map((t) => t.id)).toEqual(['service-handoff-2']);
  expect(saved?.[0]?.fields[7]).toEqual({
    id: 'field_9',
    kind: 'text',
    label: { en: 'Customer tier', ko: '고객 등급' },
    required: true,
    minLength: 4,
  });
  expect((await stored<{ templateBySite: object }>(ext, 'settings'))?.templateBySite).toMatchObject({
    jira: 'service-handoff-2',
  });

  await page.goto(ISSUE);
  await reassignToBob(page);
  const dialog = checklist(page);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Situation', { exact: true })).toHaveCount(0);
  const { situation: situationAnswer, ...rest } = GOOD_ANSWERS;
  await fillChecklist(dialog, rest);
  await dialog.getByLabel('Current situation', { exact: true }).fill(situationAnswer);
  await dialog.getByLabel('Customer tier', { exact: true }).fill('abc');
  await dialog.getByRole('button', { name: 'Complete handoff' }).click();
  // The new field's rules hold: required, at least 4 characters.
  await expect(dialog.getByLabel('Customer tier', { exact: true })).toHaveAccessibleDescription(
    /at least 4 characters/,
  );
  expect(commentRequests(server)).toHaveLength(0);
  await dialog.getByLabel('Customer tier', { exact: true }).fill('Gold, 24/7 support');
  await dialog.getByRole('button', { name: 'Complete handoff' }).click();
  await expect(dialog).toBeHidden();

  const text = adfText(postedCommentBody(server)).join('\n');
  expect(text).toContain('Current situation');
  expect(text).toContain('Customer tier');
  expect(text).toContain('Gold, 24/7 support');
  // The replayed choice reaches Jira just after the dialog closes.
  await expect.poll(() => reassignRequests(server).length).toBe(1);
  expect(server.jira.issue('ACME-1')?.assigneeId).toBe(BOB);
});

test("a template the background refuses keeps the user's edits and names what is wrong", async ({
  page,
  ext,
}) => {
  const options = await openOptions(ext, page);
  const templates = options.getByRole('region', { name: 'Checklist templates' });
  const reason = templates.getByRole('group', { name: /^Field 1:/ });
  await reason.getByLabel('Id').first().fill('Reason Code');
  await templates.getByRole('button', { name: 'Save templates' }).click();
  const alert = templates.getByRole('alert');
  await expect(alert).toContainText('Nothing was saved. In “Service handoff”, field 1:');
  await expect(alert).toContainText('templates[0].fields.0.id: must be lowercase letters, digits or _');
  await expect(reason.getByLabel('Id').first()).toHaveValue('Reason Code');
  await expect(templates.getByText('Unsaved changes')).toBeVisible();
  expect(await stored(ext, 'templates')).toBeUndefined();
});

test('enforcement off lets a reassign through with no checklist, in a tab that was already open', async ({
  page,
  ext,
  server,
}) => {
  await page.goto(ISSUE);
  const options = await openOptions(ext);
  await setEnforcement(options, ext, 'Jira', 'Off');

  await page.bringToFront();
  await reassignToBob(page);
  await expect.poll(() => reassignRequests(server).length).toBe(1);
  await expect(page.locator('[data-testid="issue.views.field.user.assignee"]')).toContainText('Bob Chen');
  await expect(page.locator('iframe[data-baton="checklist"]')).toHaveCount(0);
  expect(commentRequests(server)).toHaveLength(0);
  expect(server.jira.issue('ACME-1')?.assigneeId).toBe(BOB);
});

test('remind offers "Skip this time", which needs a reason and is counted as bypassed', async ({
  page,
  ext,
  server,
}) => {
  await page.goto(ISSUE);
  const options = await openOptions(ext);
  await setEnforcement(options, ext, 'Jira', 'Remind');

  await page.bringToFront();
  await reassignToBob(page);
  const dialog = checklist(page);
  await dialog.getByRole('button', { name: 'Skip this time' }).click();
  const reasonBox = dialog.getByLabel('Why is this reassign going ahead without a handoff?');
  await dialog.getByRole('button', { name: 'Skip and reassign' }).click();
  await expect(reasonBox).toHaveAccessibleDescription(/Say briefly why/);
  await expect(dialog).toBeVisible();
  expect(reassignRequests(server)).toHaveLength(0);

  await reasonBox.fill('Customer is on the phone with Bob already');
  await dialog.getByRole('button', { name: 'Skip and reassign' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => reassignRequests(server).length).toBe(1);
  expect(commentRequests(server)).toHaveLength(0);
  await expect.poll(async () => (await stored<StoredEvent[]>(ext, 'events'))?.length ?? 0).toBe(1);
  const [event] = (await stored<StoredEvent[]>(ext, 'events')) ?? [];
  expect(event).toMatchObject({
    site: 'jira',
    ticketKey: 'ACME-1',
    outcome: 'bypassed',
    skipReason: 'Customer is on the phone with Bob already',
  });
});

/** RFC 4180 rows (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] as string;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += char;
  }
  if (cell || row.length > 0) rows.push([...row, cell]);
  return rows;
}

test('metrics export downloads CSV and JSON files whose rows are the recorded events', async ({
  page,
  ext,
}) => {
  // One completed handoff, one cancelled.
  await page.goto(ISSUE);
  await reassignToBob(page);
  const dialog = checklist(page);
  await fillChecklist(dialog);
  await dialog.getByRole('button', { name: 'Complete handoff' }).click();
  await expect(dialog).toBeHidden();
  await page.goto('https://acme.atlassian.net/browse/ACME-2');
  await reassignToBob(page);
  await checklist(page).getByRole('button', { name: 'Cancel' }).click();
  await expect.poll(async () => (await stored<StoredEvent[]>(ext, 'events'))?.length ?? 0).toBe(2);
  const events = (await stored<StoredEvent[]>(ext, 'events')) ?? [];

  const options = await openOptions(ext);
  const data = options.getByRole('region', { name: 'Your data' });
  const [csvDownload] = await Promise.all([
    options.waitForEvent('download'),
    data.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  expect(csvDownload.suggestedFilename()).toMatch(/^baton-metrics-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await csvDownload.path()) as string, 'utf8').replace(/^\uFEFF/, '');
  const [header, ...rows] = parseCsv(csv);
  expect(header?.slice(0, 8)).toEqual(['id', 'time', 'site', 'ticketKey', 'url', 'from', 'to', 'outcome']);
  const column = (name: string) => header?.indexOf(name) ?? -1;
  expect(
    rows.map((row) => ({
      id: row[column('id')],
      time: row[column('time')],
      ticketKey: row[column('ticketKey')],
      outcome: row[column('outcome')],
    })),
  ).toEqual(
    [...events]
      .sort((a, b) => a.at - b.at)
      .map((event) => ({
        id: event.id,
        time: new Date(event.at).toISOString(),
        ticketKey: event.ticketKey,
        outcome: event.outcome,
      })),
  );
  expect(rows.map((row) => row[column('outcome')]).sort()).toEqual(['cancelled', 'completed']);
  await expect(data.getByRole('status')).toHaveText('Exported 2 events.');

  const [jsonDownload] = await Promise.all([
    options.waitForEvent('download'),
    data.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  expect(jsonDownload.suggestedFilename()).toMatch(/\.json$/);
  const exported = JSON.parse(readFileSync((await jsonDownload.path()) as string, 'utf8'));
  expect(exported.format).toBe('baton-metrics');
  expect(exported.events).toEqual([...events].sort((a, b) => a.at - b.at));
});

test('clearing metrics asks first, in the page', async ({ page, ext }) => {
  await ext.worker.evaluate(() =>
    chrome.storage.local.set({
      events: [
        {
          id: 'e1',
          site: 'jira',
          ticketKey: 'ACME-9',
          outcome: 'completed',
          fieldsFilled: 3,
          at: Date.now(),
        },
      ],
    }),
  );
  const options = await openOptions(ext, page);
  const data = options.getByRole('region', { name: 'Your data' });
  await data.getByRole('button', { name: 'Clear metrics' }).click();
  const question = data.getByRole('group', { name: /Delete every recorded handoff event\?/ });
  await expect(question.getByRole('button', { name: 'Keep' })).toBeFocused();
  await options.keyboard.press('Escape');
  await expect(question).toBeHidden();
  await expect(data.getByRole('button', { name: 'Clear metrics' })).toBeFocused();
  expect(await stored<unknown[]>(ext, 'events')).toHaveLength(1);

  await data.getByRole('button', { name: 'Clear metrics' }).click();
  await question.getByRole('button', { name: 'Delete metrics' }).click();
  await expect(data.getByRole('status')).toHaveText('Metrics cleared.');
  expect(await stored<unknown[]>(ext, 'events')).toEqual([]);
});

test('an invalid template file shows what is wrong and changes nothing; a valid one round-trips', async ({
  page,
  ext,
}) => {
  const options = await openOptions(ext, page);
  const templates = options.getByRole('region', { name: 'Checklist templates' });
  const fileInput = templates.getByLabel('Import templates (JSON file)');
  const list = templates.getByRole('list', { name: 'Templates' }).getByRole('listitem');
  await expect(list).toHaveCount(1);

  const bad = structuredClone(SERVICE_HANDOFF) as unknown as { fields: { id: string }[] };
  (bad.fields[2] as { id: string }).id = 'Customer Impact';
  await fileInput.setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(bad)),
  });
  await expect(templates.getByRole('alert')).toHaveText(
    'bad.json was not imported, and nothing changed. It is not a valid template at fields.2.id: must be lowercase letters, digits or _, starting with a letter',
  );
  await fileInput.setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"id": "x",'),
  });
  await expect(templates.getByRole('alert')).toContainText(
    'broken.json was not imported, and nothing changed. It is not valid JSON',
  );
  await expect(list).toHaveCount(1);
  await expect(templates.getByText('Unsaved changes')).toHaveCount(0);
  expect(await stored(ext, 'templates')).toBeUndefined();

  // Export what is there, change the copy, and import it back.
  await templates.getByRole('button', { name: 'Add template' }).click();
  const [download] = await Promise.all([
    options.waitForEvent('download'),
    templates.getByRole('button', { name: 'Export templates (JSON)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('baton-templates.json');
  const exported = JSON.parse(readFileSync((await download.path()) as string, 'utf8')) as {
    id: string;
    name: { en: string };
  }[];
  expect(exported.map((t) => t.id)).toEqual(['service-handoff', 'service-handoff-2']);
  await templates.getByRole('button', { name: 'Discard changes' }).click();
  await expect(list).toHaveCount(1);
  const second = { ...exported[1], name: { en: 'Imported handoff' } };
  await fileInput.setInputFiles({
    name: 'good.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(second)),
  });
  await expect(templates.getByRole('status')).toHaveText(
    'Imported: 1 added, 0 replaced. Review them, then save.',
  );
  await expect(list).toHaveCount(2);
  await templates.getByRole('button', { name: 'Save templates' }).click();
  await expect(templates.getByRole('status').first()).toHaveText(
    'Templates saved. The next checklist uses them.',
  );
  expect((await stored<{ name: { en: string } }[]>(ext, 'templates'))?.map((t) => t.name.en)).toEqual([
    'Imported handoff',
  ]);
});

test('settings an administrator locks show as locked and are never sent differently', async ({
  page,
  ext,
}) => {
  // Chromium reads managed storage only from a machine-wide policy file, which a test must not
  // write; the policy is given to the options page itself instead (the background does not see it).
  // The component test (test/unit/options/options-page.test.tsx) covers the same with storage.managed.
  await ext.worker.evaluate(() =>
    chrome.storage.local.set({ settings: { enforcement: { jira: 'remind' }, retentionDays: 200 } }),
  );
  await ext.context.addInitScript(() => {
    const area = (globalThis as { chrome?: { storage?: { managed?: { get: unknown } } } }).chrome?.storage
      ?.managed;
    if (!area) return;
    const policy = { enforcement: { jira: 'off', zendesk: 'block', trello: 'block' }, retentionDays: 30 };
    area.get = (...args: unknown[]) => {
      const callback = args.find((arg) => typeof arg === 'function') as ((v: unknown) => void) | undefined;
      if (!callback) return Promise.resolve(policy);
      callback(policy);
      return undefined;
    };
  });
  const options = await openOptions(ext, page);
  await expect(options.getByText('Your administrator manages some of these settings.')).toBeVisible();
  const enforcement = options.getByRole('region', { name: 'Enforcement per site' });
  await expect(enforcement.getByText('Set by your administrator')).toBeVisible();
  const jiraOff = enforcement
    .getByRole('radiogroup', { name: 'Jira' })
    .getByRole('radio', { name: 'Off', exact: true });
  await expect(jiraOff).toBeChecked();
  await expect(jiraOff).toBeDisabled();
  const data = options.getByRole('region', { name: 'Your data' });
  await expect(data.getByText('Set by your administrator')).toBeVisible();
  await expect(data.getByLabel('Keep metrics for (days)')).toBeDisabled();
  await expect(data.getByLabel('Keep metrics for (days)')).toHaveValue('30');

  const trello = options.getByRole('region', { name: 'Trello handoff rules' });
  await expect(trello.getByText('Set by your administrator')).toHaveCount(0);
  await trello.getByLabel('Joining a card yourself').check();
  await expect(trello.getByRole('status')).toHaveText('Saved. Open tabs use it right away.');
  const settings = await stored<{
    enforcement: object;
    retentionDays: number;
    trello: { joinSelf: boolean };
  }>(ext, 'settings');
  expect(settings?.trello.joinSelf).toBe(true);
  expect(settings?.enforcement).toEqual({ jira: 'remind' });
  expect(settings?.retentionDays).toBe(200);
});

test('a Korean browser shows the checklist and the options page in Korean', async ({ server }) => {
  server.reset();
  server.clearRequests();
  const ext = await launchWithExtension({ hostPort: server.port, lang: 'ko' });
  try {
    const page = ext.context.pages()[0] ?? (await ext.context.newPage());
    await page.goto(ISSUE);
    await reassignToBob(page);
    const dialog = checklist(page, '인수인계 체크리스트');
    await expect(dialog).toBeVisible();
    for (const label of [
      '이관 사유',
      '현재 상황',
      '고객 및 영향도',
      '지금까지 한 조치',
      '인수자가 할 다음 조치',
      '고객에게 안내한 내용',
      '미해결 질문과 위험',
      '관련 링크',
    ]) {
      await expect(dialog.getByLabel(label, { exact: true }), label).toBeVisible();
    }
    await expect(dialog.getByLabel('이관 사유', { exact: true }).locator('option')).toContainText([
      '선택…',
      '상위 지원 요청',
      '다른 전문성 필요',
    ]);
    await expect(dialog.getByRole('button', { name: '인수인계 완료' })).toBeVisible();
    await dialog.getByRole('button', { name: '취소' }).click();
    await expect(dialog).toBeHidden();
    expect(reassignRequests(server)).toHaveLength(0);

    const options = await openOptions(ext, page);
    await expect(options).toHaveTitle('Baton 설정');
    await expect(options.locator('html')).toHaveAttribute('lang', 'ko');
    await expect(options.getByRole('heading', { level: 1 })).toHaveText('Baton 설정');
    const templates = options.getByRole('region', { name: '체크리스트 템플릿' });
    await expect(templates.getByRole('button', { name: '서비스 인수인계' })).toBeVisible();
    await expect(templates.getByRole('group', { name: '항목 1: 이관 사유' })).toBeVisible();
    await expect(templates.getByRole('button', { name: '템플릿 저장' })).toBeVisible();
    const jira = options
      .getByRole('region', { name: '사이트별 적용 방식' })
      .getByRole('radiogroup', { name: 'Jira' });
    await expect(jira.getByRole('radio', { name: '차단' })).toBeChecked();
    await expect(options.getByRole('region', { name: 'Trello 인수인계 규칙' })).toBeVisible();
    await expect(options.getByRole('button', { name: 'CSV로 내보내기' })).toBeVisible();
  } finally {
    await ext.context.close();
  }
});
