import { browser } from 'wxt/browser';
import type { CommentStrings } from './checklist/summary';
import type { Locale } from './checklist/template';

// The author's language: the comment and the checklist follow the browser's UI language.
export function uiLocale(): Locale {
  return browser.i18n.getUILanguage().toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

export function commentStrings(): CommentStrings {
  const t = (key: Parameters<typeof browser.i18n.getMessage>[0]) => browser.i18n.getMessage(key);
  return {
    heading: t('commentHeading'),
    ticket: t('commentTicket'),
    from: t('commentFrom'),
    to: t('commentTo'),
    unassigned: t('unassigned'),
  };
}
