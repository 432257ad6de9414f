// Community insights: community leads and admins only (the API answers 403 to anyone else, shown
// as the error page); ?groupe= narrows to one group, ?semaines= sets the window.
import { redirect } from '@sveltejs/kit';
import type { Insights } from '@serendip/contracts';
import { dataOrError } from '$lib/api';
import { signInThenBackTo } from '$lib/paths';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  if (!locals.user) redirect(303, signInThenBackTo(url));
  const group = url.searchParams.get('groupe')?.trim() ?? '';
  const weeks = Number(url.searchParams.get('semaines')) || 12;
  const insights = dataOrError(
    await locals.api.get<Insights>('/insights', { group: group || undefined, weeks }),
  );
  return { group, weeks, insights };
};
