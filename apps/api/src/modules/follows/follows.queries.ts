// Database access for follows; also used by other features (auto-follow on posting, notifying
// a thread's followers).
import { and, desc, eq, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { follows, groups, tags, threads, users, type Executor } from '@serendip/db';
import type { Viewer } from '../../plugins/session.ts';
import { groupReadableBy } from '../groups/groups.access.ts';

export type FollowTargetType = 'thread' | 'tag' | 'group' | 'user';

/** Idempotent: following twice keeps one row. */
export async function addFollow(
  db: Executor,
  userId: number,
  targetType: FollowTargetType,
  targetId: number,
): Promise<void> {
  await db.insert(follows).values({ userId, targetType, targetId }).onConflictDoNothing();
}

export async function removeFollow(
  db: Executor,
  userId: number,
  targetType: FollowTargetType,
  targetId: number,
): Promise<void> {
  await db
    .delete(follows)
    .where(
      and(
        eq(follows.userId, userId),
        eq(follows.targetType, targetType),
        eq(follows.targetId, targetId),
      ),
    );
}

export async function followerIdsOf(
  db: Executor,
  targetType: FollowTargetType,
  targetId: number,
): Promise<number[]> {
  const rows = await db
    .select({ userId: follows.userId })
    .from(follows)
    .where(and(eq(follows.targetType, targetType), eq(follows.targetId, targetId)));
  return rows.map((row) => row.userId);
}

/** The thread exists, is not deleted, and sits in a group the viewer may read. */
export async function isThreadReadable(db: Executor, viewer: Viewer, threadId: number) {
  const [row] = await db
    .select({ id: threads.id })
    .from(threads)
    .innerJoin(groups, eq(groups.id, threads.groupId))
    .where(and(eq(threads.id, threadId), isNull(threads.deletedAt), groupReadableBy(viewer)))
    .limit(1);
  return row !== undefined;
}

export async function tagExists(db: Executor, tagId: number) {
  const [row] = await db.select({ id: tags.id }).from(tags).where(eq(tags.id, tagId)).limit(1);
  return row !== undefined;
}

export async function isActiveUser(db: Executor, userId: number) {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.deletedAt)))
    .limit(1);
  return row !== undefined;
}

/** Keyset position in a follow list: the exact (microsecond) creation time, then the target. */
export interface FollowListPosition {
  createdAt: string;
  targetType: FollowTargetType;
  targetId: number;
}

export interface FollowListOptions {
  targetType?: FollowTargetType;
  after?: FollowListPosition;
  /** The page size: one row more is read, to tell whether there is a next page. */
  limit: number;
}

// Text form of created_at with microseconds: a JS Date would round it and break the keyset.
const exactCreatedAt = sql<string>`to_char(${follows.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** The viewer's follows, newest first, keeping only targets they can still read. */
export async function listFollows(db: Executor, viewer: Viewer, options: FollowListOptions) {
  const readableGroup = and(isNotNull(groups.id), groupReadableBy(viewer));
  const after = options.after;
  return db
    .select({
      targetType: follows.targetType,
      targetId: follows.targetId,
      createdAt: follows.createdAt,
      position: exactCreatedAt,
      threadTitle: threads.title,
      tagSlug: tags.slug,
      groupSlug: groups.slug,
      groupName: groups.name,
      userHandle: users.handle,
      userDisplayName: users.displayName,
    })
    .from(follows)
    .leftJoin(
      threads,
      and(
        eq(follows.targetType, 'thread'),
        eq(threads.id, follows.targetId),
        isNull(threads.deletedAt),
      ),
    )
    .leftJoin(
      groups,
      eq(
        groups.id,
        sql`case when ${follows.targetType} = 'group' then ${follows.targetId} else ${threads.groupId} end`,
      ),
    )
    .leftJoin(tags, and(eq(follows.targetType, 'tag'), eq(tags.id, follows.targetId)))
    .leftJoin(
      users,
      and(eq(follows.targetType, 'user'), eq(users.id, follows.targetId), isNull(users.deletedAt)),
    )
    .where(
      and(
        eq(follows.userId, viewer.id),
        options.targetType ? eq(follows.targetType, options.targetType) : undefined,
        after
          ? sql`(${follows.createdAt}, ${follows.targetType}, ${follows.targetId}) < (${after.createdAt}::timestamptz, ${after.targetType}::follow_target, ${after.targetId})`
          : undefined,
        or(
          and(eq(follows.targetType, 'thread'), isNotNull(threads.id), readableGroup),
          and(eq(follows.targetType, 'group'), readableGroup),
          isNotNull(tags.id),
          isNotNull(users.id),
        ),
      ),
    )
    .orderBy(desc(follows.createdAt), desc(follows.targetType), desc(follows.targetId))
    .limit(options.limit + 1);
}

export type FollowListRow = Awaited<ReturnType<typeof listFollows>>[number];
