import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { askBackground } from '../ask-background';
import { isOwnOrigin } from '../extension-origin';
import type { PostResult } from '../messaging';
import type { ReceiverSite } from '../sites/receiver-site';
import { ticketFromUrl } from '../sites/registry';
import { handoffToShow, hasReply } from './thread';
import { parseToReceiver, receiverShowSchema, showAnswerSchema, type ToReceiver } from './to-tab';

// The receiver script: injected by the background into a host tab that shows a ticket (never loaded
// on every page). It reads the current user and the ticket's comments through the host's API and,
// only when the latest Baton handoff names this user and is not acknowledged, shows the banner (an
// extension page in an iframe). Every failure is quiet: no banner, nothing thrown into the page.

const FRAME_STYLE = [
  'position: fixed',
  'top: 16px',
  'right: 16px',
  'width: min(400px, calc(100vw - 32px))',
  'height: 180px',
  'border: 0',
  'margin: 0',
  'padding: 0',
  'z-index: 2147483646',
  'background: transparent',
  'color-scheme: normal',
  'display: block',
].join(';');

interface State {
  site: ReceiverSite;
  /** Tickets already checked in this document: the background may inject again on a SPA navigation. */
  checked: Set<string>;
  frame: { handoffId: string; ticketKey: string; element: HTMLIFrameElement } | null;
  posting: Map<string, Promise<PostResult>>;
}

declare global {
  // One state per document, shared by every injection of the script into it (same isolated world).
  var batonReceiver: State | undefined;
}

const heightMessage = z.object({ baton: z.literal('receiver-height'), height: z.number() });

function removeFrame(state: State): void {
  state.frame?.element.remove();
  state.frame = null;
}

function mountFrame(state: State, handoffId: string, ticketKey: string): void {
  removeFrame(state);
  const frame = document.createElement('iframe');
  frame.src = `${browser.runtime.getURL('/receiver.html')}#${encodeURIComponent(handoffId)}`;
  frame.title = browser.i18n.getMessage('receiverTitle');
  frame.setAttribute('data-baton', 'receiver');
  frame.setAttribute('style', FRAME_STYLE);
  // On <html> rather than <body>: single-page apps replace body content.
  document.documentElement.append(frame);
  state.frame = { handoffId, ticketKey, element: frame };
}

/** The banner page says how tall it is, so the frame covers no more of the ticket than the banner does. */
function followHeight(state: State): void {
  window.addEventListener('message', (event) => {
    const frame = state.frame?.element;
    if (!frame || event.source !== frame.contentWindow || !isOwnOrigin(event.origin)) return;
    const parsed = z.safeParse(heightMessage, event.data);
    if (parsed.success) frame.style.height = `${Math.min(Math.max(parsed.data.height, 40), 600)}px`;
  });
}

async function post(site: ReceiverSite, message: Extract<ToReceiver, { type: 'receiver:post' }>) {
  // Acknowledge lands once: a second click, a retry after a lost answer, or another tab all find it first.
  if (message.kind === 'ack') {
    const comments = await site.comments(message.ticketKey);
    if (comments === null) return { ok: false, failure: { kind: 'offline' } } satisfies PostResult;
    if (hasReply(comments, message.handoffId, 'ack')) return { ok: true } satisfies PostResult;
  }
  return site.post(message.ticketKey, message.body);
}

function listen(state: State, site: ReceiverSite): void {
  browser.runtime.onMessage.addListener((raw: unknown) => {
    const message = parseToReceiver(raw);
    if (!message) return undefined;
    if (message.type === 'receiver:close') {
      if (state.frame?.handoffId === message.handoffId) removeFrame(state);
      return Promise.resolve({ ok: true });
    }
    const key = `${message.kind}:${message.handoffId}`;
    const running = state.posting.get(key);
    if (running) return running;
    const result = post(site, message)
      .catch((): PostResult => ({ ok: false, failure: { kind: 'offline' } }))
      .finally(() => state.posting.delete(key));
    state.posting.set(key, result);
    return result;
  });
}

async function check(state: State, site: ReceiverSite, ticketKey: string): Promise<void> {
  const [me, comments] = await Promise.all([site.currentUser(), site.comments(ticketKey)]);
  if (!me || !comments) return;
  const handoff = handoffToShow(comments, me);
  if (!handoff) return;
  const from =
    handoff.from || (handoff.fromId && site.nameOf ? await site.nameOf(handoff.fromId) : null) || '';
  const request = z.parse(receiverShowSchema, {
    site: site.id,
    ticketKey,
    handoff: {
      handoffId: handoff.handoffId,
      from: from.slice(0, 200),
      at: handoff.at,
      nextAction: handoff.nextAction?.slice(0, 2000) ?? null,
    },
    me: { id: me.id.slice(0, 200), name: me.name.slice(0, 200) },
    ...(site.commentFormat ? { commentFormat: site.commentFormat } : {}),
  });
  const answer = z.parse(showAnswerSchema, await askBackground({ type: 'receiver:show', ...request }));
  // The user may have moved to another ticket while the comments loaded.
  if (answer.show && ticketFromUrl(site.id, new URL(location.href)) === ticketKey) {
    mountFrame(state, handoff.handoffId, ticketKey);
  }
}

/** Runs at every injection; the site (and its listeners) is made once per document. */
export function runReceiver(createSite: () => ReceiverSite): void {
  let state = globalThis.batonReceiver;
  if (!state) {
    state = { site: createSite(), checked: new Set(), frame: null, posting: new Map() };
    globalThis.batonReceiver = state;
    listen(state, state.site);
    followHeight(state);
  }
  const site = state.site;
  const ticketKey = ticketFromUrl(site.id, new URL(location.href));
  if (state.frame && state.frame.ticketKey !== ticketKey) removeFrame(state);
  if (!ticketKey || state.checked.has(ticketKey)) return;
  state.checked.add(ticketKey);
  // Whatever the host page is busy with goes first.
  requestIdleCallback(() => void check(state, site, ticketKey).catch(() => undefined), { timeout: 2000 });
}
