import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';
import type { HostServer, RecordedRequest } from '../fixtures/host-server.ts';

/** The checklist frame and the dialog inside it, found as DESIGN.md §8 names them. */
export function checklistFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe[data-baton="checklist"]');
}

export function checklist(page: Page, name = 'Handoff checklist'): Locator {
  return checklistFrame(page).getByRole('dialog', { name });
}

export const GOOD_ANSWERS = {
  reason: 'Needs other expertise',
  situation: 'Customer cannot pay with saved cards since the 3.2 release.',
  impact: 'Acme Corp, all EU shoppers',
  done: 'Reproduced on staging, collected HAR files.',
  next: 'Check the tokenisation service logs for 402s.',
  told: 'We are on it, update by 5 pm.',
  risks: 'Might be the payment provider, not us.',
  links: 'https://status.example.com/incidents/42\nhttps://wiki.example.com/payments',
} as const;

export const LABELS = {
  reason: 'Reason for handoff',
  situation: 'Situation',
  impact: 'Customer and impact',
  done: 'What has been done',
  next: 'Next action for the receiver',
  told: 'What the customer was told',
  risks: 'Open questions and risks',
  links: 'Links',
} as const;

/** Fills the checklist the way a person does: choose the reason, type every text. */
export async function fillChecklist(
  dialog: Locator,
  answers: Partial<Record<keyof typeof LABELS, string>> = GOOD_ANSWERS,
): Promise<void> {
  for (const [id, value] of Object.entries(answers) as [keyof typeof LABELS, string][]) {
    const control = dialog.getByLabel(LABELS[id], { exact: true });
    if (id === 'reason') await control.selectOption({ label: value });
    else await control.fill(value);
  }
}

/**
 * Presses Escape in the dialog and sees it close on the key going down, as a person does. The key is let
 * up only once the frame is gone: Chromium's DevTools never answers a keyUp it routed to a frame that the
 * keydown removed, so `keyboard.press` hangs there now and then (about 1 in 40 on CI machines).
 */
export async function escapeChecklist(page: Page, dialog: Locator): Promise<void> {
  await page.keyboard.down('Escape');
  await expect(dialog).toBeHidden();
  await page.keyboard.up('Escape');
}

/** Requests that change a Jira assignee, in arrival order: REST edits, and the issue view's GraphQL mutation. */
export function reassignRequests(server: HostServer) {
  const rest = server
    .requests({ method: 'PUT', path: /\/rest\/api\/[23]\/issue\/[^/]+(\/assignee)?$/ })
    .filter(
      (request) =>
        request.path.endsWith('/assignee') || JSON.stringify(request.json ?? {}).includes('assignee'),
    );
  const graphQl = server
    .requests({ method: 'POST', path: /^\/gateway\/api\/graphql$/ })
    .filter((request) => request.body.includes('updateSingleSelectUserPickerField'));
  return [...rest, ...graphQl].sort((a, b) => a.seq - b.seq);
}

/** The account a Jira reassign request names (null: unassign), whichever way it was sent. */
export function reassignedTo(request: RecordedRequest | undefined): string | null | undefined {
  const body = request?.json as
    | {
        accountId?: string | null;
        fields?: { assignee?: { accountId?: string } | null };
        variables?: { input?: { operation?: { id?: string | null } } };
      }
    | undefined;
  if (!body) return undefined;
  if (body.variables) {
    const id = body.variables.input?.operation?.id;
    return id === null ? null : id?.replace(/^ari:cloud:identity::user\//, '');
  }
  if (body.fields) return body.fields.assignee === null ? null : body.fields.assignee?.accountId;
  return body.accountId;
}

export function commentRequests(server: HostServer) {
  return server.requests({ method: 'POST', path: /\/comment$/ });
}

/** Every text node of an ADF document, in order. */
export function adfText(node: unknown): string[] {
  if (!node || typeof node !== 'object') return [];
  const record = node as { type?: string; text?: string; content?: unknown[] };
  const own = record.type === 'text' && typeof record.text === 'string' ? [record.text] : [];
  return [...own, ...(record.content ?? []).flatMap(adfText)];
}

/** The ADF body of the n-th comment the server received. */
export function postedCommentBody(server: HostServer, index = 0): unknown {
  const request = commentRequests(server)[index];
  if (!request) throw new Error(`comment #${index} was never posted`);
  return (request.json as { body: unknown }).body;
}

type Replica = '__jiraReplica' | '__zendeskReplica' | '__trelloReplica';
type ReplicaCall = (method: string, path: string, body?: unknown) => Promise<{ status: number }>;

/** A request sent by the host page's own code (a script, a macro), through the replica's test hook. */
export function pageApi(
  page: Page,
  replica: Replica,
  method: string,
  path: string,
  body?: unknown,
  via: 'api' | 'apiXhr' = 'api',
): Promise<{ status: number }> {
  return page.evaluate(
    ([name, call, m, p, b]) =>
      (window as never as Record<Replica, Record<'api' | 'apiXhr', ReplicaCall>>)[name][call](m, p, b),
    [replica, via, method, path, body] as const,
  );
}
