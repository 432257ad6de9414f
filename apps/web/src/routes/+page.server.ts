// Home: the latest threads of the groups the signed-in person joined, questions they could answer
// and a Discover strip (both from the search feature's endpoints, empty until those exist);
// visitors go to sign-in. One request for the groups, then one per group for its latest threads.
import { redirect } from '@sveltejs/kit';
import type { GroupList, Thread, ThreadList } from '@serendip/contracts';
import { dataOrError } from '$lib/api';
import { paths } from '$lib/paths';
import { loadSuggestedThreads } from '$lib/server/suggested-threads';
import type { PageServerLoad } from './$types';

const THREADS_PER_GROUP = 10;
const THREADS_SHOWN = 30;
const SUGGESTIONS_SHOWN = 6;

export const load: PageServerLoad = async ({ locals }) => {
  if (!locals.user) redirect(303, paths.signIn);
  const [groupList, toAnswer, discover] = await Promise.all([
    locals.api.get<GroupList>('/groups', { joined: true, limit: 50 }),
    loadSuggestedThreads(locals.api, '/questions-to-answer', SUGGESTIONS_SHOWN),
    loadSuggestedThreads(locals.api, '/discover', SUGGESTIONS_SHOWN),
  ]);
  const groups = dataOrError(groupList);
  const lists = await Promise.all(
    groups.items.map((group) =>
      locals.api.get<ThreadList>(`/groups/${group.slug}/threads`, {
        sort: 'activity',
        limit: THREADS_PER_GROUP,
      }),
    ),
  );
  const threads: Thread[] = lists
    .flatMap((list) => (list.ok ? list.data.items : []))
    .sort((a, b) => b.lastActivityAt.localeCompare(a.lastActivityAt))
    .slice(0, THREADS_SHOWN);
  return { groupCount: groups.items.length, threads, toAnswer, discover };
};
