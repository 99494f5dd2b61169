// Plain data about each built-in host, kept apart from the adapters so the manifest and the
// background can use it without importing any site's DOM code.
export const SITES = {
  // commentLimit: the most characters the host takes in one comment, as it counts them.
  jira: { name: 'Jira', matches: ['https://*.atlassian.net/*'], commentFormat: 'adf', commentLimit: 32_767 },
  zendesk: {
    name: 'Zendesk',
    matches: ['https://*.zendesk.com/*'],
    commentFormat: 'html',
    commentLimit: 65_535,
  },
  trello: {
    name: 'Trello',
    matches: ['https://trello.com/*'],
    commentFormat: 'markdown',
    commentLimit: 16_384,
  },
} as const satisfies Record<
  string,
  { name: string; matches: readonly string[]; commentFormat: CommentFormat; commentLimit: number }
>;

export const COMMENT_FORMATS = ['adf', 'html', 'markdown', 'wiki'] as const;
/** wiki: Jira Data Center and Server, whose REST v2 takes wiki markup where Cloud takes ADF. */
export type CommentFormat = (typeof COMMENT_FORMATS)[number];
export type SiteId = keyof typeof SITES;

export function isSiteId(value: string): value is SiteId {
  return Object.hasOwn(SITES, value);
}

export const ALL_HOST_MATCHES: string[] = /* @__PURE__ */ Object.values(SITES).flatMap((site) => [
  ...site.matches,
]);

/** The built-in site whose pages live on this hostname, or null. */
export function builtInSiteOf(hostname: string): SiteId | null {
  // Chrome match patterns read as tests on a hostname (`*.` = any subdomain). Worked out on each call,
  // not when this module loads: the scripts on every host page import the registry too.
  for (const site of Object.keys(SITES) as SiteId[]) {
    for (const pattern of SITES[site].matches) {
      const host = new URL(pattern.replace('*.', 'wildcard.').replace(/\/\*$/, '/')).hostname;
      const covered = host.startsWith('wildcard.')
        ? hostname.endsWith(host.slice('wildcard'.length))
        : hostname === host;
      if (covered) return site;
    }
  }
  return null;
}
