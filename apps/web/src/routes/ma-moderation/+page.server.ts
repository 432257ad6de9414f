// A member's own moderation: the suspension and its end date, the moderators' decisions on their
// posts (from their moderation notifications: decision, clause, message), their sanctions, and one
// appeal per decision.
import { fail, redirect } from '@sveltejs/kit';
import type { AppealList, MySanctions, NotificationList } from '@serendip/contracts';
import { dataOrError } from '$lib/api';
import { textField } from '$lib/forms';
import { paths, signInThenBackTo } from '$lib/paths';
import type { Actions, PageServerLoad } from './$types';

export interface DecisionNotice {
  id: number;
  threadId: number | null;
  postId: number | null;
  decision: string;
  clause: number | null;
  message: string;
  title: string;
  createdAt: string;
}

function noticeOf(item: NotificationList['items'][number]): DecisionNotice | null {
  const { decision, clause, message, title } = item.data;
  if (typeof decision !== 'string') return null;
  return {
    id: item.id,
    threadId: item.threadId,
    postId: item.postId,
    decision,
    clause: typeof clause === 'number' ? clause : null,
    message: typeof message === 'string' ? message : '',
    title: typeof title === 'string' ? title : '',
    createdAt: item.createdAt,
  };
}

export const load: PageServerLoad = async ({ locals, url }) => {
  if (!locals.user) redirect(303, signInThenBackTo(url));
  const [sanctions, appeals, notifications] = await Promise.all([
    locals.api.get<MySanctions>('/me/sanctions'),
    locals.api.get<AppealList>('/me/appeals'),
    locals.api.get<NotificationList>('/notifications', { limit: 100 }),
  ]);
  const decisions = dataOrError(notifications)
    .items.filter((item) => item.type === 'moderation')
    .map(noticeOf)
    .filter((notice): notice is DecisionNotice => notice !== null);
  return { sanctions: dataOrError(sanctions), appeals: dataOrError(appeals), decisions };
};

export const actions: Actions = {
  appeal: async ({ locals, request }) => {
    const form = await request.formData();
    const message = textField(form, 'message');
    const postId = Number(textField(form, 'postId'));
    const sanctionId = Number(textField(form, 'sanctionId'));
    const target = postId > 0 ? { postId } : sanctionId > 0 ? { sanctionId } : null;
    const key = postId > 0 ? `post-${postId}` : `sanction-${sanctionId}`;
    if (!target) return fail(400, { key, message: locals.i18n.t('form.invalid') });
    if (!message) {
      return fail(400, { key, message: locals.i18n.t('myModeration.appealRequired') });
    }
    const result = await locals.api.post('/appeals', { ...target, message });
    if (!result.ok) {
      return fail(result.status, {
        key,
        message: locals.i18n.error(result.error.code, result.error.message),
      });
    }
    redirect(303, `${paths.myModeration}?recours=envoye`);
  },
};
