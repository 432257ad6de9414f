// Asking in a group: a plain form post (works without JavaScript) checked here first, then by the
// API, whose field errors come back next to the right input; success goes to the new thread. The
// preview action renders the body without JavaScript; with it, the editor previews as you type.
import { fail, redirect } from '@sveltejs/kit';
import type {
  CreateThreadBody,
  Group,
  SuggestItem,
  ThreadDetail,
  ThreadKind,
} from '@serendip/contracts';
import type { ApiClient } from '$lib/api';
import { dataOrError } from '$lib/api';
import { previewOf } from '$lib/server/preview';
import { tagsOf } from '$lib/tags';
import { hasErrors, rawField, textField, translateFieldErrors, type FieldErrors } from '$lib/forms';
import type { Translator } from '$lib/i18n';
import { paths, signInThenBackTo } from '$lib/paths';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  if (!locals.user) redirect(303, signInThenBackTo(url));
  const group = dataOrError(
    await locals.api.get<Group>(`/groups/${encodeURIComponent(params.slug)}`),
  );
  // "Ask this expert" (/personnes) opens this page with ?pour=handle&etiquettes=tag.
  const addressedTo = url.searchParams.get('pour')?.trim() || null;
  const tags = url.searchParams.get('etiquettes')?.trim() ?? '';
  return { group, addressedTo, tags };
};

interface AskValues {
  kind: string;
  title: string;
  body: string;
  tags: string;
  anonymous: boolean;
  addressedTo: string;
}

function check(values: AskValues, i18n: Translator): FieldErrors {
  const errors: FieldErrors = {};
  if (values.kind !== 'question' && values.kind !== 'discussion')
    errors.kind = i18n.t('form.required');
  if (values.title.length < 8 || values.title.length > 200)
    errors.title = i18n.t('ask.titleInvalid');
  if (!values.body.trim()) errors.body = i18n.t('ask.bodyRequired');
  const tags = tagsOf(values.tags);
  if (tags.length < 1 || tags.length > 5 || tags.some((tag) => tag.length > 60)) {
    errors.tags = i18n.t('ask.tagsInvalid');
  }
  return errors;
}

function valuesOf(form: FormData): AskValues {
  return {
    kind: textField(form, 'kind'),
    title: textField(form, 'title'),
    body: rawField(form, 'body'),
    tags: textField(form, 'tags'),
    anonymous: form.get('anonymous') === 'on',
    addressedTo: textField(form, 'addressedTo'),
  };
}

/** "Already asked?" for a title sent without JavaScript; none when the API cannot answer. */
async function similarTo(api: ApiClient, title: string): Promise<SuggestItem[]> {
  if (!title) return [];
  const found = await api.get<{ items: SuggestItem[] }>('/search/similar-questions', {
    title: title.slice(0, 300),
    limit: 5,
  });
  return found.ok ? found.data.items : [];
}

export const actions: Actions = {
  /**
   * Without JavaScript, "Preview" posts the whole form here: it comes back filled, with the
   * preview and the threads that look like its title.
   */
  preview: async ({ request, locals, url }) => {
    if (!locals.user) redirect(303, signInThenBackTo(url));
    const values = valuesOf(await request.formData());
    const [preview, similar] = await Promise.all([
      previewOf(locals.api, values.body, locals.i18n),
      similarTo(locals.api, values.title),
    ]);
    return { values, errors: {}, similar, ...preview };
  },

  ask: async ({ request, locals, params, url }) => {
    if (!locals.user) redirect(303, signInThenBackTo(url));
    const values = valuesOf(await request.formData());
    const errors = check(values, locals.i18n);
    if (hasErrors(errors)) {
      return fail(400, { values, errors, message: locals.i18n.t('form.fixErrors') });
    }

    const body: CreateThreadBody = {
      kind: values.kind as ThreadKind,
      title: values.title,
      body: values.body,
      tags: tagsOf(values.tags),
      ...(values.kind === 'question' && values.anonymous ? { anonymous: true } : {}),
      ...(values.addressedTo ? { addressedTo: values.addressedTo } : {}),
    };
    const result = await locals.api.post<ThreadDetail>(
      `/groups/${encodeURIComponent(params.slug)}/threads`,
      body,
    );
    if (!result.ok) {
      // Posting is refused until the charter is accepted: the form then links to it (the error
      // names the charter's address as its "field", which is not a field of this form).
      const charterLink = result.error.code === 'charter_not_accepted';
      const apiErrors = charterLink
        ? {}
        : translateFieldErrors(result.error, locals.i18n, {
            title: 'ask.titleInvalid',
            body: 'ask.bodyRequired',
            tags: 'ask.tagsInvalid',
            addressedTo: 'ask.addressedInvalid',
          });
      const message = hasErrors(apiErrors)
        ? locals.i18n.t('form.fixErrors')
        : locals.i18n.error(result.error.code, result.error.message);
      return fail(result.status, { values, errors: apiErrors, message, charterLink });
    }
    redirect(303, paths.thread(result.data.thread.id));
  },
};
