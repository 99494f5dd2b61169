import type { Locale } from './checklist/template';

// chrome.i18n has no plurals, so each message that carries a count is two keys, `<name>One` and
// `<name>Other`, and the count picks one by the language's CLDR rules (Intl.PluralRules): English
// says "1 handoff", "2 handoffs"; Korean has one form, so its two keys read alike. A message whose
// count can never be 1 (always above a limit of 50) keeps one key.

export type PluralForm = 'One' | 'Other';

/** One rules object per language: building one costs far more than asking it (a popup asks per row). */
const rules = new Map<Locale, Intl.PluralRules>();

export function pluralForm(locale: Locale, count: number): PluralForm {
  let forLocale = rules.get(locale);
  if (!forLocale) {
    forLocale = new Intl.PluralRules(locale);
    rules.set(locale, forLocale);
  }
  return forLocale.select(count) === 'one' ? 'One' : 'Other';
}
