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
import { DomainError, invalid } from '../../errors.ts';
import { isStaff, type Viewer } from '../../plugins/session.ts';
import { recordEvent } from '../../write-path.ts';
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

/** The recipients who still exist, want this type, and can read the thread's group. */
async function eligibleRecipients(tx: Executor, input: NotificationInput): Promise<number[]> {
  const candidates = [...new Set(input.recipientIds)].filter((id) => id !== input.actorId);
  if (candidates.length === 0) return [];
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .innerJoin(threads, eq(threads.id, input.threadId))
    .innerJoin(groups, eq(groups.id, threads.groupId))
    .leftJoin(
      memberships,
      and(eq(memberships.groupId, groups.id), eq(memberships.userId, users.id)),
    )
    .where(
      and(
        inArray(users.id, candidates),
        isNull(users.deletedAt),
        // Only a stored JSON false turns a type off; a cast of an odd value must never fail the
        // write that notifies (someone else's post).
        sql`(${users.notificationPreferences} -> ${input.type}::text) is distinct from 'false'::jsonb`,
        or(
          eq(groups.visibility, 'public'),
          sql`${memberships.userId} is not null`,
          inArray(users.role, ['moderator', 'admin']),
        ),
      ),
    );
  return rows.map((row) => row.id);
}

export async function notify(tx: Executor, input: NotificationInput): Promise<number[]> {
  const recipients = await eligibleRecipients(tx, input);
  if (recipients.length === 0) return [];
  const created = await tx
    .insert(notifications)
    .values(
      recipients.map((userId) => ({
        userId,
        type: input.type,
        actorId: input.actorId,
        threadId: input.threadId,
        postId: input.postId ?? null,
        data: input.data,
      })),
    )
    .returning({ id: notifications.id, userId: notifications.userId });
  // One statement for all the events (same rows recordEvent writes): a thread with a thousand
  // followers must not cost a thousand round trips inside the poster's transaction.
  await tx.insert(events).values(
    created.map((row) => ({
      type: 'notification.created',
      topics: [`user:${row.userId}`],
      actorId: input.actorId,
      payload: { notificationId: row.id, type: input.type, threadId: input.threadId },
    })),
  );
  return recipients;
}

const MAX_ID = 2147483647;

function encodeCursor(id: number): string {
  return Buffer.from(String(id)).toString('base64url');
}

/** Strict: only what encodeCursor produces is accepted, anything else is a 400. */
function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const id = /^[1-9]\d{0,9}$/.test(text) ? Number(text) : NaN;
  if (!(id <= MAX_ID) || encodeCursor(id) !== cursor) {
    throw new DomainError('invalid_cursor', 'This list cursor is not valid.');
  }
  return id;
}

/** The anonymous author of a thread stays "a colleague" to everyone but moderators. */
function actorVisible(viewer: Viewer, row: NotificationRow): boolean {
  if (!row.threadIsAnonymous || row.actorId !== row.threadAuthorId) return true;
  return isStaff(viewer) || row.membershipRole === 'moderator' || row.membershipRole === 'owner';
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
    beforeId: query.cursor ? decodeCursor(query.cursor) : undefined,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  return {
    items: page.map((row) => toNotification(viewer, row)),
    nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]!.id) : null,
    unreadCount: await countUnread(db, viewer),
  };
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
