// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { HandoffContext } from '../../../lib/checklist/context';
import { readyMessage } from '../../../lib/checklist/frame-protocol';
import type { SiteAdapter } from '../../../lib/guard/adapter';
import { startGuard } from '../../../lib/guard/guard';
import { liveSettings } from '../../../lib/guard/live-settings';
import { ContentScriptContext } from '../../../lib/host-page/page-context';
import { answerAsksWith } from '../support/ask-port';
import { useLocale } from '../support/i18n';
import { slowManagedStorage } from '../support/slow-managed';

// The first reassign after a browser start: managed storage answers only seconds later, so the guard
// acts on what it knows (here: no policy ever seen, so the safe defaults, which block) and follows the
// administrator's policy when it arrives. A policy that turns the site off lets the held reassign go as
// if Baton had been off. And a reassign whose context the page reads further (the adapter's enrich)
// opens its dialog at once, with what the page shows, and completes the hold's context when read.

const context: HandoffContext = {
  site: 'jira',
  ticketKey: 'ACME-1',
  url: 'https://acme.atlassian.net/browse/ACME-1',
  at: '2026-12-07T03:00:00.000Z',
};

let replayed: number;
let sent: { type: string; holdId?: string }[];
let ctx: ContentScriptContext;

/** An adapter for a page with one button that reassigns ACME-1, reading the rest of its context with `enrich`. */
function adapter(enrich?: () => Promise<HandoffContext>): SiteAdapter {
  return {
    id: 'jira',
    recognize(event) {
      const target = event.target;
      if (!(target instanceof Element) || target.id !== 'assign') return null;
      if (event.type !== 'click') return event.type === 'pointerover' ? null : 'part-of-commit';
      return {
        tickets: ['ACME-1'],
        context,
        replay: () => {
          replayed += 1;
        },
        landed: async () => true,
        ...(enrich ? { enrich } : {}),
      };
    },
    describeRequest: async () => context,
    postComment: async () => ({ ok: true }),
    hasComment: async () => false,
    missingElements: () => null,
  };
}

const checklistFrame = () => document.querySelector('iframe[data-baton="checklist"]');

/** The frame's page, loaded, tells its parent its frame id, as checklist.html does from Baton's origin. */
async function frameLoads(): Promise<void> {
  await vi.waitFor(() => expect(checklistFrame()).not.toBeNull());
  const frame = checklistFrame() as HTMLIFrameElement;
  window.dispatchEvent(
    new MessageEvent('message', {
      data: readyMessage(5),
      source: frame.contentWindow,
      origin: `chrome-extension://${fakeBrowser.runtime.id}`,
    }),
  );
}

function reassign(): void {
  const button = document.getElementById('assign') as HTMLButtonElement;
  for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup']) {
    button.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true }));
  }
  button.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
}

beforeEach(() => {
  fakeBrowser.reset();
  useLocale('en');
  replayed = 0;
  sent = [];
  document.body.innerHTML = '<button id="assign">Assign to Bob</button>';
  answerAsksWith(async (message) => {
    sent.push(message as { type: string; holdId?: string });
    return { ok: true };
  });
  // happy-dom has no idle callbacks: the page is idle at once.
  vi.stubGlobal('requestIdleCallback', (callback: IdleRequestCallback) =>
    setTimeout(() => callback({ didTimeout: false, timeRemaining: () => 50 }), 0),
  );
  vi.stubGlobal('cancelIdleCallback', (id: number) => clearTimeout(id));
  // The extension is there (an orphaned content script finds no manifest and stands down).
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 3,
    name: 'Baton',
    version: '0.1.0',
  });
  ctx = new ContentScriptContext();
});

afterEach(() => {
  ctx.notifyInvalidated();
  document.querySelectorAll('iframe').forEach((frame) => {
    frame.remove();
  });
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('the guard, when the administrator’s policy arrives after the first reassign', () => {
  it('holds the reassign without waiting for the policy, then lets it go as if off when the policy turns the site off', async () => {
    const answer = slowManagedStorage();
    startGuard(ctx, adapter(), liveSettings());
    reassign();
    await frameLoads();
    await vi.waitFor(() => expect(sent.map((m) => m.type)).toContain('hold:open'));
    expect(checklistFrame()).not.toBeNull();
    expect(replayed).toBe(0);

    answer({ enforcement: { jira: 'off' } });
    await vi.waitFor(() => expect(replayed).toBe(1));
    expect(checklistFrame()).toBeNull();
    const holdId = sent.find((m) => m.type === 'hold:open') as { held?: { id: string } };
    await vi.waitFor(() => expect(sent.at(-1)).toEqual({ type: 'hold:off', holdId: holdId.held?.id }));
  });

  it('keeps the checklist when the policy that arrives leaves the site guarded', async () => {
    const answer = slowManagedStorage();
    startGuard(ctx, adapter(), liveSettings());
    reassign();
    await frameLoads();
    await vi.waitFor(() => expect(sent.map((m) => m.type)).toContain('hold:open'));
    answer({ enforcement: { zendesk: 'off', jira: 'remind' } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(replayed).toBe(0);
    expect(checklistFrame()).not.toBeNull();
    expect(sent.map((m) => m.type)).toEqual(['hold:open']);
  });

  it('with the site off in the policy last seen, lets the first reassign through at once', async () => {
    await fakeBrowser.storage.local.set({ policyCache: { enforcement: { jira: 'off' } } });
    slowManagedStorage();
    startGuard(ctx, adapter(), liveSettings());
    reassign();
    await vi.waitFor(() => expect(replayed).toBe(1));
    expect(checklistFrame()).toBeNull();
    expect(sent).toEqual([]);
  });
});

describe('the guard, while the page reads the rest of a context', () => {
  it('opens the dialog with what the page shows, then gives the hold the context the page read meanwhile', async () => {
    await fakeBrowser.storage.local.set({ policyCache: { enforcement: { jira: 'block' } } });
    let read: (context: HandoffContext) => void = () => undefined;
    const reading = new Promise<HandoffContext>((resolve) => {
      read = resolve;
    });
    startGuard(
      ctx,
      adapter(() => reading),
      liveSettings(),
    );
    reassign();
    await frameLoads();
    await vi.waitFor(() => expect(sent.map((m) => m.type)).toEqual(['hold:open']));
    expect(sent[0]).toMatchObject({ contextPending: true, held: { context: { ticketKey: 'ACME-1' } } });
    expect(JSON.stringify(sent[0])).not.toContain('acc-bob');

    read({ ...context, to: { id: 'acc-bob', name: 'Bob Chen' } });
    const holdId = (sent[0] as { held?: { id: string } }).held?.id;
    await vi.waitFor(() => expect(sent.map((m) => m.type)).toEqual(['hold:open', 'hold:context']));
    expect(sent[1]).toMatchObject({ holdId, context: { to: { id: 'acc-bob', name: 'Bob Chen' } } });
    expect(replayed).toBe(0);
  });
});
