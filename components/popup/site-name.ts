import { isSiteId, SITES } from '../../lib/sites/registry';

/** A site's product name (Jira, Zendesk, Trello); an unknown id as it is. */
export function siteName(site: string): string {
  return isSiteId(site) ? SITES[site].name : site;
}
