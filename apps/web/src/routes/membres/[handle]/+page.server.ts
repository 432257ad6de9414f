// A colleague's public profile (signed-in colleagues only: visitors sign in first, then come back).
import { error, redirect } from '@sveltejs/kit';
import type { PublicProfile } from '@serendip/contracts';
import { dataOrError } from '$lib/api';
import { signInThenBackTo } from '$lib/paths';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const found = await locals.api.get<PublicProfile>(`/users/${encodeURIComponent(params.handle)}`);
  if (!found.ok && found.status === 401) redirect(303, signInThenBackTo(url));
  // A handle the API refuses as malformed names nobody: the same "not found" as an unknown one.
  if (!found.ok && found.status === 400) {
    error(404, { message: 'User not found', code: 'user_not_found' });
  }
  return { profile: dataOrError(found) };
};
