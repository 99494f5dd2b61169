import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The popup's text lives in the locale files; this checks both languages carry every key the popup
// uses, with the same placeholders, and that the Korean is Korean.

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const read = (locale: string): Messages =>
  JSON.parse(readFileSync(`public/_locales/${locale}/messages.json`, 'utf8'));
const en = read('en');
const ko = read('ko');

const source = readdirSync('components/popup')
  .map((file) => readFileSync(`components/popup/${file}`, 'utf8'))
  .join('\n');
const used = [...new Set([...source.matchAll(/\bt\('([A-Za-z]+)'/g)].map((match) => match[1] as string))];
const hangul = /[\uAC00-\uD7A3]/;

describe('popup text', () => {
  it('uses keys that exist in English and Korean', () => {
    expect(used.length).toBeGreaterThan(40);
    expect(used.filter((key) => !en[key])).toEqual([]);
    expect(used.filter((key) => !ko[key])).toEqual([]);
  });

  it('has the same placeholders in both languages', () => {
    for (const key of used) {
      const names = (messages: Messages) =>
        [...(messages[key]?.message.matchAll(/\$([A-Z_]+)\$/g) ?? [])].map((match) => match[1]).sort();
      expect(names(ko), key).toEqual(names(en));
      expect(Object.keys(ko[key]?.placeholders ?? {}).sort(), key).toEqual(
        Object.keys(en[key]?.placeholders ?? {}).sort(),
      );
    }
  });

  it('is written in Korean in the Korean file', () => {
    const popupKeys = Object.keys(en).filter((key) => key.startsWith('popup'));
    const notKorean = popupKeys.filter((key) => !hangul.test(ko[key]?.message ?? ''));
    expect(notKorean).toEqual([]);
  });

  it('names the main figures as DESIGN.md §8 says', () => {
    expect([en.figureHandoffs, en.figureCompletionRate, en.figureMedianFill].map((m) => m?.message)).toEqual([
      'Handoffs',
      'Completion rate',
      'Median time to fill',
    ]);
    expect([ko.figureHandoffs, ko.figureCompletionRate, ko.figureMedianFill].map((m) => m?.message)).toEqual([
      '인수인계',
      '완료율',
      '작성 시간 중앙값',
    ]);
  });
});
