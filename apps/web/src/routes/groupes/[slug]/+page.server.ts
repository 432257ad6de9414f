// A group's page: its header (with join/leave form actions that work without JavaScript) and its
// threads, sorted by ?tri= (French names of the API's sorts) and paged by cursor (?apres=).
import { fail, redirect } from '@sveltejs/kit';
import type { Group, ThreadList, ThreadSort } from '@serendip/contracts';
import { dataOrError } from '$lib/api';
import { signInThenBackTo } from '$lib/paths';
import type { Actions, PageServerLoad } from './$types';

/** The sorts in the order the page offers them, by their URL name. */
const SORTS = {
  activite: 'activity',
  recents: 'newest',
  'sans-reponse': 'unanswered',
  'mieux-notes': 'top',
} as const satisfies Record<string, ThreadSort>;
type SortName = keyof typeof SORTS;

function sortNameOf(value: string | null): SortName {
  return value && value in SORTS ? (value as SortName) : 'activite';
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const sort = sortNameOf(url.searchParams.get('tri'));
  const cursor = url.searchParams.get('apres') ?? undefined;
  const slug = encodeURIComponent(params.slug);
  const found = await locals.api.get<Group>(`/groups/${slug}`);
  // Groups are for signed-in colleagues: visitors sign in first, then come back here.
  if (!found.ok && found.status === 401) redirect(303, signInThenBackTo(url));
  const group = dataOrError(found);
  const threads = dataOrError(
    await locals.api.get<ThreadList>(`/groups/${slug}/threads`, {
      sort: SORTS[sort],
      cursor,
      limit: 20,
    }),
  );
  const sorts = Object.entries(SORTS).map(([name, apiSort]) => ({ name, apiSort }));
  return { group, threads: threads.items, nextCursor: threads.nextCursor, sort, sorts };
};

async function changeMembership(event: Parameters<Actions[string]>[0], change: 'join' | 'leave') {
  const { locals, params, url } = event;
  if (!locals.user) redirect(303, signInThenBackTo(url));
  const result = await locals.api.post<Group>(
    `/groups/${encodeURIComponent(params.slug!)}/${change}`,
  );
  if (!result.ok && result.error.code !== 'already_member') {
    return fail(result.status, {
      message: locals.i18n.error(result.error.code, result.error.message),
    });
  }
  const name = result.ok ? result.data.name : params.slug!;
  return { notice: locals.i18n.t(change === 'join' ? 'groups.joined' : 'group.left', { name }) };
}

export const actions: Actions = {
  join: (event) => changeMembership(event, 'join'),
  leave: (event) => changeMembership(event, 'leave'),
};
