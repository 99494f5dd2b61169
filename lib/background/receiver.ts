import { browser } from 'wxt/browser';
import { type PostResult, type Request, type Response, sendToTab } from '../messaging';
import { RECEIVED_LIMIT, type ReceivedRecord } from '../receiver/records';
import { renderReply } from '../receiver/reply';
import { builtInSiteOf, isSiteId, SITES, type SiteId, ticketFromUrl } from '../sites/registry';
import { effectiveSettings } from '../storage/effective-settings';
import { type Banner, bannersItem, dismissedItem, receivedItem } from '../storage/received';
import { receiverFor, type Settings } from '../storage/settings';

// The receiver's side, as the background sees it: it notices a host tab showing a ticket and injects
// the receiver script there (only then, and only where the feature is on), records what the user
// received, and posts their acknowledgement or question through that tab. The single writer of the
// received records.

/** The site a tab's URL belongs to: a built-in host, else a custom host from the settings. */
function siteOfUrl(url: URL, settings: Settings): SiteId | null {
  if (url.protocol !== 'https:') return null;
  return (
    builtInSiteOf(url.hostname) ??
    settings.customHosts.find((host) => host.origin === url.origin)?.site ??
    null
  );
}

// What each tab was last checked for, so repeated update events for one page do not inject again.
// Lost when the worker stops; the script then finds the ticket already checked in that document.
const checkedTabs = new Map<number, string>();

export async function onTabUpdated(
  tabId: number,
  change: { status?: string; url?: string },
  tab: { url?: string; status?: string },
): Promise<void> {
  if (change.status === 'loading' && change.url === undefined) checkedTabs.delete(tabId);
  // A page that finished loading, or a single-page app that moved to another URL.
  const ready = change.status === 'complete' || (change.url !== undefined && tab.status === 'complete');
  if (!ready || !tab.url) return;
  const url = new URL(tab.url);
  const { settings } = await effectiveSettings();
  const site = siteOfUrl(url, settings);
  if (!site || !receiverFor(settings, site)) return;
  const ticket = ticketFromUrl(site, url);
  if (!ticket) return;
  const key = `${url.origin}|${ticket}`;
  if (checkedTabs.get(tabId) === key && change.status !== 'complete') return;
  checkedTabs.set(tabId, key);
  // The banner can wait a moment; the page's own load cannot (DESIGN.md §9: ≤ 5 ms of script time
  // added to a page load). So the script goes in once the load is well over, if the tab still shows
  // the same page.
  await new Promise((resolve) => setTimeout(resolve, RECEIVER_DELAY_MS));
  const now = await browser.tabs.get(tabId).catch(() => null);
  if (!now || now.url !== tab.url) return;
  // A tab Baton may not script (a custom host whose permission was taken back) simply gets no banner.
  await browser.scripting
    .executeScript({ target: { tabId }, files: [`/receiver-${site}.js`] })
    .catch(() => undefined);
}

/** How long after a page has loaded (or moved to another ticket) the receiver's script is injected. */
const RECEIVER_DELAY_MS = 1500;

export function forgetTab(tabId: number): void {
  checkedTabs.delete(tabId);
}

// A banner is one tab's: the same handoff may be open in two tabs.
const bannerKey = (tabId: number, handoffId: string) => `${tabId}:${handoffId}`;

const dismissKey = (banner: Pick<Banner, 'site' | 'origin' | 'ticketKey'>) =>
  `${banner.site}|${banner.origin}|${banner.ticketKey}`;

export async function showReceived(
  request: Request<'receiver:show'>,
  tabId: number,
  senderUrl: string,
): Promise<Response<'receiver:show'>> {
  if (!isSiteId(request.site)) return { show: false };
  const origin = new URL(senderUrl).origin;
  const { settings } = await effectiveSettings();
  if (siteOfUrl(new URL(senderUrl), settings) !== request.site || !receiverFor(settings, request.site)) {
    return { show: false };
  }
  const now = Date.now();
  const handoff = request.handoff;
  await receivedItem.update((records) => {
    if (records.some((record) => record.handoffId === handoff.handoffId)) return records;
    const record: ReceivedRecord = {
      handoffId: handoff.handoffId,
      site: request.site,
      origin,
      ticketKey: request.ticketKey,
      handoffAt: handoff.at,
      seenAt: now,
    };
    return [...records, record].slice(-RECEIVED_LIMIT);
  });
  const banner: Banner = {
    tabId,
    site: request.site,
    origin,
    ticketKey: request.ticketKey,
    from: handoff.from,
    at: handoff.at,
    nextAction: handoff.nextAction,
    meName: request.me.name,
    ...(request.commentFormat ? { commentFormat: request.commentFormat } : {}),
  };
  if ((await dismissedItem.get()).includes(dismissKey(banner))) return { show: false };
  await bannersItem.update((banners) => ({ ...banners, [bannerKey(tabId, handoff.handoffId)]: banner }));
  return { show: true };
}

export async function getBanner(
  request: Request<'receiver:get'>,
  tabId: number,
): Promise<Response<'receiver:get'>> {
  const banner = (await bannersItem.get())[bannerKey(tabId, request.handoffId)];
  if (!banner || banner.tabId !== tabId) return { found: false };
  return {
    found: true,
    site: banner.site,
    ticketKey: banner.ticketKey,
    from: banner.from,
    at: banner.at,
    nextAction: banner.nextAction,
  };
}

async function noteRecord(handoffId: string, change: Partial<ReceivedRecord>): Promise<void> {
  await receivedItem.update((records) =>
    records.map((record) => (record.handoffId === handoffId ? { ...record, ...change } : record)),
  );
}

async function closeBanner(handoffId: string, banner: Banner): Promise<void> {
  await bannersItem.update((banners) => {
    const { [bannerKey(banner.tabId, handoffId)]: _, ...rest } = banners;
    return rest;
  });
  await sendToTab(banner.tabId, 0, 'receiver:close', { handoffId }).catch(() => undefined);
}

export async function actOnBanner(
  request: Request<'receiver:act'>,
  tabId: number,
): Promise<Response<'receiver:act'>> {
  const banner = (await bannersItem.get())[bannerKey(tabId, request.handoffId)];
  if (!banner || banner.tabId !== tabId || !isSiteId(banner.site)) {
    return { ok: false, failure: { kind: 'lost' } };
  }
  if (request.action === 'dismiss') {
    await dismissedItem.update((keys) => [...new Set([...keys, dismissKey(banner)])].slice(-500));
    await closeBanner(request.handoffId, banner);
    return { ok: true };
  }
  if (request.action === 'question' && !request.question) return { ok: false, failure: { kind: 'lost' } };
  const t = (key: 'receiverAckComment' | 'receiverQuestionComment' | 'receiverQuestionLabel') =>
    browser.i18n.getMessage(key, [banner.meName || browser.i18n.getMessage('receiverSomeone')]);
  const body = renderReply(
    banner.commentFormat ?? SITES[banner.site].commentFormat,
    request.action === 'ack'
      ? { kind: 'ack', handoffId: request.handoffId, heading: t('receiverAckComment') }
      : {
          kind: 'question',
          handoffId: request.handoffId,
          heading: t('receiverQuestionComment'),
          label: t('receiverQuestionLabel'),
          question: request.question ?? '',
        },
  );
  const result: PostResult = await sendToTab(banner.tabId, 0, 'receiver:post', {
    handoffId: request.handoffId,
    ticketKey: banner.ticketKey,
    kind: request.action,
    body,
  }).catch((): PostResult => ({ ok: false, failure: { kind: 'no_tab' } }));
  if (!result.ok) return result;
  if (request.action === 'ack') {
    await noteRecord(request.handoffId, { ackAt: Date.now() });
    await closeBanner(request.handoffId, banner);
  } else {
    await noteRecord(request.handoffId, { questionAt: Date.now() });
  }
  return result;
}

/** The user handed a ticket on through Baton: a handoff they received there and never acknowledged was passed on. */
export async function notePassedOn(site: string, origin: string, ticketKey: string): Promise<void> {
  const now = Date.now();
  await receivedItem.update((records) =>
    records.some(
      (r) => r.site === site && r.origin === origin && r.ticketKey === ticketKey && r.ackAt === undefined,
    )
      ? records.map((record) =>
          record.site === site &&
          record.origin === origin &&
          record.ticketKey === ticketKey &&
          record.ackAt === undefined &&
          record.passedOnAt === undefined
            ? { ...record, passedOnAt: now }
            : record,
        )
      : records,
  );
}
