// What the checklist page needs of templates besides their schema (template.ts, full zod, which only the
// background and the options page load): the checklist frame stays free of full zod.

export type Locale = 'en' | 'ko';

export function localize(text: { en: string; ko?: string | undefined }, locale: Locale): string {
  return (locale === 'ko' ? text.ko : undefined) ?? text.en;
}

/** Field and choice ids are stable API: answers, metrics and exports are keyed by them. */
export const FIELD_ID = /^[a-z][a-z0-9_]{0,39}$/;
