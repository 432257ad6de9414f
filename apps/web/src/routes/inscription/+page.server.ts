// Registration: a plain form post (works without JavaScript); fields are checked here first, with
// translated messages next to each field, then by the API (taken email or username).
import { fail, redirect } from '@sveltejs/kit';
import type { SessionResponse } from '@serendip/contracts';
import {
  EMAIL_PATTERN,
  HANDLE_PATTERN,
  hasErrors,
  rawField,
  textField,
  translateFieldErrors,
  type FieldErrors,
} from '$lib/forms';
import { isLocale, type Translator } from '$lib/i18n';
import { paths } from '$lib/paths';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  if (locals.user) redirect(303, paths.home);
};

interface RegisterFields {
  displayName: string;
  handle: string;
  email: string;
  password: string;
  locale: string;
}

function check(fields: RegisterFields, i18n: Translator): FieldErrors {
  const errors: FieldErrors = {};
  if (!fields.displayName) errors.displayName = i18n.t('form.required');
  else if (fields.displayName.length > 80) errors.displayName = i18n.t('form.invalid');
  if (!HANDLE_PATTERN.test(fields.handle)) errors.handle = i18n.t('field.handleInvalid');
  if (!EMAIL_PATTERN.test(fields.email)) errors.email = i18n.t('field.emailInvalid');
  if (fields.password.length < 10) errors.password = i18n.t('field.passwordTooShort');
  if (!isLocale(fields.locale)) errors.locale = i18n.t('form.invalid');
  return errors;
}

export const actions: Actions = {
  default: async ({ request, locals }) => {
    const form = await request.formData();
    const fields: RegisterFields = {
      displayName: textField(form, 'displayName'),
      handle: textField(form, 'handle'),
      email: textField(form, 'email'),
      password: rawField(form, 'password'),
      locale: textField(form, 'locale') || locals.locale,
    };
    const { password: _password, ...values } = fields;
    const errors = check(fields, locals.i18n);
    if (hasErrors(errors)) {
      return fail(400, { values, errors, message: locals.i18n.t('form.fixErrors') });
    }

    const result = await locals.api.post<SessionResponse>('/auth/register', fields);
    if (!result.ok) {
      const { code } = result.error;
      const apiErrors: FieldErrors =
        code === 'email_taken'
          ? { email: locals.i18n.error(code) }
          : code === 'handle_taken'
            ? { handle: locals.i18n.error(code) }
            : translateFieldErrors(result.error, locals.i18n, {
                email: 'field.emailInvalid',
                handle: 'field.handleInvalid',
                password: 'field.passwordTooShort',
              });
      const message = hasErrors(apiErrors)
        ? locals.i18n.t('form.fixErrors')
        : locals.i18n.error(code, result.error.message);
      return fail(result.status, { values, errors: apiErrors, message });
    }
    redirect(303, paths.home);
  },
};
