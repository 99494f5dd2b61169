import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { errorMessage } from '../../components/checklist/checklist-dialog';
import { translate, translateCount } from '../../components/translate';
import { pluralForm } from '../../lib/plural';
import { useLocale } from './support/i18n';

type Messages = Record<string, { message: string }>;
const messages = (locale: 'en' | 'ko'): Messages =>
  JSON.parse(readFileSync(`public/_locales/${locale}/messages.json`, 'utf8'));

describe('plural forms', () => {
  it("follow each language's rules: English one and other, Korean other only", () => {
    expect([0, 1, 2, 21].map((n) => pluralForm('en', n))).toEqual(['Other', 'One', 'Other', 'Other']);
    expect([0, 1, 2].map((n) => pluralForm('ko', n))).toEqual(['Other', 'Other', 'Other']);
  });

  it.each(['en', 'ko'] as const)('come in pairs in %s, and no message guesses with "(s)"', (locale) => {
    const keys = Object.keys(messages(locale));
    for (const key of keys.filter((k) => k.endsWith('One'))) {
      expect(keys, key).toContain(`${key.slice(0, -3)}Other`);
    }
    for (const [key, entry] of Object.entries(messages(locale))) {
      expect(entry.message.replaceAll('http(s)', 'http'), key).not.toMatch(/\(s\)/);
    }
  });
});

describe('count-bearing messages', () => {
  beforeEach(() => fakeBrowser.reset());

  it('say "1 handoff", "1 template", "1 event" and "at least 1 character" in English', () => {
    useLocale('en');
    expect(translateCount('popupHotCount', 1, ['1'])).toBe('1 handoff');
    expect(translateCount('popupHotCount', 4, ['4'])).toBe('4 handoffs');
    expect(translateCount('optionsTemplatesExported', 1, ['1'])).toBe('Exported 1 template.');
    expect(translateCount('optionsTemplatesExported', 3, ['3'])).toBe('Exported 3 templates.');
    expect(translateCount('optionsExported', 1, ['1'])).toBe('Exported 1 event.');
    expect(translateCount('popupTrendSummary', 1, ['1', 'Monday', '1'])).toMatch(/^1 handoff completed/);
    expect(translateCount('popupAllTime', 1, ['Jan 1', '1', '1'])).toBe(
      'Since Jan 1: 1 of 1 guarded reassign completed as a handoff.',
    );
    expect(errorMessage({ code: 'too_short', min: 1, length: 0 }, translate, 'en')).toBe(
      'Write at least 1 character (now 0).',
    );
    expect(errorMessage({ code: 'too_short', min: 15, length: 3 }, translate, 'en')).toBe(
      'Write at least 15 characters (now 3).',
    );
    expect(errorMessage({ code: 'too_long', max: 1, length: 2 }, translate, 'en')).toBe(
      'Keep it to 1 character (now 2).',
    );
  });

  it('read the same for any count in Korean', () => {
    useLocale('ko');
    expect(translateCount('popupHotCount', 1, ['1'])).toBe('1회 인수인계');
    expect(translateCount('optionsTemplatesExported', 1, ['1'])).toBe('템플릿 1개를 내보냈습니다.');
    expect(errorMessage({ code: 'too_short', min: 1, length: 0 }, translate, 'ko')).toBe(
      '1자 이상 입력하세요 (현재 0자).',
    );
  });
});
