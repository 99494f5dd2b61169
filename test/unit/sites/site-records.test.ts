import { describe, expect, it } from 'vitest';
import type { RequestMatcher } from '../../../lib/guard/net-hold';
import { patternCovers, SITE_IDS, SITES, type SiteId } from '../../../lib/sites/registry';
import type { SiteRecord } from '../../../lib/sites/site-record';

// Each site's examples are its own and no other site's: a fourth site whose patterns or matcher are too
// wide (or an old one's widened) fails here before it guards the wrong host's pages.

const matcherModules = import.meta.glob<Record<string, unknown>>('../../../lib/sites/*/requests.ts', {
  eager: true,
});
const isMatcher = (value: unknown): value is RequestMatcher =>
  typeof value === 'object' && value !== null && 'isCandidate' in value && 'match' in value;

function matcherOf(site: SiteId): RequestMatcher {
  const module = matcherModules[`../../../lib/sites/${site}/requests.ts`];
  const matcher = Object.values(module ?? {}).find(isMatcher);
  if (!matcher) throw new Error(`lib/sites/${site}/requests.ts exports no request matcher`);
  return matcher;
}

const coveredBy = (site: SiteId, url: string) =>
  SITES[site].matches.some((pattern) => patternCovers(pattern, new URL(url).hostname));

describe.each(SITE_IDS)('the %s site record', (site) => {
  const { examples }: SiteRecord = SITES[site];
  const others = SITE_IDS.filter((other) => other !== site);

  it('has example pages, with and without a ticket, and example reassign requests', () => {
    expect(examples.pages.some((page) => page.ticket !== null)).toBe(true);
    expect(examples.pages.some((page) => page.ticket === null)).toBe(true);
    expect(examples.requests.length).toBeGreaterThan(0);
  });

  it.each([...examples.pages])('owns the page $url and reads its ticket', ({ url, ticket }) => {
    expect(coveredBy(site, url)).toBe(true);
    expect(SITES[site].ticketFromUrl(new URL(url))).toBe(ticket);
    for (const other of others) expect(coveredBy(other, url), other).toBe(false);
  });

  it.each([...examples.requests])('owns the request $method $url', ({ method, url, body, tickets }) => {
    const parsed = new URL(url);
    expect(coveredBy(site, url)).toBe(true);
    expect(matcherOf(site).isCandidate(method, parsed)).toBe(true);
    expect(matcherOf(site).match(method, parsed, body)?.tickets).toEqual(tickets);
    for (const other of others) {
      expect(coveredBy(other, url), other).toBe(false);
      expect(matcherOf(other).isCandidate(method, parsed), other).toBe(false);
      expect(matcherOf(other).match(method, parsed, body), other).toBeNull();
    }
  });

  it('names no page of another site as a ticket of its own', () => {
    for (const other of others) {
      for (const page of SITES[other].examples.pages) {
        expect(SITES[site].ticketFromUrl(new URL(page.url)), page.url).toBeNull();
      }
    }
  });
});
