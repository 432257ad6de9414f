// Charter editing (staff): the current version's markdown to edit, published as a new version.
import { fail, redirect } from '@sveltejs/kit';
import type { Charter, ModerationSettings } from '@serendip/contracts';
import { dataOrError } from '$lib/api';
import { rawField } from '$lib/forms';
import { paths } from '$lib/paths';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  // Staff only, as the API decides (403 for others): the settings are read for that check, since
  // the charter itself is public.
  dataOrError(await locals.api.get<ModerationSettings>('/mod/settings'));
  const found = await locals.api.get<Charter>('/charter');
  return { charter: found.ok ? found.data : null };
};

export const actions: Actions = {
  publish: async ({ locals, request }) => {
    const body = rawField(await request.formData(), 'body');
    const result = await locals.api.post<Charter>('/charter', { body });
    if (!result.ok) {
      const fields = result.error.fields ? Object.values(result.error.fields).join(' ') : '';
      return fail(result.status, {
        body,
        message: `${locals.i18n.error(result.error.code, result.error.message)} ${fields}`.trim(),
      });
    }
    redirect(303, `${paths.modCharter}?version=${result.data.version}`);
  },
};
