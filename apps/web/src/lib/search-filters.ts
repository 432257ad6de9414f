// The search page's filters as they appear in its French URL (/recherche?q=…&groupe=…&page=2), and
// the API query they mean. Facet links are built from the current filters, so each link adds or
// removes one filter and goes back to the first page.
import type { DateBucket, SearchDocumentKind } from '@serendip/contracts';
import { paths } from './paths.ts';

export const KINDS: SearchDocumentKind[] = ['thread', 'post', 'group', 'user'];
export const PERIODS: DateBucket[] = ['week', 'month', 'year', 'older'];

/** French URL words for the API's kinds and date buckets. */
const KIND_WORDS: Record<SearchDocumentKind, string> = {
  thread: 'sujets',
  post: 'reponses',
  group: 'groupes',
  user: 'personnes',
};
const PERIOD_WORDS: Record<DateBucket, string> = {
  week: 'semaine',
  month: 'mois',
  year: 'annee',
  older: 'ancien',
};
/** How far back each period starts, in days (the engine buckets dates the same way). */
const PERIOD_DAYS: Record<Exclude<DateBucket, 'older'>, number> = { week: 7, month: 30, year: 365 };

export const MAX_QUERY_LENGTH = 200;
export const MAX_PAGE = 100;

export interface SearchFilters {
  q: string;
  type: SearchDocumentKind | null;
  group: string | null;
  tag: string | null;
  answered: boolean | null;
  period: DateBucket | null;
  page: number;
}

function wordOf<T extends string>(words: Record<T, string>, word: string | null): T | null {
  const found = (Object.keys(words) as T[]).find((key) => words[key] === word);
  return found ?? null;
}

export function filtersFromUrl(params: URLSearchParams): SearchFilters {
  const page = Number(params.get('page') ?? '1');
  const answered = params.get('repondu');
  return {
    q: (params.get('q') ?? '').trim().slice(0, MAX_QUERY_LENGTH),
    type: wordOf(KIND_WORDS, params.get('type')),
    group: params.get('groupe')?.trim() || null,
    tag: params.get('etiquette')?.trim() || null,
    answered: answered === 'oui' ? true : answered === 'non' ? false : null,
    period: wordOf(PERIOD_WORDS, params.get('periode')),
    page: Number.isInteger(page) && page >= 1 && page <= MAX_PAGE ? page : 1,
  };
}

/** The search page with these filters; changing a filter goes back to page 1 unless told. */
export function searchHref(filters: SearchFilters, changes: Partial<SearchFilters> = {}): string {
  const next = { ...filters, page: 1, ...changes };
  const params = new URLSearchParams();
  if (next.q) params.set('q', next.q);
  if (next.type) params.set('type', KIND_WORDS[next.type]);
  if (next.group) params.set('groupe', next.group);
  if (next.tag) params.set('etiquette', next.tag);
  if (next.answered !== null) params.set('repondu', next.answered ? 'oui' : 'non');
  if (next.period) params.set('periode', PERIOD_WORDS[next.period]);
  if (next.page > 1) params.set('page', String(next.page));
  const query = params.toString();
  return query ? `${paths.search}?${query}` : paths.search;
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function daysBefore(today: Date, days: number): Date {
  return new Date(today.getTime() - days * 24 * 60 * 60 * 1000);
}

/** The date range of a period, as the API's from (inclusive) and to (through that day). */
export function periodRange(period: DateBucket, today: Date): { from?: string; to?: string } {
  if (period === 'older') return { to: isoDay(daysBefore(today, PERIOD_DAYS.year + 1)) };
  return { from: isoDay(daysBefore(today, PERIOD_DAYS[period])) };
}

/** GET /api/search's query for these filters. */
export function apiQueryOf(filters: SearchFilters, limit: number, today = new Date()) {
  return {
    q: filters.q,
    type: filters.type ?? undefined,
    group: filters.group ?? undefined,
    tag: filters.tag ?? undefined,
    answered: filters.answered ?? undefined,
    ...(filters.period ? periodRange(filters.period, today) : {}),
    page: filters.page,
    limit,
  };
}
