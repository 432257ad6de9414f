// Database access for follows; also used by other features (auto-follow on posting, notifying
// a thread's followers).
import { and, eq } from 'drizzle-orm';
import { follows, type Executor } from '@serendip/db';

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
