import { browser } from 'wxt/browser';
import { healthItem, holdsItem } from '../storage/items';

// The toolbar badge: a held reassign on a tab shows on that tab; a site whose page elements were not
// found shows everywhere until the adapter finds them again.
const HELD_COLOR = '#0C66E4';
const WARNING_COLOR = '#E2B203';

export async function refreshBadge(): Promise<void> {
  const [holds, health] = await Promise.all([holdsItem.get(), healthItem.get()]);
  const unhealthy = Object.values(health).some((site) => site.missing.length > 0);
  await browser.action.setBadgeText({ text: unhealthy ? '!' : '' });
  await browser.action.setBadgeBackgroundColor({ color: WARNING_COLOR });
  await browser.action.setTitle({
    title: unhealthy ? browser.i18n.getMessage('badgeHealth') : browser.i18n.getMessage('extName'),
  });
  for (const hold of Object.values(holds)) {
    await browser.action.setBadgeText({ tabId: hold.tabId, text: '1' }).catch(() => undefined);
    await browser.action
      .setBadgeBackgroundColor({ tabId: hold.tabId, color: HELD_COLOR })
      .catch(() => undefined);
    await browser.action
      .setTitle({ tabId: hold.tabId, title: browser.i18n.getMessage('badgeHeld') })
      .catch(() => undefined);
  }
}

/** The tab goes back to the badge every tab shows (Chrome rejects null here, so the global text is copied). */
export async function clearTabBadge(tabId: number): Promise<void> {
  try {
    const [text, title] = await Promise.all([browser.action.getBadgeText({}), browser.action.getTitle({})]);
    await browser.action.setBadgeText({ tabId, text });
    await browser.action.setTitle({ tabId, title });
  } catch {
    // The tab is gone: nothing to clear.
  }
}
