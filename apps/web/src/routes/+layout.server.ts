// Data every page needs: who is signed in, the language, the unread notification count, where that
// count stands in the realtime event stream (read first, so live updates start from there), and the
// CSRF token for the browser's own API calls.
import type { RealtimeCursor, UnreadCount } from '@serendip/contracts';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => {
  let unreadCount = 0;
  let realtimeSince: number | null = null;
  if (locals.user) {
    const cursor = await locals.api.get<RealtimeCursor>('/realtime/cursor');
    if (cursor.ok) realtimeSince = cursor.data.lastEventId;
    // The count alone: every page shows the badge, and reading a page of notifications for it
    // was wasted work on each of them.
    const unread = await locals.api.get<UnreadCount>('/notifications/unread-count');
    if (unread.ok) unreadCount = unread.data.unreadCount;
  }
  // The session's CSRF token, for the few calls the browser makes to the API itself (previews);
  // the page is the signed-in person's own, so the token never reaches anyone else.
  return {
    user: locals.user,
    locale: locals.locale,
    unreadCount,
    realtimeSince,
    csrfToken: locals.api.csrfToken,
  };
};
