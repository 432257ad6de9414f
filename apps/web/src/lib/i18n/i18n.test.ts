// Unit tests of the language choice, plural forms and locale formatting.
import { describe, expect, it } from 'vitest';
import { localeFromAcceptLanguage, translator } from './index.ts';

describe('localeFromAcceptLanguage', () => {
  it('picks the best supported language by weight', () => {
    expect(localeFromAcceptLanguage('de-DE,en-US;q=0.9,fr;q=0.8')).toBe('en');
    expect(localeFromAcceptLanguage('fr-CA,en;q=0.5')).toBe('fr');
  });

  it('returns null when nothing is supported or the header is missing', () => {
    expect(localeFromAcceptLanguage('de,es;q=0.5')).toBeNull();
    expect(localeFromAcceptLanguage(null)).toBeNull();
    expect(localeFromAcceptLanguage('en;q=0')).toBeNull();
  });
});

describe('translator', () => {
  it('chooses plural forms and formats numbers per language', () => {
    expect(translator('fr').t('groups.members', { count: 1 })).toBe('1 membre');
    expect(translator('fr').t('groups.members', { count: 1200 })).toBe('1\u202f200 membres');
    expect(translator('en').t('groups.members', { count: 1200 })).toBe('1,200 members');
  });

  it('writes small integers exactly as Intl does (its shortcut skips Intl for them)', () => {
    for (const [locale, intlLocale] of [
      ['fr', 'fr-FR'],
      ['en', 'en-GB'],
    ] as const) {
      const intl = new Intl.NumberFormat(intlLocale);
      for (const value of [-999, -42, -1, 0, 1, 7, 42, 999, 1000, -1000, 1.5]) {
        expect(translator(locale).number(value)).toBe(intl.format(value));
      }
    }
  });

  it('translates API error codes, falling back to the API message for unknown ones', () => {
    expect(translator('en').error('email_taken')).toBe(
      'An account already uses this email address.',
    );
    expect(translator('fr').error('some_new_code', 'Raw message')).toBe('Raw message');
  });
});
