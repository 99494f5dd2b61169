import { browser } from 'wxt/browser';
import { isOwnPage } from '../extension-origin';
import { type Envelope, parseEnvelope } from '../messaging';
import { healthItem } from '../storage/items';
import { refreshBadge } from './badge';
import {
  cancelHold,
  completeContext,
  completeHold,
  dropHoldTurnedOff,
  findMine,
  finishCompleted,
  openHold,
  releaseWithoutComment,
  saveDraft,
  skipHold,
} from './handoffs';
import { getHistory } from './history';
import { clearData, saveSettings, saveTemplates } from './options';
import { discardOutboxEntry, retryOutboxEntry } from './outbox-retry';
import { actOnBanner, getBanner, showReceived } from './receiver';

// Routes every message to its handler after checking who sent it: host pages' content scripts may
// only open holds and report health; only the checklist page may read drafts or complete a hold.

interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

const CONTENT_MESSAGES = new Set<Envelope['type']>([
  'hold:open',
  'hold:context',
  'hold:done',
  'hold:off',
  'health:report',
  'receiver:show',
]);
// Only the receiver banner page may post a reply or dismiss a banner.
const RECEIVER_PAGE_MESSAGES = new Set<Envelope['type']>(['receiver:get', 'receiver:act']);
const CHECKLIST_MESSAGES = new Set<Envelope['type']>([
  'checklist:frame',
  'hold:mine',
  'hold:history',
  'draft:save',
  'hold:complete',
  'hold:cancel',
  'hold:release-anyway',
  'hold:skip',
]);
const OPTIONS_MESSAGES = new Set<Envelope['type']>(['settings:save', 'templates:save', 'data:clear']);
const POPUP_MESSAGES = new Set<Envelope['type']>(['outbox:retry', 'outbox:discard']);

function fromChecklistPage(sender: Sender): boolean {
  return fromPage(sender, '/checklist.html');
}

function fromPage(sender: Sender, page: string): boolean {
  return sender.id === browser.runtime.id && isOwnPage(sender.url, page);
}

function fromContentScript(sender: Sender): boolean {
  const url = sender.url ?? '';
  return sender.id === browser.runtime.id && sender.tab?.id !== undefined && url.startsWith('https:');
}

async function handlePage(message: Envelope, sender: Sender): Promise<unknown> {
  if (OPTIONS_MESSAGES.has(message.type) && !fromPage(sender, '/options.html')) return undefined;
  // The popup's outbox is also shown on the options page.
  if (
    POPUP_MESSAGES.has(message.type) &&
    !fromPage(sender, '/popup.html') &&
    !fromPage(sender, '/options.html')
  ) {
    return undefined;
  }
  switch (message.type) {
    case 'settings:save':
      return saveSettings(message);
    case 'templates:save':
      return saveTemplates(message);
    case 'data:clear':
      return clearData(message);
    case 'outbox:retry':
      return retryOutboxEntry(message);
    case 'outbox:discard':
      return discardOutboxEntry(message);
    default:
      return undefined;
  }
}

async function handle(message: Envelope, sender: Sender): Promise<unknown> {
  if (OPTIONS_MESSAGES.has(message.type) || POPUP_MESSAGES.has(message.type))
    return handlePage(message, sender);
  const tabId = sender.tab?.id;
  if (tabId === undefined) return undefined;
  if (CONTENT_MESSAGES.has(message.type) && !fromContentScript(sender)) return undefined;
  if (CHECKLIST_MESSAGES.has(message.type) && !fromChecklistPage(sender)) return undefined;
  if (RECEIVER_PAGE_MESSAGES.has(message.type) && !fromPage(sender, '/receiver.html')) return undefined;
  switch (message.type) {
    case 'hold:open':
      return openHold(message, tabId, sender.frameId ?? 0);
    case 'hold:context':
      return completeContext(message, tabId, sender.frameId ?? 0);
    case 'hold:done':
      return finishCompleted(message.holdId, tabId);
    case 'hold:off':
      return dropHoldTurnedOff(message, tabId);
    case 'health:report':
      await healthItem.update((health) => ({
        ...health,
        [message.site]: { missing: message.missing, at: Date.now() },
      }));
      await refreshBadge().catch(() => undefined);
      return { ok: true };
    case 'receiver:show':
      return showReceived(message, tabId, sender.url ?? '');
    case 'receiver:get':
      return getBanner(message, tabId);
    case 'receiver:act':
      return actOnBanner(message, tabId);
    case 'checklist:frame':
      return { frameId: sender.frameId ?? 0, tabId };
    case 'hold:mine':
      return findMine(tabId, sender.frameId ?? 0);
    case 'hold:history':
      return getHistory(message, tabId);
    case 'draft:save':
      return saveDraft(message, tabId);
    case 'hold:complete':
      return completeHold(message, tabId);
    case 'hold:cancel':
      return cancelHold(message, tabId);
    case 'hold:release-anyway':
      return releaseWithoutComment(message, tabId);
    case 'hold:skip':
      return skipHold(message, tabId);
    default:
      return undefined;
  }
}

export function routeMessage(raw: unknown, sender: Sender): Promise<unknown> | undefined {
  const message = parseEnvelope(raw);
  return message ? handle(message, sender) : undefined;
}
