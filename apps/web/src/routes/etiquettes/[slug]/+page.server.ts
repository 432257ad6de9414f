// A tag's page: the threads carrying it in every group the viewer may read (never a private group
// they are not in: the API filters in its query), latest activity first, paged by ?apres=.
import { redirect } from '@sveltejs/kit';
import type { ThreadList } from '@serendip/contracts';
import { dataOrError } from '$lib/api';
import { signInThenBackTo } from '$lib/paths';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  if (!locals.user) redirect(303, signInThenBackTo(url));
  const cursor = url.searchParams.get('apres') ?? undefined;
  const threads = dataOrError(
    await locals.api.get<ThreadList>(`/tags/${encodeURIComponent(params.slug)}/threads`, {
      cursor,
      limit: 20,
    }),
  );
  return {
    tag: params.slug,
    threads: threads.items,
    nextCursor: threads.nextCursor,
    paged: cursor !== undefined,
  };
};
