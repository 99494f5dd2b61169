import { SITES, type SiteId } from './sites/registry';

// Whether the browser lets Baton on each built-in site. A user can withhold an extension's site access
// after installing it (Chrome's "On click" or "On specific sites"; Firefox treats MV3 host permissions
// as optional and lets the user revoke them). Baton is then silently absent from those pages: no
// guard, no network net, no banner. The popup asks and says so.

export interface WithheldSite {
  site: SiteId;
  /** The site's host patterns, as permissions.request takes them. */
  origins: string[];
}

/** permissions.contains for a set of origins; a browser that cannot say counts as granted. */
export type Contains = (origins: string[]) => Promise<boolean>;

export async function withheldSites(contains: Contains): Promise<WithheldSite[]> {
  const sites = Object.keys(SITES) as SiteId[];
  const granted = await Promise.all(
    sites.map((site) => contains([...SITES[site].matches]).catch(() => true)),
  );
  return sites.flatMap((site, index) =>
    granted[index] ? [] : [{ site, origins: [...SITES[site].matches] }],
  );
}
