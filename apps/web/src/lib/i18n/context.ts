// The current translator for components, through Svelte context: the root layout provides it from
// the page data, so a change of locale re-renders every string.
import { getContext, setContext } from 'svelte';
import { translator, type Locale, type Translator } from './index.ts';

const KEY = Symbol('i18n');

export function provideI18n(currentLocale: () => Locale): void {
  setContext(KEY, currentLocale);
}

/** A translator that always follows the locale of the current page. */
export function useI18n(): Translator {
  const currentLocale = getContext<(() => Locale) | undefined>(KEY) ?? (() => 'fr' as const);
  const current = () => translator(currentLocale());
  return {
    get locale() {
      return currentLocale();
    },
    t: (key, params) => current().t(key, params),
    error: (code, fallback) => current().error(code, fallback),
    number: (value) => current().number(value),
    date: (value, style) => current().date(value, style),
  };
}
