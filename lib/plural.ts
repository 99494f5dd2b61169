import type { Locale } from './checklist/template';

// chrome.i18n has no plurals, so each message that carries a count is two keys, `<name>One` and
// `<name>Other`, and the count picks one by the language's CLDR rules (Intl.PluralRules): English
// says "1 handoff", "2 handoffs"; Korean has one form, so its two keys read alike. A message whose
// count can never be 1 (always above a limit of 50) keeps one key.

export type PluralForm = 'One' | 'Other';

export function pluralForm(locale: Locale, count: number): PluralForm {
  return new Intl.PluralRules(locale).select(count) === 'one' ? 'One' : 'Other';
}
