import { browser } from 'wxt/browser';
import { uiLocale } from '../lib/locale';
import { pluralForm } from '../lib/plural';

/** Keys of the extension's locale files, so a missing message is a type error rather than an empty label. */
export type MessageKey = keyof typeof import('../public/_locales/en/messages.json');
export type Translate = (key: MessageKey, substitutions?: string[]) => string;

export const translate: Translate = (key, substitutions) =>
  browser.i18n.getMessage(key as Parameters<typeof browser.i18n.getMessage>[0], substitutions);

/** The names of messages that come as a `<name>One` and `<name>Other` pair (lib/plural.ts). */
export type CountKey = {
  [K in MessageKey]: K extends `${infer Name}One`
    ? `${Name}Other` extends MessageKey
      ? Name
      : never
    : never;
}[MessageKey];

/** The form of a count-bearing message that fits `count` in the browser's language. */
export function translateCount(key: CountKey, count: number, substitutions?: string[]): string {
  return translate(`${key}${pluralForm(uiLocale(), count)}` as MessageKey, substitutions);
}
