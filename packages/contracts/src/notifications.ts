// Schemas for the notifications endpoints: the viewer's list and marking as read.
import { Type } from 'typebox';
import { Id, PageQuery, Timestamp, UserSummary } from './common.ts';

export const NotificationType = Type.Union([
  Type.Literal('answer'),
  Type.Literal('mention'),
  Type.Literal('accepted'),
  Type.Literal('reply'),
  Type.Literal('thanks'),
  Type.Literal('moderation'),
]);
export type NotificationType = Type.Static<typeof NotificationType>;

export const Notification = Type.Object({
  id: Id,
  type: NotificationType,
  /** Who caused it; null when unknown, deleted, or the anonymous author of the thread. */
  actor: Type.Union([UserSummary, Type.Null()]),
  threadId: Type.Union([Id, Type.Null()]),
  postId: Type.Union([Id, Type.Null()]),
  /** Plain text chosen by the feature that notified (title, excerpt, rating...). */
  data: Type.Record(Type.String(), Type.Unknown()),
  readAt: Type.Union([Timestamp, Type.Null()]),
  createdAt: Timestamp,
  /** Where a click leads: '/threads/<id>' or '/threads/<id>#post-<postId>'. */
  href: Type.String(),
});
export type Notification = Type.Static<typeof Notification>;

export const NotificationListQuery = Type.Object({
  unread: Type.Optional(Type.Boolean()),
  cursor: PageQuery.properties.cursor,
  limit: PageQuery.properties.limit,
});
export type NotificationListQuery = Type.Static<typeof NotificationListQuery>;

export const NotificationList = Type.Object({
  items: Type.Array(Notification),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
  unreadCount: Type.Integer({ minimum: 0 }),
});
export type NotificationList = Type.Static<typeof NotificationList>;

/** Exactly one of ids or all (checked by the service: a union would blur the field errors). */
export const MarkNotificationsReadBody = Type.Object({
  ids: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 200 })),
  all: Type.Optional(Type.Literal(true)),
});
export type MarkNotificationsReadBody = Type.Static<typeof MarkNotificationsReadBody>;

export const UnreadCount = Type.Object({ unreadCount: Type.Integer({ minimum: 0 }) });
export type UnreadCount = Type.Static<typeof UnreadCount>;
