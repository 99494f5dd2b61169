import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The options page's text lives in the locale files: both languages carry every key it uses, with
// the same placeholders, and the Korean is Korean.

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const read = (locale: string): Messages =>
  JSON.parse(readFileSync(`public/_locales/${locale}/messages.json`, 'utf8'));
const en = read('en');
const ko = read('ko');

const source = readdirSync('components/options')
  .map((file) => readFileSync(`components/options/${file}`, 'utf8'))
  .join('\n');
const quoted = [...source.matchAll(/'(options[A-Za-z]+)'/g)].map((match) => match[1] as string);
/** A count-bearing message is named once (translateCount) and lives as a One/Other pair (lib/plural.ts). */
const counted = [...source.matchAll(/translateCount\(\s*'(options[A-Za-z]+)'/g)].map(
  (match) => match[1] as string,
);
const used = [
  ...new Set([
    ...quoted.filter((key) => !counted.includes(key)),
    ...counted.flatMap((key) => [`${key}One`, `${key}Other`]),
  ]),
];
const hangul = /[\uAC00-\uD7A3]/;
/** The same in both languages on purpose: an example address, and "ID", which Korean writes so. */
const SAME_IN_KOREAN = new Set(['optionsHostUrlPlaceholder', 'optionsId']);

describe('options page text', () => {
  it('uses keys that exist in English and Korean', () => {
    expect(used.length).toBeGreaterThan(100);
    expect(used.filter((key) => !en[key])).toEqual([]);
    expect(used.filter((key) => !ko[key])).toEqual([]);
  });

  it('has no options key that nothing uses', () => {
    const unused = Object.keys(en).filter((key) => key.startsWith('options') && !used.includes(key));
    expect(unused).toEqual([]);
  });

  it('has the same placeholders in both languages', () => {
    for (const key of used) {
      const names = (messages: Messages) =>
        [...(messages[key]?.message.matchAll(/\$([A-Z_]+)\$/g) ?? [])].map((match) => match[1]).sort();
      expect(names(ko), key).toEqual(names(en));
      expect(ko[key]?.placeholders, key).toEqual(en[key]?.placeholders);
    }
  });

  it('is written in Korean in the Korean file', () => {
    const notKorean = used.filter((key) => !SAME_IN_KOREAN.has(key) && !hangul.test(ko[key]?.message ?? ''));
    expect(notKorean).toEqual([]);
  });
});
