// Creating a group: any member may (the API makes them its owner). A plain form that works
// without JavaScript; the address is suggested from the name when left empty.
import { fail, redirect } from '@sveltejs/kit';
import type { CreateGroupBody, Group } from '@serendip/contracts';
import { hasErrors, textField, translateFieldErrors, type FieldErrors } from '$lib/forms';
import type { Translator } from '$lib/i18n';
import { paths, signInThenBackTo } from '$lib/paths';
import { slugFromName } from '$lib/slug';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  if (!locals.user) redirect(303, signInThenBackTo(url));
  return {};
};

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

interface GroupValues {
  name: string;
  slug: string;
  description: string;
  kind: string;
  visibility: string;
}

function check(values: GroupValues, i18n: Translator): FieldErrors {
  const errors: FieldErrors = {};
  if (values.name.length < 2 || values.name.length > 80)
    errors.name = i18n.t('newGroup.nameInvalid');
  if (values.slug.length < 2 || values.slug.length > 64 || !SLUG_PATTERN.test(values.slug)) {
    errors.slug = i18n.t('newGroup.slugInvalid');
  }
  if (values.description.length > 2000) errors.description = i18n.t('newGroup.descriptionInvalid');
  if (values.kind !== 'professional' && values.kind !== 'hobby')
    errors.kind = i18n.t('form.required');
  if (values.visibility !== 'public' && values.visibility !== 'private') {
    errors.visibility = i18n.t('form.required');
  }
  return errors;
}

export const actions: Actions = {
  default: async ({ request, locals, url }) => {
    if (!locals.user) redirect(303, signInThenBackTo(url));
    const form = await request.formData();
    const name = textField(form, 'name');
    const values: GroupValues = {
      name,
      slug: textField(form, 'slug') || slugFromName(name),
      description: textField(form, 'description'),
      kind: textField(form, 'kind'),
      visibility: textField(form, 'visibility'),
    };
    const i18n = locals.i18n;
    const errors = check(values, i18n);
    if (hasErrors(errors)) return fail(400, { values, errors, message: i18n.t('form.fixErrors') });

    const body: CreateGroupBody = {
      name: values.name,
      slug: values.slug,
      kind: values.kind as CreateGroupBody['kind'],
      visibility: values.visibility as NonNullable<CreateGroupBody['visibility']>,
      ...(values.description ? { description: values.description } : {}),
    };
    const result = await locals.api.post<Group>('/groups', body);
    if (!result.ok) {
      const apiErrors =
        result.error.code === 'slug_taken'
          ? { slug: i18n.error('slug_taken') }
          : translateFieldErrors(result.error, i18n, {
              name: 'newGroup.nameInvalid',
              slug: 'newGroup.slugInvalid',
              description: 'newGroup.descriptionInvalid',
            });
      const message = hasErrors(apiErrors)
        ? i18n.t('form.fixErrors')
        : i18n.error(result.error.code, result.error.message);
      return fail(result.status, { values, errors: apiErrors, message });
    }
    redirect(303, paths.group(result.data.slug));
  },
};
