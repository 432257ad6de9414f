// Database access for the viewer's notifications: list, unread count, mark as read. Both reads
// hide notifications about threads the viewer can no longer read (deleted, or in a private group
// they left) with the same joins and condition, so the list and the badge always agree.
import { and, count, desc, eq, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { groups, memberships, notifications, threads, users, type Executor } from '@serendip/db';
import { isStaff, type Viewer } from '../../plugins/session.ts';

const actor = alias(users, 'actor');

/** Condition over the joined thread, its group and the viewer's membership of it. */
function stillReadableBy(viewer: Viewer) {
  const groupReadable = isStaff(viewer)
    ? sql`true`
    : or(eq(groups.visibility, 'public'), isNotNull(memberships.userId));
  return or(
    isNull(notifications.threadId),
    and(isNotNull(threads.id), isNull(threads.deletedAt), isNotNull(groups.id), groupReadable),
  );
}

const viewerMembership = (viewer: Viewer) =>
  and(eq(memberships.groupId, groups.id), eq(memberships.userId, viewer.id));

export interface NotificationListOptions {
  unreadOnly: boolean;
  /** Keyset: only notifications with a smaller id (older). */
  beforeId?: number;
  limit: number;
}

/** The viewer's readable notifications, newest first, with the actor and the thread's anonymity. */
export async function listNotifications(
  db: Executor,
  viewer: Viewer,
  options: NotificationListOptions,
) {
  return db
    .select({
      id: notifications.id,
      type: notifications.type,
      actorId: notifications.actorId,
      threadId: notifications.threadId,
      postId: notifications.postId,
      data: notifications.data,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
      actor: {
        id: actor.id,
        handle: actor.handle,
        displayName: actor.displayName,
        jobTitle: actor.jobTitle,
        department: actor.department,
        site: actor.site,
      },
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
        stillReadableBy(viewer),
      ),
    )
    .orderBy(desc(notifications.id))
    .limit(options.limit);
}

export type NotificationRow = Awaited<ReturnType<typeof listNotifications>>[number];

export async function countUnread(db: Executor, viewer: Viewer): Promise<number> {
  const [row] = await db
    .select({ unread: count() })
    .from(notifications)
    .leftJoin(threads, eq(threads.id, notifications.threadId))
    .leftJoin(groups, eq(groups.id, threads.groupId))
    .leftJoin(memberships, viewerMembership(viewer))
    .where(
      and(
        eq(notifications.userId, viewer.id),
        isNull(notifications.readAt),
        stillReadableBy(viewer),
      ),
    );
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
