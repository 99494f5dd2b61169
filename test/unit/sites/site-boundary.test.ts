import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// A site is one folder: only lib/sites/ knows a host's name, its API's paths and its page's selectors,
// so that a host's change is mended there and a new site is a new folder.

const root = join(__dirname, '../../..');
const HOST_KNOWLEDGE: [string, RegExp][] = [
  ['a host', /atlassian\.(?:net|com)|zendesk\.com|zdassets\.com|trello\.com/],
  [
    'an endpoint',
    /\/rest\/(?:api|agile)\/|\/api\/v2\/|\/1\/(?:cards|members|boards|lists|actions)\b|\.jspa\b/,
  ],
  ['a host selector', /data-test-?id[$^*]?=|\bajs-[a-z]|react-select-/],
];

/** A source's text with escapes dropped, so that a path written in a regular expression reads as a path. */
const plainText = (path: string) => readFileSync(join(root, path), 'utf8').replaceAll('\\', '');

function sourcesUnder(path: string): string[] {
  if (statSync(path).isFile()) return /\.tsx?$/.test(path) ? [path] : [];
  return readdirSync(path).flatMap((name) => sourcesUnder(join(path, name)));
}

const outsideSites = ['lib', 'components', 'entrypoints', 'wxt.config.ts']
  .flatMap((path) => sourcesUnder(join(root, path)))
  .map((path) => relative(root, path))
  .filter((path) => !path.startsWith('lib/sites/'));

describe('what only lib/sites/ may know', () => {
  it('finds the sources it scans', () => {
    expect(outsideSites).toContain('lib/background/receiver.ts');
    expect(outsideSites).toContain('entrypoints/jira.content.ts');
    expect(outsideSites).toContain('wxt.config.ts');
  });

  it.each(HOST_KNOWLEDGE)('no file outside it names %s', (_what, pattern) => {
    const naming = outsideSites.filter((path) => pattern.test(plainText(path)));
    expect(naming).toEqual([]);
  });

  it('recognises the knowledge it looks for, in the files that hold it', () => {
    const inside = (path: string) => plainText(join('lib/sites', path));
    const [host, endpoint, selector] = HOST_KNOWLEDGE.map(([, pattern]) => pattern);
    expect(host?.test(inside('trello/site.ts'))).toBe(true);
    expect(endpoint?.test(inside('zendesk/requests.ts'))).toBe(true);
    expect(selector?.test(inside('jira/selectors.ts'))).toBe(true);
  });
});
