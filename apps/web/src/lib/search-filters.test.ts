import { describe, expect, it } from 'vitest';
import { apiQueryOf, filtersFromUrl, periodRange, searchHref } from './search-filters.ts';

const params = (query: string) => new URLSearchParams(query);

describe('search filters', () => {
  it('reads the French URL words', () => {
    expect(
      filtersFromUrl(
        params(
          'q=bi%C3%A8re&type=sujets&groupe=brassage&etiquette=ipa&repondu=non&periode=mois&page=3',
        ),
      ),
    ).toEqual({
      q: 'bière',
      type: 'thread',
      group: 'brassage',
      tag: 'ipa',
      answered: false,
      period: 'month',
      page: 3,
    });
  });

  it('ignores unknown words and out-of-range pages', () => {
    const filters = filtersFromUrl(params('q=++&type=x&repondu=peut-etre&periode=hier&page=0'));
    expect(filters).toEqual({
      q: '',
      type: null,
      group: null,
      tag: null,
      answered: null,
      period: null,
      page: 1,
    });
    expect(filtersFromUrl(params('q=a&page=101')).page).toBe(1);
    expect(filtersFromUrl(params('q=a&page=2.5')).page).toBe(1);
  });

  it('builds links that change one filter and go back to the first page', () => {
    const filters = filtersFromUrl(params('q=café&groupe=cuisine&page=4'));
    expect(searchHref(filters, { tag: 'moka' })).toBe(
      '/recherche?q=caf%C3%A9&groupe=cuisine&etiquette=moka',
    );
    expect(searchHref(filters, { group: null })).toBe('/recherche?q=caf%C3%A9');
    expect(searchHref(filters, { page: 5 })).toBe('/recherche?q=caf%C3%A9&groupe=cuisine&page=5');
    expect(searchHref(filters, { answered: true, period: 'older', type: 'user' })).toBe(
      '/recherche?q=caf%C3%A9&type=personnes&groupe=cuisine&repondu=oui&periode=ancien',
    );
  });

  it('turns a period into the API date range', () => {
    const today = new Date('2026-03-31T10:00:00Z');
    expect(periodRange('week', today)).toEqual({ from: '2026-03-24' });
    expect(periodRange('month', today)).toEqual({ from: '2026-03-01' });
    expect(periodRange('year', today)).toEqual({ from: '2025-03-31' });
    expect(periodRange('older', today)).toEqual({ to: '2025-03-30' });
    const filters = filtersFromUrl(params('q=x&repondu=oui&periode=semaine'));
    expect(apiQueryOf(filters, 20, today)).toEqual({
      q: 'x',
      type: undefined,
      group: undefined,
      tag: undefined,
      answered: true,
      from: '2026-03-24',
      page: 1,
      limit: 20,
    });
  });
});
