// The expert directory: a plain GET form (works without JavaScript) searching by skill or tag and
// by name; the API ranks and explains each person.
import { redirect } from '@sveltejs/kit';
import type { PeopleList } from '@serendip/contracts';
import { dataOrError } from '$lib/api';
import { signInThenBackTo } from '$lib/paths';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  if (!locals.user) redirect(303, signInThenBackTo(url));
  const tag = url.searchParams.get('etiquette')?.trim() ?? '';
  const q = url.searchParams.get('q')?.trim() ?? '';
  const directory = dataOrError(
    await locals.api.get<PeopleList>('/people', { tag: tag || undefined, q: q || undefined }),
  );
  return { tag, q, directory };
};
