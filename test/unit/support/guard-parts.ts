import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { HandoffContext } from '../../../lib/checklist/context';
import type { Recognition, RecognizedAction, SiteAdapter } from '../../../lib/guard/adapter';
import type { ChecklistFrame } from '../../../lib/guard/checklist-frame';
import type { FramePool } from '../../../lib/guard/frame-pool';
import type { HoldRequest, Holds } from '../../../lib/guard/holds';
import type { LiveSettings } from '../../../lib/guard/live-settings';
import type { HeldRequest, MainLink, Pass } from '../../../lib/guard/main-link';
import type { RequestShape, ToMain } from '../../../lib/guard/net-protocol';
import { ContentScriptContext } from '../../../lib/host-page/page-context';

// Stand-ins for the guard's parts, so that each part is tested on its own. Each records what it was
// asked, in order, in the shared `log`.

/** The handoff the stand-in adapters are about. */
export const issueContext: HandoffContext = {
  site: 'jira',
  ticketKey: 'ACME-1',
  url: 'https://acme.atlassian.net/browse/ACME-1',
  at: '2026-12-07T03:00:00.000Z',
};

/** An adapter that recognizes nothing and whose host answers every call well, but for what is given. */
export function stubAdapter(overrides: Partial<SiteAdapter> = {}): SiteAdapter {
  return {
    id: 'jira',
    recognize: () => null,
    describeRequest: async () => issueContext,
    postComment: async () => ({ ok: true }),
    hasComment: async () => false,
    missingElements: () => null,
    ...overrides,
  };
}

/** A page context whose extension is there (an orphaned content script finds no manifest and stands down). */
export function liveContext(): ContentScriptContext {
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 3,
    name: 'Baton',
    version: '0.1.0',
  });
  return new ContentScriptContext();
}

export function settingsWith(enforcement: 'block' | 'off'): LiveSettings {
  return {
    ready: async () => undefined,
    loaded: () => true,
    current: () => ({}) as never,
    enforcement: () => enforcement,
    onChange() {},
    stop() {},
  };
}

export interface FakeLink extends MainLink {
  sent: ToMain[];
  granted: { shapes: RequestShape[]; revoked: boolean; answer: (status: number) => void }[];
  /** Whether releaseWithPass finds a pass. */
  passFits: boolean;
}

export function fakeLink(log: string[]): FakeLink {
  const link: FakeLink = {
    sent: [],
    granted: [],
    passFits: false,
    onHeld() {},
    send(message) {
      link.sent.push(message);
      log.push(`net:${message.kind}`);
    },
    grant(shapes): Pass {
      log.push('net:pass');
      let answer: (status: number) => void = () => undefined;
      const granted = {
        shapes,
        revoked: false,
        answer: (status: number) => answer(status),
      };
      link.granted.push(granted);
      return {
        answer: new Promise<number>((resolve) => {
          answer = resolve;
        }),
        until: Date.now() + 10_000,
        revoke() {
          granted.revoked = true;
          log.push('net:unpass');
        },
      };
    },
    releaseWithPass(_held: HeldRequest) {
      if (link.passFits) log.push('net:release-with-pass');
      return link.passFits;
    },
    answerTo: () => new Promise<number>(() => undefined),
  };
  return link;
}

export interface FakeHolds extends Holds {
  started: HoldRequest[];
  isBusy: boolean;
  isShowing: boolean;
}

export function fakeHolds(log: string[]): FakeHolds {
  const holds: FakeHolds = {
    started: [],
    isBusy: false,
    isShowing: false,
    busy: () => holds.isBusy,
    showing: () => holds.isShowing,
    setDeciding(deciding) {
      holds.isBusy = deciding;
    },
    focus: () => log.push('focus'),
    async start(request) {
      holds.started.push(request);
      log.push(`hold:${request.via}`);
    },
    posting: () => null,
    release: async () => ({ ok: true }),
    abort: () => false,
    releaseIfOff() {},
    abortOpen() {},
  };
  return holds;
}

/** A frame pool that loads nothing; `prepared` counts the frames asked for at once. */
export function fakeFrames(): FramePool & { prepared: number } {
  return {
    prepared: 0,
    take: () => ({}) as ChecklistFrame,
    plan() {},
    prepareNow() {
      this.prepared += 1;
    },
    dispose() {},
  };
}

/** What an adapter recognized, when it is an action; the test fails otherwise. */
export function actionOf(recognized: Recognition): RecognizedAction {
  if (typeof recognized !== 'object' || recognized === null) throw new Error(`not an action: ${recognized}`);
  return recognized;
}
