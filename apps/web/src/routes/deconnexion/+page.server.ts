// Sign-out: a POST form (the header's account menu); GET just goes home.
import { redirect } from '@sveltejs/kit';
import { SESSION_COOKIE } from '$lib/api';
import { paths } from '$lib/paths';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
  redirect(303, paths.home);
};

export const actions: Actions = {
  default: async ({ locals, cookies }) => {
    if (locals.user) await locals.api.post('/auth/logout');
    // Even if the API already forgot the session, the browser should forget it too.
    cookies.delete(SESSION_COOKIE, { path: '/', secure: false });
    redirect(303, paths.signIn);
  },
};
