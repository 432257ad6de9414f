// Data every page needs: who is signed in, the language, and the unread notification count.
import type { NotificationList } from '@serendip/contracts';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => {
  let unreadCount = 0;
  if (locals.user) {
    const unread = await locals.api.get<NotificationList>('/notifications', {
      unread: true,
      limit: 1,
    });
    if (unread.ok) unreadCount = unread.data.unreadCount;
  }
  return { user: locals.user, locale: locals.locale, unreadCount };
};
