import { parseHttpUrl } from '../checklist/url';
import type { HostCount } from '../history/ticket-history';
import { HOT_POTATO_THRESHOLD, type HotPotato, TREND_DAYS } from './aggregate';

// Hot potatoes from the hosts' own histories too (issue 18): a ticket Baton has seen whose host says it
// changed hands 3+ times in 30 days shows up even if it was passed around before Baton was installed,
// marked with the host's count. Pure, so it is tested directly.

export type HotTicket = HotPotato & {
  /** How often the host says the ticket changed hands in 30 days, when Baton has read its history. */
  hostCount?: number;
};

const DAY_MS = 24 * 60 * 60 * 1000;

export function withHostCounts(
  hot: readonly HotPotato[],
  counts: readonly HostCount[],
  now: number,
  threshold = HOT_POTATO_THRESHOLD,
): HotTicket[] {
  const since = now - TREND_DAYS * DAY_MS;
  const latest = new Map<string, HostCount>();
  for (const count of counts) {
    if (count.at < since || count.at > now) continue;
    const key = `${count.site}\u0000${count.ticketKey}`;
    if ((latest.get(key)?.at ?? -1) < count.at) latest.set(key, count);
  }
  const listed = hot.map((ticket): HotTicket => {
    const key = `${ticket.site}\u0000${ticket.ticketKey}`;
    const host = latest.get(key);
    latest.delete(key);
    return host ? { ...ticket, hostCount: host.count } : ticket;
  });
  const fromHosts = [...latest.values()]
    .filter((host) => host.count >= threshold)
    .map(
      (host): HotTicket => ({
        site: host.site,
        ticketKey: host.ticketKey,
        ...(host.url && parseHttpUrl(host.url) ? { url: host.url } : {}),
        count: 0,
        lastAt: host.at,
        hostCount: host.count,
      }),
    );
  return [...listed, ...fromHosts].sort(
    (a, b) => b.lastAt - a.lastAt || a.ticketKey.localeCompare(b.ticketKey) || a.site.localeCompare(b.site),
  );
}
