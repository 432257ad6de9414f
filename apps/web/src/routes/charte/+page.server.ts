// The current charter with its numbered clauses, and "I accept" for members who have not accepted
// this version yet (posting is refused until they do).
import { fail, redirect } from '@sveltejs/kit';
import type { Charter } from '@serendip/contracts';
import { paths, signInThenBackTo } from '$lib/paths';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  const found = await locals.api.get<Charter>('/charter');
  // No charter yet is a normal state of a new site, not an error page.
  return { charter: found.ok ? found.data : null };
};

export const actions: Actions = {
  accept: async ({ locals, request, url }) => {
    if (!locals.user) redirect(303, signInThenBackTo(url));
    const version = Number((await request.formData()).get('version'));
    if (!Number.isInteger(version) || version < 1) {
      return fail(400, { message: locals.i18n.t('form.invalid'), accepted: false });
    }
    const result = await locals.api.post<Charter>('/charter/accept', { version });
    if (!result.ok) {
      return fail(result.status, {
        message: locals.i18n.error(result.error.code, result.error.message),
        accepted: false,
      });
    }
    return { message: null, accepted: true, backTo: paths.charter };
  },
};
