import { browser } from 'wxt/browser';
import { type HandsSummary, handsChanged } from '../history/hands';
import { type HandsChange, type TicketHistory, ticketHistorySchema } from '../history/ticket-history';
import type { Request, Response } from '../messaging';
import { isSiteId, SITES, type SiteId } from '../sites/registry';
import type { SiteRecord } from '../sites/site-record';
import { effectiveSettings } from '../storage/effective-settings';
import { HOST_COUNTS_LIMIT, type Hold, holdsItem, hostCountsItem } from '../storage/items';
import type { Settings } from '../storage/settings';

// The ticket's story at the moment of handoff (issue 18). Once the checklist shows, its page asks for
// the history; the background puts the site's history script into the tab (only then, never on every
// page), which reads it with the user's session. What comes back is checked, reduced to a count and
// names, kept with the hold (for the comment's line) and with the ticket (for the popup). A read that
// fails, or takes too long, shows nothing.

const HISTORY_TIMEOUT_MS = 10_000;

/** Reads under way, by hold: the page may ask again (a re-render) while the first read runs. */
const reading = new Map<string, Promise<HandsSummary | null>>();

async function readFromTab(hold: Hold, site: SiteId): Promise<TicketHistory | null> {
  const target = { tabId: hold.tabId, frameIds: [hold.frameId] };
  await browser.scripting.executeScript({ target, files: [`/history-${site}.js`] });
  const [injected] = await browser.scripting.executeScript({
    target,
    func: (ticketKey: string) => globalThis.batonHistory?.(ticketKey) ?? null,
    args: [hold.held.context.ticketKey],
  });
  const parsed = ticketHistorySchema.safeParse(injected?.result);
  return parsed.success ? parsed.data : null;
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T | null> {
  return Promise.race([work, new Promise<null>((resolve) => setTimeout(() => resolve(null), ms))]);
}

/** Which changes count on this site, as its record says (Trello: a card moved only into a handoff list). */
export function countable(site: SiteId, settings: Settings): (change: HandsChange) => boolean {
  const counts = (SITES[site] as SiteRecord).countsInHistory;
  return counts ? (change) => counts(change, settings) : () => true;
}

async function noteHostCount(hold: Hold, count: number, now: number): Promise<void> {
  const { site, ticketKey, url } = hold.held.context;
  const key = `${site}|${new URL(url).origin}|${ticketKey}`;
  await hostCountsItem.update((counts) => {
    const kept = Object.entries({ ...counts, [key]: { site, ticketKey, url, count, at: now } })
      .sort(([, a], [, b]) => b.at - a.at)
      .slice(0, HOST_COUNTS_LIMIT);
    return Object.fromEntries(kept);
  });
}

async function readHands(holdId: string, hold: Hold): Promise<HandsSummary | null> {
  const site = hold.held.site;
  if (!isSiteId(site)) return null;
  const history = await withTimeout(
    readFromTab(hold, site).catch(() => null),
    HISTORY_TIMEOUT_MS,
  );
  if (!history) return null;
  const now = Date.now();
  const { settings } = await effectiveSettings();
  const hands = handsChanged(history, { now, countable: countable(site, settings) });
  await holdsItem.update((holds) => {
    const current = holds[holdId];
    return current ? { ...holds, [holdId]: { ...current, hands } } : holds;
  });
  await noteHostCount(hold, hands?.count ?? 0, now).catch(() => undefined);
  return hands;
}

export async function getHistory(
  request: Request<'hold:history'>,
  tabId: number,
): Promise<Response<'hold:history'>> {
  const hold = (await holdsItem.get())[request.holdId];
  if (!hold || hold.tabId !== tabId) return { found: false };
  let hands: HandsSummary | null | undefined = hold.hands;
  if (hands === undefined) {
    let running = reading.get(request.holdId);
    if (!running) {
      running = readHands(request.holdId, hold).finally(() => reading.delete(request.holdId));
      reading.set(request.holdId, running);
    }
    hands = await running;
  }
  return hands ? { found: true, hands } : { found: false };
}
