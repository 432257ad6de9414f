// Open appeals for a moderator to decide (the API refuses the moderator who made the decision).
import { fail, redirect } from '@sveltejs/kit';
import type { AppealList } from '@serendip/contracts';
import { dataOrError } from '$lib/api';
import { textField } from '$lib/forms';
import { paths } from '$lib/paths';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
  appeals: dataOrError(await locals.api.get<AppealList>('/mod/appeals')),
});

export const actions: Actions = {
  decide: async ({ locals, request }) => {
    const form = await request.formData();
    const id = Number(textField(form, 'appealId'));
    const outcome = textField(form, 'outcome');
    const message = textField(form, 'message');
    if (!Number.isInteger(id) || id < 1 || !['upheld', 'overturned'].includes(outcome)) {
      return fail(400, { appealId: id, message: locals.i18n.t('form.invalid') });
    }
    const result = await locals.api.post(`/mod/appeals/${id}/decision`, { outcome, message });
    if (!result.ok) {
      return fail(result.status, {
        appealId: id,
        message: locals.i18n.error(result.error.code, result.error.message),
      });
    }
    redirect(303, `${paths.modAppeals}?tranche=${id}`);
  },
};
