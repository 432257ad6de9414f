// HTTP routes for notifications: my list with its unread count, and marking as read.
import {
  ErrorResponse,
  MarkNotificationsReadBody,
  NotificationList,
  NotificationListQuery,
  UnreadCount,
} from '@serendip/contracts';
import type { Api, ModuleDeps } from '../../api-types.ts';
import { viewerOf } from '../../plugins/session.ts';
import { listMyNotifications, markMyNotificationsRead } from './notifications.service.ts';

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
