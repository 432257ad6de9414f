// The search page: a plain GET form (works without JavaScript) whose filters live in the URL; the
// results, facets and corrections come from GET /api/search. Search is for signed-in colleagues:
// visitors sign in first and come back here. A query the API refuses shows its message on the
// page (the form stays usable), never an error page.
import { redirect } from '@sveltejs/kit';
import type { SearchResults } from '@serendip/contracts';
import { signInThenBackTo } from '$lib/paths';
import { apiQueryOf, filtersFromUrl } from '$lib/search-filters';
import type { PageServerLoad } from './$types';

const RESULTS_PER_PAGE = 20;

export const load: PageServerLoad = async ({ locals, url }) => {
  if (!locals.user) redirect(303, signInThenBackTo(url));
  const filters = filtersFromUrl(url.searchParams);
  if (!filters.q) return { filters, results: null, message: null };
  const found = await locals.api.get<SearchResults>(
    '/search',
    apiQueryOf(filters, RESULTS_PER_PAGE),
  );
  if (found.ok) return { filters, results: found.data, message: null };
  if (found.status >= 500) {
    return { filters, results: null, message: locals.i18n.t('search.unavailable') };
  }
  return {
    filters,
    results: null,
    message: locals.i18n.error(found.error.code, found.error.message),
  };
};
