// Translations and locale formatting: t(key, params) over the fr/en dictionaries, Intl dates and
// numbers, and the choice of a locale from the user's setting or the Accept-Language header.
import type { ErrorCode } from '@serendip/contracts';
import { en, enErrors } from './en.ts';
import { frErrors, frMessages, type Messages } from './fr.ts';

export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';

export type MessageKey = keyof typeof frMessages;
export type Params = Record<string, string | number>;

const dictionaries: Record<Locale, { messages: Messages; errors: Record<ErrorCode, string> }> = {
  fr: { messages: frMessages, errors: frErrors },
  en: { messages: en, errors: enErrors },
};

const INTL_LOCALE: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The best supported language of an Accept-Language header ("en-US,en;q=0.9,fr;q=0.8"). */
export function localeFromAcceptLanguage(header: string | null): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...options] = part.trim().split(';');
      const q = options.map((o) => o.trim()).find((o) => o.startsWith('q='));
      return { language: tag.split('-')[0]!.toLowerCase(), q: q ? Number(q.slice(2)) : 1 };
    })
    .filter(({ q }) => q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.map(({ language }) => language).find(isLocale) ?? null;
}

/**
 * Intl objects are slow to build (tens of microseconds each) and a thread page formats hundreds of
 * dates and numbers, so each locale builds its formatters once.
 */
function cachedPerLocale<T>(build: (intlLocale: string) => T): (locale: Locale) => T {
  const cache = new Map<Locale, T>();
  return (locale) => {
    let value = cache.get(locale);
    if (value === undefined) {
      value = build(INTL_LOCALE[locale]);
      cache.set(locale, value);
    }
    return value;
  };
}

const pluralRules = cachedPerLocale((intlLocale) => new Intl.PluralRules(intlLocale));
const numberFormat = cachedPerLocale((intlLocale) => new Intl.NumberFormat(intlLocale));
const dateFormat = cachedPerLocale(
  (intlLocale) => new Intl.DateTimeFormat(intlLocale, { dateStyle: 'medium' }),
);
const dateTimeFormat = cachedPerLocale(
  (intlLocale) => new Intl.DateTimeFormat(intlLocale, { dateStyle: 'medium', timeStyle: 'short' }),
);

function interpolate(template: string, params: Params | undefined, locale: Locale): string {
  // Most strings of a page have no parameters: nothing to choose or replace in them.
  if (!params) return template;
  let text = template;
  // "one|other" forms are chosen by the `count` parameter, with the language's plural rules.
  if (text.includes('|') && params && typeof params.count === 'number') {
    const [one = '', other = one] = text.split('|');
    const rule = pluralRules(locale).select(params.count);
    text = rule === 'one' ? one : other;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params?.[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(locale, value) : value;
  });
}

export function formatNumber(locale: Locale, value: number): string {
  // Below a thousand, French and English write integers as plain digits with a hyphen-minus, as
  // String() does (scores, counts: most numbers of a page); Intl is for the rest. A language with
  // other digits or minus sign would have to leave this shortcut.
  if (Number.isInteger(value) && value > -1000 && value < 1000) return String(value);
  return numberFormat(locale).format(value);
}

export function formatDate(
  locale: Locale,
  value: string | Date,
  style: 'date' | 'datetime' = 'date',
): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return (style === 'datetime' ? dateTimeFormat : dateFormat)(locale).format(date);
}

export interface Translator {
  locale: Locale;
  t(key: MessageKey, params?: Params): string;
  /** The message of an API error code, in this language (the API's English text otherwise). */
  error(code: string, fallback?: string): string;
  number(value: number): string;
  date(value: string | Date, style?: 'date' | 'datetime'): string;
}

function buildTranslator(locale: Locale): Translator {
  const { messages, errors } = dictionaries[locale];
  return {
    locale,
    t: (key, params) => interpolate(messages[key], params, locale),
    error: (code, fallback) =>
      (errors as Record<string, string>)[code] ?? fallback ?? errors.internal_error,
    number: (value) => formatNumber(locale, value),
    date: (value, style) => formatDate(locale, value, style),
  };
}

const built = new Map<Locale, Translator>();

/** One translator per language, shared: components ask for it on every string. */
export function translator(locale: Locale): Translator {
  let found = built.get(locale);
  if (!found) {
    found = buildTranslator(locale);
    built.set(locale, found);
  }
  return found;
}
