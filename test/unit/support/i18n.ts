import { readFileSync } from 'node:fs';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/** Answers browser.i18n from the extension's own locale files, the way the browser does. */
export function useLocale(locale: 'en' | 'ko'): void {
  const messages: Messages = JSON.parse(readFileSync(`public/_locales/${locale}/messages.json`, 'utf8'));
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue(locale === 'ko' ? 'ko' : 'en-US');
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((
    key: string,
    substitutions?: string | string[],
  ) => {
    const entry = messages[key];
    if (!entry) return '';
    const subs = substitutions === undefined ? [] : ([] as string[]).concat(substitutions);
    return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
      return content.replace(/\$(\d)/g, (__, index: string) => subs[Number(index) - 1] ?? '');
    });
  }) as never);
}
