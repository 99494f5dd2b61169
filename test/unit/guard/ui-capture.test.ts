// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HandoffContext } from '../../../lib/checklist/context';
import type { RecognizedAction, SiteAdapter } from '../../../lib/guard/adapter';
import { captureUi } from '../../../lib/guard/ui-capture';
import type { ContentScriptContext } from '../../../lib/host-page/page-context';
import {
  type FakeHolds,
  type FakeLink,
  fakeFrames,
  fakeHolds,
  fakeLink,
  liveContext,
  settingsWith,
} from '../support/guard-parts';

// A reassign made in the host's UI: stopped before the host sees it, and replayed once Baton allows it,
// after the network net has been told about the request the replay makes.

const context: HandoffContext = {
  site: 'trello',
  ticketKey: 'AbCd',
  url: 'https://trello.com/c/AbCd',
  at: '2026-12-07T03:00:00.000Z',
};

let ctx: ContentScriptContext;
let log: string[];
let link: FakeLink;
let holds: FakeHolds;
let hostSaw: number;

function adapter(action: Partial<RecognizedAction> = {}): SiteAdapter {
  return {
    id: 'trello',
    recognize(event) {
      if (!(event.target instanceof Element) || event.target.id !== 'assign') return null;
      if (event.type !== 'click') return 'part-of-commit';
      return {
        tickets: ['AbCd'],
        context,
        replay: () => {
          log.push('replay');
        },
        ...action,
      };
    },
    describeRequest: async () => context,
    postComment: async () => ({ ok: true }),
    hasComment: async () => false,
    missingElements: () => null,
  };
}

function start(site: SiteAdapter, enforcement: 'block' | 'off' = 'block', frames = fakeFrames()) {
  captureUi({
    ctx,
    adapter: site,
    settings: settingsWith(enforcement),
    enforced: () => enforcement !== 'off',
    holds,
    frames,
    link,
  });
}

function click(): void {
  const button = document.getElementById('assign') as HTMLButtonElement;
  button.dispatchEvent(new MouseEvent('pointerdown', { bubbles: true, cancelable: true }));
  button.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
}

beforeEach(() => {
  ctx = liveContext();
  log = [];
  link = fakeLink(log);
  holds = fakeHolds(log);
  hostSaw = 0;
  document.body.innerHTML = '<button id="assign">Assign</button>';
  document.getElementById('assign')?.addEventListener('click', () => {
    hostSaw += 1;
  });
});

afterEach(() => {
  ctx.notifyInvalidated();
  vi.restoreAllMocks();
});

describe('a reassign in the host’s UI', () => {
  it('starts loading its checklist frame on the press, not when the page is next idle', () => {
    const frames = fakeFrames();
    start(adapter(), 'block', frames);
    document.body.dispatchEvent(new MouseEvent('pointerdown', { bubbles: true }));
    expect(frames.prepared).toBe(0);
    const button = document.getElementById('assign') as HTMLButtonElement;
    button.dispatchEvent(new MouseEvent('pointerdown', { bubbles: true, cancelable: true }));
    expect(frames.prepared).toBe(1);
  });

  it('lets a press that opens the reassign controls through to the host, with the frame loading', () => {
    const frames = fakeFrames();
    const opener = adapter();
    start(
      { ...opener, recognize: (event) => (event.type === 'pointerdown' ? 'opens-reassign' : null) },
      'block',
      frames,
    );
    const button = document.getElementById('assign') as HTMLButtonElement;
    const press = new MouseEvent('pointerdown', { bubbles: true, cancelable: true });
    button.dispatchEvent(press);
    expect(press.defaultPrevented).toBe(false);
    expect(frames.prepared).toBe(1);
    expect(log).toEqual([]);
  });

  it('is stopped before the host sees it, and a hold opens', () => {
    start(adapter());
    click();
    expect(hostSaw).toBe(0);
    expect(log).toEqual(['hold:ui']);
  });

  it('on release, tells the net about its request before the replay runs, and is done when the host answers', async () => {
    start(adapter());
    click();
    const released = holds.started[0]?.release();
    expect(log).toEqual(['hold:ui', 'net:pass', 'replay']);
    expect(link.granted[0]?.shapes).toEqual([{ tickets: ['AbCd'] }]);
    link.granted[0]?.answer(200);
    await expect(released).resolves.toEqual({ ok: true });
  });

  it('tells the adapter the action is over once it is done, cancelled, or refused and then cancelled', async () => {
    start(adapter({ settled: () => log.push('settled') }));
    click();
    const done = holds.started[0]?.release();
    link.granted[0]?.answer(204);
    await done;
    expect(log.at(-1)).toBe('settled');

    log.length = 0;
    click();
    const refused = holds.started[1]?.release();
    link.granted[1]?.answer(409);
    await expect(refused).resolves.toMatchObject({ ok: false });
    expect(log).not.toContain('settled');
    holds.started[1]?.abort();
    expect(log.at(-1)).toBe('settled');
  });

  it('tells the net what the adapter says its request looks like (a card’s other name)', async () => {
    start(adapter({ requestShapes: () => [{ tickets: ['AbCd', '5f1a'] }, { has: 'add' }] }));
    click();
    void holds.started[0]?.release();
    expect(link.granted[0]?.shapes).toEqual([{ tickets: ['AbCd', '5f1a'] }, { has: 'add' }]);
  });

  it('uses the pass granted while the comment posted, and takes it back when no release follows', async () => {
    start(adapter());
    click();
    const request = holds.started[0];
    const undo = request?.prepare?.();
    expect(log).toEqual(['hold:ui', 'net:pass']);
    const released = request?.release();
    expect(log).toEqual(['hold:ui', 'net:pass', 'replay']);
    undo?.();
    expect(link.granted[0]?.revoked).toBe(false);
    link.granted[0]?.answer(409);
    await expect(released).resolves.toEqual({ ok: false, failure: { kind: 'reassign', status: 409 } });

    request?.prepare?.()();
    expect(link.granted[1]?.revoked).toBe(true);
  });

  it('replays at once, with a pass, when the adapter’s closer look finds no handoff', async () => {
    start(adapter({ confirm: async () => false }));
    click();
    await vi.waitFor(() => expect(log).toEqual(['net:pass', 'replay']));
    expect(holds.started).toEqual([]);
  });

  it('goes straight to the host when Baton is off for the site', () => {
    start(adapter(), 'off');
    click();
    expect(hostSaw).toBe(1);
    expect(log).toEqual([]);
  });

  it('keeps a key typed on the page while the checklist is up from the host, and only then', () => {
    start(adapter());
    let hostKeys = 0;
    document.body.addEventListener('keydown', () => {
      hostKeys += 1;
    });
    const type = () => {
      const key = new KeyboardEvent('keydown', { key: 'a', bubbles: true, cancelable: true });
      document.body.dispatchEvent(key);
      return key;
    };
    expect(type().defaultPrevented).toBe(false);
    expect(hostKeys).toBe(1);
    // The checklist takes focus a frame after it is painted: Jira's "a" (assign) must not fire meanwhile.
    holds.isShowing = true;
    expect(type().defaultPrevented).toBe(true);
    expect(hostKeys).toBe(1);
    holds.isShowing = false;
    type();
    expect(hostKeys).toBe(2);
  });

  it('waits its turn while another hold is open: the dialog gets focus back', () => {
    holds.isBusy = true;
    start(adapter());
    click();
    expect(hostSaw).toBe(0);
    expect(log).toEqual(['focus']);
  });
});
