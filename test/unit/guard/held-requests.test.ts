// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HandoffContext } from '../../../lib/checklist/context';
import { heldRequests } from '../../../lib/guard/held-requests';
import type { HeldRequest } from '../../../lib/guard/main-link';
import type { ContentScriptContext } from '../../../lib/host-page/page-context';
import {
  type FakeHolds,
  type FakeLink,
  fakeHolds,
  fakeLink,
  issueContext,
  liveContext,
  settingsWith,
  stubAdapter,
} from '../support/guard-parts';

// A reassign request the MAIN-world net held: out at once when Baton is off or has just allowed it,
// failed while another hold is open, otherwise a hold of its own (or out, when it is no handoff).

const context = issueContext;
const held: HeldRequest = {
  kind: 'held',
  id: '3b241101-e2bb-4255-8caf-4136c566a962',
  method: 'PUT',
  url: 'https://acme.atlassian.net/rest/api/3/issue/ACME-1/assignee',
  match: { tickets: ['ACME-1'], toId: 'bob' },
};

let ctx: ContentScriptContext;
let log: string[];
let link: FakeLink;
let holds: FakeHolds;

function decide(described: Promise<HandoffContext | null>, enforcement: 'block' | 'off' = 'block') {
  const adapter = stubAdapter({ describeRequest: () => described });
  const onHeld = heldRequests({
    ctx,
    adapter,
    settings: settingsWith(enforcement),
    enforced: () => enforcement !== 'off',
    holds,
    link,
  });
  onHeld(held);
}

beforeEach(() => {
  ctx = liveContext();
  log = [];
  link = fakeLink(log);
  holds = fakeHolds(log);
});

afterEach(() => {
  ctx.notifyInvalidated();
  vi.restoreAllMocks();
});

describe('a held request', () => {
  it('opens a hold of its own; its release lets the request go, retried after a refusal', async () => {
    decide(Promise.resolve(context));
    await vi.waitFor(() => expect(log).toEqual(['hold:network']));
    void holds.started[0]?.release();
    expect(link.sent).toEqual([{ kind: 'release', id: held.id, retryable: true }]);
    holds.started[0]?.abort();
    expect(link.sent.at(-1)).toEqual({ kind: 'fail', id: held.id });
  });

  it('is released with a pass it fits, without a hold', () => {
    link.passFits = true;
    decide(Promise.resolve(context));
    expect(log).toEqual(['net:release-with-pass']);
    expect(holds.started).toEqual([]);
  });

  it('goes out when Baton is off for the site, or when the adapter finds it is no handoff', async () => {
    decide(Promise.resolve(context), 'off');
    expect(link.sent).toEqual([{ kind: 'release', id: held.id }]);
    decide(Promise.resolve(null));
    await vi.waitFor(() => expect(link.sent).toHaveLength(2));
    expect(link.sent[1]).toEqual({ kind: 'release', id: held.id });
    expect(holds.started).toEqual([]);
  });

  it('fails like a cancelled one while another hold is open, and the open dialog gets focus back', () => {
    holds.isBusy = true;
    decide(Promise.resolve(context));
    expect(link.sent).toEqual([{ kind: 'fail', id: held.id }]);
    expect(log).toContain('focus');
  });

  it('is still guarded when the adapter cannot describe it, with what the request says', async () => {
    decide(Promise.reject(new Error('offline')));
    await vi.waitFor(() => expect(holds.started).toHaveLength(1));
    expect(holds.started[0]?.tickets).toEqual(['ACME-1']);
    expect(await holds.started[0]?.context).toMatchObject({ site: 'jira', ticketKey: 'ACME-1' });
  });
});
