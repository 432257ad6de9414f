// Database access for the viewer's notifications: list, unread count, mark as read. Both reads
// hide notifications about threads the viewer can no longer read (deleted, or in a private group
// they left) with the same joins and condition, so the list and the badge always agree.
import {
  and,
  count,
  eq,
  inArray,
  isNotNull,
  isNull,
  lt,
  or,
  sql,
  type Placeholder,
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  groups,
  memberships,
  notifications,
  preparedOnce,
  threads,
  users,
  type Database,
  type Executor,
} from '@serendip/db';
import { isStaff, type Viewer } from '../../plugins/session.ts';
import { groupReadableFor, viewerMembership } from '../groups/groups.access.ts';
import { userSummaryColumns } from '../users/users.queries.ts';

const actor = alias(users, 'actor');

/** Condition over the joined thread and its group. */
function stillReadableBy(staff: boolean, viewerId: number | Placeholder) {
  return or(
    isNull(notifications.threadId),
    and(
      isNotNull(threads.id),
      isNull(threads.deletedAt),
      isNotNull(groups.id),
      groupReadableFor(staff, viewerId),
    ),
  );
}

export interface NotificationListOptions {
  unreadOnly: boolean;
  /** Keyset: only notifications with a smaller id (older). */
  beforeId?: number;
  /** The page size: one row more is read, to tell whether there is a next page. */
  limit: number;
}

/** The viewer's readable notifications, newest first, with the actor and the thread's anonymity. */
export async function listNotifications(
  db: Executor,
  viewer: Viewer,
  options: NotificationListOptions,
) {
  return (
    db
      .select({
        id: notifications.id,
        type: notifications.type,
        actorId: notifications.actorId,
        threadId: notifications.threadId,
        postId: notifications.postId,
        data: notifications.data,
        readAt: notifications.readAt,
        createdAt: notifications.createdAt,
        actor: userSummaryColumns(actor),
        threadIsAnonymous: threads.isAnonymous,
        threadAuthorId: threads.authorId,
        membershipRole: memberships.role,
      })
      .from(notifications)
      .leftJoin(threads, eq(threads.id, notifications.threadId))
      .leftJoin(groups, eq(groups.id, threads.groupId))
      .leftJoin(memberships, viewerMembership(viewer))
      .leftJoin(actor, and(eq(actor.id, notifications.actorId), isNull(actor.deletedAt)))
      .where(
        and(
          eq(notifications.userId, viewer.id),
          options.unreadOnly ? isNull(notifications.readAt) : undefined,
          options.beforeId ? lt(notifications.id, options.beforeId) : undefined,
          stillReadableBy(isStaff(viewer), viewer.id),
        ),
      )
      // Same null order as notifications_user_idx (drizzle builds it `desc nulls last`).
      .orderBy(sql`${notifications.id} desc nulls last`)
      .limit(options.limit + 1)
  );
}

export type NotificationRow = Awaited<ReturnType<typeof listNotifications>>[number];

// Every page's header shows the badge: the count runs as a prepared statement (one for staff,
// who read every group, one for everyone else), since building the query cost more than running it.
function prepareUnreadCount(db: Database, staff: boolean) {
  const viewerId = sql.placeholder('viewerId');
  return db
    .select({ unread: count() })
    .from(notifications)
    .leftJoin(threads, eq(threads.id, notifications.threadId))
    .leftJoin(groups, eq(groups.id, threads.groupId))
    .where(
      and(
        eq(notifications.userId, viewerId),
        isNull(notifications.readAt),
        stillReadableBy(staff, viewerId),
      ),
    )
    .prepare(staff ? 'unread_count_staff' : 'unread_count');
}

export async function countUnread(db: Database, viewer: Viewer): Promise<number> {
  const staff = isStaff(viewer);
  const query = preparedOnce(db, staff ? 'unread_count_staff' : 'unread_count', (database) =>
    prepareUnreadCount(database, staff),
  );
  const [row] = await query.execute({ viewerId: viewer.id });
  return Number(row?.unread ?? 0);
}

/**
 * Marks the user's own unread notifications as read: the given ids, or all of them. Ids of other
 * people's notifications match nothing. Returns the ids that changed.
 */
export async function markRead(
  db: Executor,
  userId: number,
  ids: number[] | 'all',
): Promise<number[]> {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        ids === 'all' ? undefined : inArray(notifications.id, ids),
      ),
    )
    .returning({ id: notifications.id });
  return rows.map((row) => row.id);
}
