// HTTP routes for notifications: my list with its unread count, the count alone (the header's
// badge on every page), and marking as read.
import {
  ErrorResponse,
  MarkNotificationsReadBody,
  NotificationList,
  NotificationListQuery,
  UnreadCount,
} from '@serendip/contracts';
import type { Api, ModuleDeps } from '../../api-types.ts';
import { viewerOf } from '../../plugins/session.ts';
import {
  countMyUnread,
  listMyNotifications,
  markMyNotificationsRead,
} from './notifications.service.ts';

const tags = ['notifications'];

export async function notificationsRoutes(app: Api, { db }: ModuleDeps): Promise<void> {
  app.get(
    '/notifications',
    {
      schema: {
        tags,
        security: [{ session: [] }],
        querystring: NotificationListQuery,
        response: { 200: NotificationList, '4xx': ErrorResponse },
      },
    },
    async (request) => listMyNotifications(db, viewerOf(request), request.query),
  );

  app.get(
    '/notifications/unread-count',
    {
      schema: {
        tags,
        security: [{ session: [] }],
        response: { 200: UnreadCount, '4xx': ErrorResponse },
      },
    },
    async (request) => countMyUnread(db, viewerOf(request)),
  );

  app.post(
    '/notifications/read',
    {
      schema: {
        tags,
        security: [{ session: [], csrf: [] }],
        body: MarkNotificationsReadBody,
        response: { 200: UnreadCount, '4xx': ErrorResponse },
      },
    },
    async (request) => markMyNotificationsRead(db, viewerOf(request), request.body),
  );
}
