// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type MainLink, mainLink } from '../../../lib/guard/main-link';
import { PORT_OFFER, type ToIsolated, type ToMain } from '../../../lib/guard/net-protocol';
import { ContentScriptContext } from '../../../lib/host-page/page-context';

// The isolated end of the port to the MAIN-world net: what it tells the net, and how it routes what
// the net says back. The net's end here is a plain port that records what arrives.

const HELD = '3b241101-e2bb-4255-8caf-4136c566a962';
const held = (tickets: string[]): ToIsolated & { kind: 'held' } => ({
  kind: 'held',
  id: HELD,
  method: 'PUT',
  url: 'https://acme.atlassian.net/rest/api/3/issue/ACME-1/assignee',
  match: { tickets },
});

/** Lets Node deliver the port's messages. */
async function deliver(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}

let ctx: ContentScriptContext;
let net: MessagePort;
let toNet: ToMain[];
let link: MainLink;
let decided: ToIsolated[];

beforeEach(async () => {
  // The extension is there (an orphaned content script finds no manifest and stands down).
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 3,
    name: 'Baton',
    version: '0.1.0',
  });
  ctx = new ContentScriptContext();
  link = mainLink(ctx);
  decided = [];
  link.onHeld((message) => decided.push(message));
  const channel = new MessageChannel();
  net = channel.port1;
  toNet = [];
  net.onmessage = (event) => toNet.push(event.data as ToMain);
  // The net, started after this script, offers its port on the document the two share.
  document.dispatchEvent(new MessageEvent(PORT_OFFER, { ports: [channel.port2], cancelable: true }));
  await deliver();
});

afterEach(() => {
  ctx.notifyInvalidated();
  net.close();
  vi.restoreAllMocks();
});

describe('the link to the MAIN-world net', () => {
  it('greets the net once it has the port, and takes each held request once', async () => {
    expect(toNet).toEqual([{ kind: 'hello' }]);
    net.postMessage(held(['ACME-1']));
    net.postMessage(held(['ACME-1']));
    await deliver();
    expect(decided).toHaveLength(1);
    expect(toNet.at(-1)).toEqual({ kind: 'ack', id: HELD });
  });

  it('tells the net about a pass before anything else, and hands on the answer given under it', async () => {
    const pass = link.grant([{ tickets: ['ACME-1'] }]);
    await deliver();
    const told = toNet.at(-1) as ToMain & { kind: 'pass' };
    expect(told).toMatchObject({ kind: 'pass', shapes: [{ tickets: ['ACME-1'] }], ms: 10_000 });
    net.postMessage({ kind: 'passed', id: told.id });
    net.postMessage({ kind: 'answered', id: told.id, status: 204 });
    await expect(pass.answer).resolves.toBe(204);
    // Used by the net: a request held later is not this pass's.
    expect(link.releaseWithPass(held(['ACME-1']))).toBe(false);
  });

  it('releases a request held before its pass reached the net with that pass, once, and the net forgets it', async () => {
    const pass = link.grant([{ tickets: ['ACME-1'] }]);
    await deliver();
    const passId = (toNet.at(-1) as { id: string }).id;
    expect(link.releaseWithPass(held(['ACME-2']))).toBe(false);
    expect(link.releaseWithPass(held(['ACME-1']))).toBe(true);
    expect(link.releaseWithPass(held(['ACME-1']))).toBe(false);
    await deliver();
    expect(toNet.slice(-2)).toEqual([
      { kind: 'unpass', id: passId },
      { kind: 'release', id: HELD },
    ]);
    net.postMessage({ kind: 'answered', id: HELD, status: 403 });
    await expect(pass.answer).resolves.toBe(403);
  });

  it('takes a pass back when its request will not come', async () => {
    const pass = link.grant([{ tickets: ['ACME-1'] }]);
    pass.revoke();
    await deliver();
    const passId = (toNet[1] as { id: string }).id;
    expect(toNet.at(-1)).toEqual({ kind: 'unpass', id: passId });
    expect(link.releaseWithPass(held(['ACME-1']))).toBe(false);
  });

  it('says goodbye to the net when the extension goes', async () => {
    ctx.notifyInvalidated();
    await deliver();
    expect(toNet.at(-1)).toEqual({ kind: 'bye' });
  });
});
