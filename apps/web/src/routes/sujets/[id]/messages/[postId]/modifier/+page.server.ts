// Editing a post: the opening post edits the thread (title, body, tags), any other post its body.
// A plain form (works without JavaScript) with a Preview action; the API keeps every version.
import { error, fail, redirect } from '@sveltejs/kit';
import type { Post, ThreadDetail, UpdateThreadBody } from '@serendip/contracts';
import { hasErrors, rawField, textField, translateFieldErrors, type FieldErrors } from '$lib/forms';
import type { Translator } from '$lib/i18n';
import { paths } from '$lib/paths';
import { previewOf } from '$lib/server/preview';
import { tagsOf } from '$lib/tags';
import { loadThreadPost } from '../thread-post.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const { detail, post, canEdit } = await loadThreadPost(
    locals.api,
    params,
    url,
    locals.user?.id ?? null,
  );
  if (!canEdit) error(403, { message: locals.i18n.t('editPost.notAllowed'), code: 'forbidden' });
  return { thread: detail.thread, post };
};

interface EditValues {
  title: string;
  body: string;
  tags: string;
}

function valuesOf(form: FormData): EditValues {
  return {
    title: textField(form, 'title'),
    body: rawField(form, 'body'),
    tags: textField(form, 'tags'),
  };
}

function check(values: EditValues, isOpening: boolean, i18n: Translator): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.body.trim()) errors.body = i18n.t('threadPage.bodyRequired');
  if (!isOpening) return errors;
  if (values.title.length < 8 || values.title.length > 200) {
    errors.title = i18n.t('ask.titleInvalid');
  }
  const tags = tagsOf(values.tags);
  if (tags.length < 1 || tags.length > 5 || tags.some((tag) => tag.length > 60)) {
    errors.tags = i18n.t('ask.tagsInvalid');
  }
  return errors;
}

export const actions: Actions = {
  preview: async ({ request, locals, params, url }) => {
    await loadThreadPost(locals.api, params, url, locals.user?.id ?? null);
    const values = valuesOf(await request.formData());
    return { values, errors: {}, ...(await previewOf(locals.api, values.body, locals.i18n)) };
  },

  save: async ({ request, locals, params, url }) => {
    const { detail, post } = await loadThreadPost(locals.api, params, url, locals.user?.id ?? null);
    const i18n = locals.i18n;
    const values = valuesOf(await request.formData());
    const isOpening = post.kind === 'opening';
    const errors = check(values, isOpening, i18n);
    if (hasErrors(errors)) return fail(400, { values, errors, message: i18n.t('form.fixErrors') });

    const result = isOpening
      ? await locals.api.patch<ThreadDetail>(`/threads/${detail.thread.id}`, {
          title: values.title,
          body: values.body,
          tags: tagsOf(values.tags),
        } satisfies UpdateThreadBody)
      : await locals.api.patch<Post>(`/posts/${post.id}`, { body: values.body });
    if (!result.ok) {
      const apiErrors = translateFieldErrors(result.error, i18n, {
        title: 'ask.titleInvalid',
        body: 'threadPage.bodyRequired',
        tags: 'ask.tagsInvalid',
      });
      const message = hasErrors(apiErrors)
        ? i18n.t('form.fixErrors')
        : i18n.error(result.error.code, result.error.message);
      return fail(result.status, { values, errors: apiErrors, message });
    }
    redirect(303, paths.post(detail.thread.id, post.id));
  },
};
