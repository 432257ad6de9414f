// The signed-in person's notifications, newest first and paged by cursor (?apres=), with
// "mark all as read" and per-item "mark as read" as form actions that work without JavaScript.
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { NotificationList } from '@serendip/contracts';
import { dataOrError } from '$lib/api';
import { textField } from '$lib/forms';
import { paths, signInThenBackTo } from '$lib/paths';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  if (!locals.user) redirect(303, signInThenBackTo(url));
  const cursor = url.searchParams.get('apres') ?? undefined;
  const list = dataOrError(await locals.api.get<NotificationList>('/notifications', { cursor }));
  return { list, isFirstPage: !cursor };
};

/** Marks as read, then back to the list (303) so a reload does not post again. */
async function markRead(event: RequestEvent, body: { ids: number[] } | { all: true }) {
  if (!event.locals.user) redirect(303, signInThenBackTo(event.url));
  const result = await event.locals.api.post('/notifications/read', body);
  if (!result.ok) {
    return fail(result.status, {
      message: event.locals.i18n.error(result.error.code, result.error.message),
    });
  }
  const cursor = event.url.searchParams.get('apres');
  redirect(
    303,
    cursor ? `${paths.notifications}?apres=${encodeURIComponent(cursor)}` : paths.notifications,
  );
}

export const actions: Actions = {
  readAll: (event) => markRead(event, { all: true }),

  read: async (event) => {
    const id = Number(textField(await event.request.formData(), 'id'));
    if (!Number.isInteger(id) || id < 1) {
      return fail(400, { message: event.locals.i18n.t('form.invalid') });
    }
    return markRead(event, { ids: [id] });
  },
};
