import { browser } from 'wxt/browser';
import { type Envelope, parseEnvelope } from '../messaging';
import { healthItem } from '../storage/items';
import { refreshBadge } from './badge';
import { cancelHold, completeHold, getHold, openHold, releaseWithoutComment, saveDraft } from './handoffs';

// Routes every message to its handler after checking who sent it: host pages' content scripts may
// only open holds and report health; only the checklist page may read drafts or complete a hold.

interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

const CONTENT_MESSAGES = new Set<Envelope['type']>(['hold:open', 'health:report']);
const CHECKLIST_MESSAGES = new Set<Envelope['type']>([
  'hold:get',
  'draft:save',
  'hold:complete',
  'hold:cancel',
  'hold:release-anyway',
]);

function fromChecklistPage(sender: Sender): boolean {
  return (
    sender.id === browser.runtime.id &&
    (sender.url ?? '').startsWith(browser.runtime.getURL('/checklist.html'))
  );
}

function fromContentScript(sender: Sender): boolean {
  const url = sender.url ?? '';
  return sender.id === browser.runtime.id && sender.tab?.id !== undefined && url.startsWith('https:');
}

async function handle(message: Envelope, sender: Sender): Promise<unknown> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return undefined;
  if (CONTENT_MESSAGES.has(message.type) && !fromContentScript(sender)) return undefined;
  if (CHECKLIST_MESSAGES.has(message.type) && !fromChecklistPage(sender)) return undefined;
  switch (message.type) {
    case 'hold:open':
      return openHold(message, tabId, sender.frameId ?? 0);
    case 'health:report':
      await healthItem.update((health) => ({
        ...health,
        [message.site]: { missing: message.missing, at: Date.now() },
      }));
      await refreshBadge();
      return { ok: true };
    case 'hold:get':
      return getHold(message, tabId);
    case 'draft:save':
      return saveDraft(message, tabId);
    case 'hold:complete':
      return completeHold(message, tabId);
    case 'hold:cancel':
      return cancelHold(message, tabId);
    case 'hold:release-anyway':
      return releaseWithoutComment(message, tabId);
    default:
      return undefined;
  }
}

export function routeMessage(raw: unknown, sender: Sender): Promise<unknown> | undefined {
  const message = parseEnvelope(raw);
  return message ? handle(message, sender) : undefined;
}
