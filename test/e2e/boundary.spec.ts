import { request } from 'node:https';
import type { Page } from '@playwright/test';
import type { HostServer } from './fixtures/host-server.ts';
import {
  checklist,
  chooseJiraAssignee,
  commentRequests,
  expect,
  fillChecklist,
  pageApi,
  reassignRequests,
  test,
} from './support/fixtures.ts';

// The host page is untrusted (issue 16): what a page script can do to Baton's channel between its two
// worlds, to its checklist frame, and to the timing Baton relies on.

const ISSUE = 'https://acme.atlassian.net/browse/ACME-1';
const BOB = '5b10ac8d82e05b22cc7d4ef5';

/**
 * A page script that replaces every built-in a MessagePort passes through and keeps each port it sees.
 * The page runs it first thing in <head> (before Baton's handover message is delivered) and again later.
 */
function patchBuiltins(): void {
  const page = window as unknown as { __stolen?: MessagePort[]; __own?: MessagePort[]; __seen?: unknown[] };
  page.__stolen ??= [];
  page.__own ??= [];
  page.__seen ??= [];
  const { __stolen: stolen, __own: own, __seen: seen } = page;
  // Ports of the page's own channels (React's scheduler has one) are not Baton's.
  const note = (thing: unknown) => {
    if (thing instanceof MessagePort && !own.includes(thing) && !stolen.includes(thing)) stolen.push(thing);
  };
  const noteData = (data: unknown) => {
    const kind = (data as { kind?: unknown } | null)?.kind;
    if (
      typeof kind === 'string' &&
      ['held', 'answered', 'ack', 'release', 'fail', 'hello', 'pass', 'passed', 'unpass'].includes(kind)
    ) {
      seen.push(data);
    }
  };
  const noteAll = (things: unknown) => {
    if (things && typeof things === 'object' && Symbol.iterator in things) {
      for (const thing of things as Iterable<unknown>) note(thing);
    }
  };
  const portPost = MessagePort.prototype.postMessage;
  MessagePort.prototype.postMessage = function (this: MessagePort, ...args: [unknown]) {
    note(this);
    noteData(args[0]);
    return portPost.apply(this, args);
  };
  const onmessage = Object.getOwnPropertyDescriptor(MessagePort.prototype, 'onmessage');
  Object.defineProperty(MessagePort.prototype, 'onmessage', {
    configurable: true,
    get(this: MessagePort) {
      note(this);
      return onmessage?.get?.call(this);
    },
    set(this: MessagePort, handler: unknown) {
      note(this);
      onmessage?.set?.call(this, handler);
    },
  });
  for (const name of ['data', 'ports', 'target', 'currentTarget'] as const) {
    const getter =
      Object.getOwnPropertyDescriptor(MessageEvent.prototype, name)?.get ??
      Object.getOwnPropertyDescriptor(Event.prototype, name)?.get;
    Object.defineProperty(MessageEvent.prototype, name, {
      configurable: true,
      get(this: MessageEvent) {
        const value = getter?.call(this);
        note(value);
        noteAll(value);
        if (name === 'data') noteData(value);
        return value;
      },
    });
  }
  const add = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (this: EventTarget, ...args) {
    note(this);
    return add.apply(this, args);
  };
  const windowPost = window.postMessage;
  window.postMessage = function (this: Window, ...args: unknown[]) {
    noteAll(args[2]);
    noteAll((args[1] as { transfer?: unknown } | undefined)?.transfer);
    return windowPost.apply(this, args as never);
  } as Window['postMessage'];
  const Channel = window.MessageChannel;
  window.MessageChannel = class extends Channel {
    constructor() {
      super();
      own.push(this.port1, this.port2);
    }
  };
  add.call(window, 'message', (event) => noteAll((event as MessageEvent).ports), { capture: true });
}

function withoutEncoding(headers: Record<string, string>): Record<string, string> {
  const { 'accept-encoding': _, ...rest } = headers;
  return rest;
}

/** The replica's page as the browser would get it (Playwright's own requests do not use its host mapping). */
function replicaPage(server: HostServer, url: URL, headers: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const asked = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: url.pathname,
        headers: { ...withoutEncoding(headers), host: url.host },
        rejectUnauthorized: false,
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          body += chunk;
        });
        response.on('end', () => resolve(body));
      },
    );
    asked.on('error', reject);
    asked.end();
  });
}

/** Opens the issue with the patching script first in <head>, before the page's own scripts. */
async function openPatchedIssue(page: Page, server: HostServer): Promise<void> {
  await page.route(ISSUE, async (route) => {
    const html = await replicaPage(server, new URL(ISSUE), await route.request().allHeaders());
    const script = `<script>(${patchBuiltins.toString()})()</script>`;
    await route.fulfill({ contentType: 'text/html', body: html.replace('<head>', `<head>${script}`) });
  });
  await page.goto(ISSUE);
}

/** Forges what a page holding a port would send: a held request for another ticket. */
function forgeHeld(page: Page): Promise<number> {
  return page.evaluate(
    (net) => {
      const held = {
        kind: 'held',
        id: crypto.randomUUID(),
        method: 'PUT',
        url: `${location.origin}/rest/api/3/issue/ACME-2/assignee`,
        match: { tickets: ['ACME-2'], toId: net.bob },
      };
      const stolen = (window as unknown as { __stolen: MessagePort[] }).__stolen;
      for (const port of stolen) port.postMessage(held);
      // A port of its own, handed over the way Baton's MAIN script hands its port over.
      const channel = new MessageChannel();
      window.postMessage({ baton: net.handover }, '*', [channel.port2]);
      channel.port1.postMessage({ kind: 'hello' });
      channel.port1.postMessage(held);
      return stolen.length;
    },
    { bob: BOB, handover: 'baton:net-port' },
  );
}

test('a page that replaces the port built-ins before and after Baton starts gets no port, and opens no checklist', async ({
  page,
  server,
}) => {
  await openPatchedIssue(page, server);
  await page.evaluate(patchBuiltins);
  const result = pageApi(page, '__jiraReplica', 'PUT', '/rest/api/3/issue/ACME-1/assignee', {
    accountId: BOB,
  });
  const dialog = checklist(page);
  await expect(dialog).toContainText('ACME-1');
  const taken = await page.evaluate(() => {
    const { __stolen, __seen } = window as unknown as { __stolen: unknown[]; __seen: unknown[] };
    return { ports: __stolen.length, messages: __seen };
  });
  expect(taken).toEqual({ ports: 0, messages: [] });

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect((await result).status).toBe(0);
  expect(await forgeHeld(page)).toBe(0);
  // Long enough for a forged hold to have opened its dialog (the checklist shows within 150 ms).
  await page.waitForTimeout(1500);
  await expect(page.locator('iframe[data-baton="checklist"]')).toHaveCount(0);
  expect(reassignRequests(server)).toHaveLength(0);
  expect(commentRequests(server)).toHaveLength(0);
});

test('a 3 s long task right after a reassign request still gets the checklist, and the request waits for it', async ({
  page,
  server,
}) => {
  await page.goto(ISSUE);
  await expect(page.getByTestId('issue.views.field.user.assignee')).toBeVisible();
  const result = page.evaluate((bob) => {
    const replica = (
      window as unknown as {
        __jiraReplica: { api(m: string, p: string, b: unknown): Promise<{ status: number }> };
      }
    ).__jiraReplica;
    const sent = replica.api('PUT', '/rest/api/3/issue/ACME-1/assignee', { accountId: bob });
    // Once Baton's net has the request (a few microtasks in), the page re-renders for 3 s.
    let ticks = Promise.resolve();
    for (let i = 0; i < 20; i++) ticks = ticks.then(() => undefined);
    void ticks.then(() => {
      const end = performance.now() + 3000;
      while (performance.now() < end) {
        // busy, as a page re-rendering a large view is
      }
    });
    return sent;
  }, BOB);
  const dialog = checklist(page);
  await expect(dialog).toContainText('ACME-1');
  expect(reassignRequests(server)).toHaveLength(0);
  await fillChecklist(dialog);
  await dialog.getByRole('button', { name: 'Complete handoff' }).click();
  expect((await result).status).toBe(204);
  const comments = commentRequests(server);
  const reassigns = reassignRequests(server);
  expect(reassigns).toHaveLength(1);
  expect(comments[0]?.seq).toBeLessThan(reassigns[0]?.seq ?? 0);
});

test('a 4 s long task while the checklist is open leaves it open, and the held request waits for it', async ({
  page,
  server,
}) => {
  await page.goto(ISSUE);
  const result = pageApi(page, '__jiraReplica', 'PUT', '/rest/api/3/issue/ACME-1/assignee', {
    accountId: BOB,
  });
  const dialog = checklist(page);
  await expect(dialog).toContainText('ACME-1');
  await page.evaluate(() => {
    const end = performance.now() + 4000;
    while (performance.now() < end) {
      // busy, as a page re-rendering a large view is
    }
  });
  await fillChecklist(dialog);
  await dialog.getByRole('button', { name: 'Complete handoff' }).click();
  expect((await result).status).toBe(204);
  expect(reassignRequests(server)).toHaveLength(1);
  expect(commentRequests(server)).toHaveLength(1);
});

test("Baton's pages cannot be probed at their fixed extension address, and its own checklist frame still loads", async ({
  ext,
  page,
  server,
}) => {
  await page.goto(ISSUE);
  const probe = (path: string) =>
    page.evaluate(
      (url) =>
        fetch(url).then(
          (response) => response.status,
          () => 'failed',
        ),
      `chrome-extension://${ext.extensionId}/${path}`,
    );
  expect(await probe('checklist.html')).toBe('failed');
  expect(await probe('receiver.html')).toBe('failed');
  const result = pageApi(page, '__jiraReplica', 'PUT', '/rest/api/3/issue/ACME-1/assignee', {
    accountId: BOB,
  });
  const dialog = checklist(page);
  await expect(dialog).toContainText('ACME-1');
  const src = (await page.locator('iframe[data-baton="checklist"]').getAttribute('src')) ?? '';
  expect(src).toMatch(/^chrome-extension:\/\/[0-9a-f-]{36}\/checklist\.html$/);
  expect(src).not.toContain(ext.extensionId);
  await fillChecklist(dialog);
  await dialog.getByRole('button', { name: 'Complete handoff' }).click();
  expect((await result).status).toBe(204);
  expect(reassignRequests(server)).toHaveLength(1);
});

test('a page posting a fake "show this hold" to the standby checklist frame changes nothing; the real hold shows and completes', async ({
  page,
  server,
}) => {
  await page.goto(ISSUE);
  // The first use of the page loads the next checklist frame ahead, hidden.
  await page.mouse.move(10, 10);
  const standby = page.locator('iframe[data-baton="checklist-standby"]');
  await expect(standby).toHaveCount(1);
  await expect.poll(() => page.frames().some((frame) => frame.url().endsWith('/checklist.html'))).toBe(true);
  await page.waitForTimeout(500);
  await page.evaluate(() => {
    const frame = document.querySelector<HTMLIFrameElement>('iframe[data-baton="checklist-standby"]');
    for (const message of [
      { baton: 'baton:checklist-show', holdId: 'forged-hold' },
      { baton: 'baton:checklist-show' },
    ]) {
      frame?.contentWindow?.postMessage(message, '*');
    }
    // And as if the frame had reported itself ready, to the content script.
    window.postMessage({ baton: 'baton:checklist-frame', frameId: 1 }, '*');
  });
  await page.waitForTimeout(1000);
  await expect(standby).toHaveCount(1);
  await expect(standby).toHaveCSS('visibility', 'hidden');

  await chooseJiraAssignee(page, 'Bob Chen');
  const dialog = checklist(page);
  await expect(dialog).toContainText('ACME-1');
  await expect(dialog).toContainText('Bob Chen');
  await fillChecklist(dialog);
  await dialog.getByRole('button', { name: 'Complete handoff' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => server.jira.issue('ACME-1')?.assigneeId).toBe(BOB);
  expect(commentRequests(server)[0]?.seq).toBeLessThan(reassignRequests(server)[0]?.seq ?? 0);
});
