import { jira } from './jira/site';
import type { SiteRecord } from './site-record';
import { trello } from './trello/site';
import { zendesk } from './zendesk/site';

// The one list of sites: everything that lists them (settings, options, manifest, background, popup)
// derives from it. Plain data, no site's DOM or API code. The scripts on every host page import their
// own site's record, not this list.
export const SITES = { jira, zendesk, trello } as const satisfies Record<string, SiteRecord>;

export type SiteId = keyof typeof SITES;
export const SITE_IDS = Object.keys(SITES) as SiteId[];

export function isSiteId(value: string): value is SiteId {
  return Object.hasOwn(SITES, value);
}

export const ALL_HOST_MATCHES: string[] = Object.values(SITES).flatMap((site) => [...site.matches]);

type CustomHostSite = { [K in SiteId]: (typeof SITES)[K]['customHosts'] extends true ? K : never }[SiteId];
/** The sites a company may serve from its own host (Jira Data Center, Zendesk host-mapped domains). */
export const CUSTOM_HOST_SITES = SITE_IDS.filter((site): site is CustomHostSite => SITES[site].customHosts);

/** Whether a Chrome match pattern's host part covers this hostname (`*.` = any subdomain). */
export function patternCovers(pattern: string, hostname: string): boolean {
  const host = new URL(pattern.replace('*.', 'wildcard.').replace(/\/\*$/, '/')).hostname;
  return host.startsWith('wildcard.') ? hostname.endsWith(host.slice('wildcard'.length)) : hostname === host;
}

/** The built-in site whose pages live on this hostname, or null. */
export function builtInSiteOf(hostname: string): SiteId | null {
  return (
    SITE_IDS.find((site) => SITES[site].matches.some((pattern) => patternCovers(pattern, hostname))) ?? null
  );
}

/** Which ticket a page of this site shows, from its URL alone (see SiteRecord.ticketFromUrl). */
export function ticketFromUrl(site: SiteId, url: URL): string | null {
  return SITES[site].ticketFromUrl(url);
}
