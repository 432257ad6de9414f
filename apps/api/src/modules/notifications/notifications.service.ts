// Notifications: written inside the transaction of the change that causes them, filtered by each
// recipient's preferences and by what they may read (a private group's content never notifies
// a non-member); read back by their recipient only, hiding what they can no longer read.
import type {
  MarkNotificationsReadBody,
  Notification,
  NotificationList,
  NotificationListQuery,
  UnreadCount,
} from '@serendip/contracts';
import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import {
  events,
  groups,
  memberships,
  notifications,
  threads,
  users,
  type Database,
  type Executor,
} from '@serendip/db';
import { invalid } from '../../errors.ts';
import { decodeCursor, isRowId, pageOf } from '../../pagination.ts';
import { STAFF_ROLES, type Viewer } from '../../plugins/session.ts';
import { recordEvent } from '../../write-path.ts';
import { moderatesWith } from '../groups/groups.access.ts';
import {
  countUnread,
  listNotifications,
  markRead,
  type NotificationRow,
} from './notifications.queries.ts';

export type NotificationType =
  'answer' | 'mention' | 'accepted' | 'reply' | 'thanks' | 'moderation';

export interface NotificationInput {
  type: NotificationType;
  recipientIds: number[];
  actorId: number | null;
  threadId: number;
  postId?: number | null;
  /** Shown in the list without a join: title, excerpt, rating... (already safe plain text). */
  data: Record<string, unknown>;
}

/** Several people, each with their own notification type, for one change of one thread. */
export interface NotificationBatch extends Omit<NotificationInput, 'type' | 'recipientIds'> {
  recipients: { userId: number; type: NotificationType }[];
}

type Recipient = NotificationBatch['recipients'][number];

/** Each person once (their first type), never the actor. */
function candidatesOf(batch: NotificationBatch): Recipient[] {
  const byUser = new Map<number, Recipient>();
  for (const recipient of batch.recipients) {
    if (recipient.userId === batch.actorId || byUser.has(recipient.userId)) continue;
    byUser.set(recipient.userId, recipient);
  }
  return [...byUser.values()];
}

/** The recipients who still exist, want their type, and can read the thread's group. */
async function eligibleRecipients(tx: Executor, batch: NotificationBatch): Promise<Recipient[]> {
  const candidates = candidatesOf(batch);
  if (candidates.length === 0) return [];
  const types = [...new Set(candidates.map((recipient) => recipient.type))];
  // Whether each candidate wants each type in play, decided by the database. Only a stored JSON
  // false turns a type off; a cast of an odd value must never fail the write that notifies
  // (someone else's post).
  const wants = Object.fromEntries(
    types.map((type) => [
      type,
      sql<boolean>`(${users.notificationPreferences} -> ${type}::text) is distinct from 'false'::jsonb`,
    ]),
  );
  const rows = await tx
    .select({ id: users.id, ...wants })
    .from(users)
    .innerJoin(threads, eq(threads.id, batch.threadId))
    .innerJoin(groups, eq(groups.id, threads.groupId))
    .leftJoin(
      memberships,
      and(eq(memberships.groupId, groups.id), eq(memberships.userId, users.id)),
    )
    .where(
      and(
        inArray(
          users.id,
          candidates.map((recipient) => recipient.userId),
        ),
        isNull(users.deletedAt),
        or(
          eq(groups.visibility, 'public'),
          sql`${memberships.userId} is not null`,
          inArray(users.role, [...STAFF_ROLES]),
        ),
      ),
    );
  const wanted = new Map(rows.map((row) => [row.id, row as Record<string, unknown>]));
  return candidates.filter((recipient) => wanted.get(recipient.userId)?.[recipient.type] === true);
}

/**
 * Notifies each recipient with their own type in one pass (three statements whatever the number
 * of people or types); returns who was notified, in the order given.
 */
export async function notifyEach(tx: Executor, batch: NotificationBatch): Promise<number[]> {
  const recipients = await eligibleRecipients(tx, batch);
  if (recipients.length === 0) return [];
  const created = await tx
    .insert(notifications)
    .values(
      recipients.map(({ userId, type }) => ({
        userId,
        type,
        actorId: batch.actorId,
        threadId: batch.threadId,
        postId: batch.postId ?? null,
        data: batch.data,
      })),
    )
    .returning({ id: notifications.id, userId: notifications.userId, type: notifications.type });
  // One statement for all the events (same rows recordEvent writes): a thread with a thousand
  // followers must not cost a thousand round trips inside the poster's transaction.
  await tx.insert(events).values(
    created.map((row) => ({
      type: 'notification.created',
      topics: [`user:${row.userId}`],
      actorId: batch.actorId,
      payload: { notificationId: row.id, type: row.type, threadId: batch.threadId },
    })),
  );
  return recipients.map((recipient) => recipient.userId);
}

export async function notify(tx: Executor, input: NotificationInput): Promise<number[]> {
  const { type, recipientIds, ...rest } = input;
  return notifyEach(tx, { ...rest, recipients: recipientIds.map((userId) => ({ userId, type })) });
}

/** The anonymous author of a thread stays "a colleague" to everyone but moderators. */
function actorVisible(viewer: Viewer, row: NotificationRow): boolean {
  if (!row.threadIsAnonymous || row.actorId !== row.threadAuthorId) return true;
  return moderatesWith(viewer, row.membershipRole);
}

function toNotification(viewer: Viewer, row: NotificationRow): Notification {
  const href = row.threadId
    ? `/threads/${row.threadId}${row.postId ? `#post-${row.postId}` : ''}`
    : '/notifications';
  return {
    id: row.id,
    type: row.type,
    actor: actorVisible(viewer, row) ? row.actor : null,
    threadId: row.threadId,
    postId: row.postId,
    data: row.data,
    readAt: row.readAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    href,
  };
}

export async function listMyNotifications(
  db: Database,
  viewer: Viewer,
  query: NotificationListQuery,
): Promise<NotificationList> {
  const limit = query.limit ?? 20;
  const rows = await listNotifications(db, viewer, {
    unreadOnly: query.unread === true,
    beforeId: query.cursor
      ? decodeCursor<[number]>(query.cursor, (key) => key.length === 1 && isRowId(key[0]))[0]
      : undefined,
    limit,
  });
  return {
    ...pageOf(
      rows,
      limit,
      (row) => toNotification(viewer, row),
      (last) => [last.id],
    ),
    unreadCount: await countUnread(db, viewer),
  };
}

/** The badge alone (every page's header): no list to read, shape and send. */
export async function countMyUnread(db: Database, viewer: Viewer): Promise<UnreadCount> {
  return { unreadCount: await countUnread(db, viewer) };
}

/** Marks the viewer's own notifications as read; other people's ids are silently ignored. */
export async function markMyNotificationsRead(
  db: Database,
  viewer: Viewer,
  body: MarkNotificationsReadBody,
): Promise<UnreadCount> {
  if ((body.ids === undefined) === (body.all === undefined)) {
    throw invalid('ids', 'Send either "ids" (1 to 200 notification ids) or "all": true.');
  }
  await db.transaction(async (tx) => {
    const changed = await markRead(tx, viewer.id, body.all ? 'all' : body.ids!);
    if (changed.length === 0) return;
    // Other open tabs of the same person update their badge.
    await recordEvent(tx, {
      type: 'notification.read',
      topics: [`user:${viewer.id}`],
      actorId: viewer.id,
      payload: body.all ? { all: true } : { notificationIds: changed },
    });
  });
  return { unreadCount: await countUnread(db, viewer) };
}
