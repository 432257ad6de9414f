// Sign-in: a plain form post (works without JavaScript); on success, back to where the visitor was
// going (?suivant=), else home. A failure keeps the email typed and says why.
import { fail, redirect } from '@sveltejs/kit';
import type { SessionResponse } from '@serendip/contracts';
import { hasErrors, rawField, textField, type FieldErrors } from '$lib/forms';
import { safeNext } from '$lib/paths';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  if (locals.user) redirect(303, safeNext(url.searchParams.get('suivant')));
};

export const actions: Actions = {
  default: async ({ request, locals, url }) => {
    const form = await request.formData();
    const email = textField(form, 'email');
    const password = rawField(form, 'password');
    const errors: FieldErrors = {};
    if (!email) errors.email = locals.i18n.t('form.required');
    if (!password) errors.password = locals.i18n.t('form.required');
    if (hasErrors(errors)) return fail(400, { email, errors, message: null });

    const result = await locals.api.post<SessionResponse>('/auth/login', { email, password });
    if (!result.ok) {
      const message = locals.i18n.error(result.error.code, result.error.message);
      return fail(result.status, { email, errors: {} as FieldErrors, message });
    }
    redirect(303, safeNext(url.searchParams.get('suivant')));
  },
};
