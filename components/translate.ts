import { browser } from 'wxt/browser';

/** Keys of the extension's locale files, so a missing message is a type error rather than an empty label. */
export type MessageKey = keyof typeof import('../public/_locales/en/messages.json');
export type Translate = (key: MessageKey, substitutions?: string[]) => string;

export const translate: Translate = (key, substitutions) =>
  browser.i18n.getMessage(key as Parameters<typeof browser.i18n.getMessage>[0], substitutions);
