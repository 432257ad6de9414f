// Settings: what the person follows (threads, tags, groups, people), each with an "unfollow" form
// action that works without JavaScript. Language and notification choices live in the profile's
// preferences (one form, one place), which this page links to rather than repeating.
import { fail, redirect } from '@sveltejs/kit';
import type { FollowList, FollowTargetType } from '@serendip/contracts';
import { dataOrError } from '$lib/api';
import { textField } from '$lib/forms';
import { signInThenBackTo } from '$lib/paths';
import type { Actions, PageServerLoad } from './$types';

const TARGET_TYPES: readonly FollowTargetType[] = ['thread', 'tag', 'group', 'user'];

export const load: PageServerLoad = async ({ locals, url }) => {
  if (!locals.user) redirect(303, signInThenBackTo(url));
  const follows = dataOrError(await locals.api.get<FollowList>('/follows', { limit: 100 }));
  return { follows: follows.items, more: follows.nextCursor !== null };
};

export const actions: Actions = {
  unfollow: async ({ request, locals, url }) => {
    if (!locals.user) redirect(303, signInThenBackTo(url));
    const form = await request.formData();
    const targetType = TARGET_TYPES.find((type) => type === textField(form, 'targetType'));
    const targetId = Number(textField(form, 'targetId'));
    const label = textField(form, 'label');
    if (!targetType || !Number.isInteger(targetId) || targetId < 1) {
      return fail(400, { message: locals.i18n.t('form.invalid') });
    }
    const result = await locals.api.delete(`/follows/${targetType}/${targetId}`);
    if (!result.ok) {
      return fail(result.status, {
        message: locals.i18n.error(result.error.code, result.error.message),
      });
    }
    return { unfollowed: locals.i18n.t('settings.unfollowed', { label }) };
  },
};
