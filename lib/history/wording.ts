import type { Locale } from '../checklist/template';
import { WINDOW_DAYS } from './hands';

// "Changed hands 3 times in 30 days", in the user's language. The browser's i18n has no plurals, so
// the form is chosen here (Intl.PluralRules) and each form is a message of its own; Korean has one.

export type ChangedHandsKey = 'historyChangedOne' | 'historyChangedOther';

export function changedHandsKey(count: number, locale: Locale): ChangedHandsKey {
  return new Intl.PluralRules(locale).select(count) === 'one' ? 'historyChangedOne' : 'historyChangedOther';
}

export function changedHandsText(
  count: number,
  locale: Locale,
  message: (key: ChangedHandsKey, substitutions: string[]) => string,
): string {
  return message(changedHandsKey(count, locale), [String(count), String(WINDOW_DAYS)]);
}
