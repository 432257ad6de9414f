// Database access for votes, accepted answers and thanks; counters move by deltas so concurrent
// votes never overwrite each other.
import { and, eq, sql } from 'drizzle-orm';
import { posts, thanks, threads, votes, type Executor } from '@serendip/db';
import type { PostRow } from '../posts/posts.queries.ts';

export type ThanksRow = typeof thanks.$inferSelect;

/** The post only when it is a published, non-deleted answer of that thread. */
export async function findPublishedAnswer(
  db: Executor,
  threadId: number,
  postId: number,
): Promise<PostRow | undefined> {
  const [row] = await db
    .select()
    .from(posts)
    .where(
      and(
        eq(posts.id, postId),
        eq(posts.threadId, threadId),
        eq(posts.kind, 'answer'),
        eq(posts.state, 'published'),
        sql`${posts.deletedAt} is null`,
      ),
    )
    .limit(1);
  return row;
}

const MAX_VOTE_ATTEMPTS = 3;

/**
 * Puts the person's vote on the post (0 removes it) and returns the value it replaced (0 for
 * none). The existing row is read FOR UPDATE, and a new row is inserted with ON CONFLICT DO
 * NOTHING, so two requests from the same person (a double click) cannot both count.
 */
export async function replaceVote(
  tx: Executor,
  postId: number,
  userId: number,
  value: number,
): Promise<number> {
  const mine = and(eq(votes.postId, postId), eq(votes.userId, userId));
  for (let attempt = 0; attempt < MAX_VOTE_ATTEMPTS; attempt++) {
    const [current] = await tx.select({ value: votes.value }).from(votes).where(mine).for('update');
    if (current) {
      if (value === 0) await tx.delete(votes).where(mine);
      else if (current.value !== value) await tx.update(votes).set({ value }).where(mine);
      return current.value;
    }
    if (value === 0) return 0;
    const inserted = await tx
      .insert(votes)
      .values({ postId, userId, value })
      .onConflictDoNothing()
      .returning({ value: votes.value });
    if (inserted.length > 0) return 0;
    // The same person's other request inserted the row meanwhile: read it again, locked.
  }
  throw new Error(`vote on post ${postId} by user ${userId} kept changing under us`);
}

/** Moves the post's score by delta atomically and returns the new score. */
export async function addToPostScore(tx: Executor, postId: number, delta: number): Promise<number> {
  const [row] = await tx
    .update(posts)
    .set({ score: sql`${posts.score} + ${delta}` })
    .where(eq(posts.id, postId))
    .returning({ score: posts.score });
  return row!.score;
}

/** threads.score mirrors its opening post's score. */
export async function addToThreadScore(
  tx: Executor,
  threadId: number,
  delta: number,
): Promise<void> {
  await tx
    .update(threads)
    .set({ score: sql`${threads.score} + ${delta}` })
    .where(eq(threads.id, threadId));
}

export async function setAcceptedPost(
  tx: Executor,
  threadId: number,
  postId: number | null,
): Promise<void> {
  await tx.update(threads).set({ acceptedPostId: postId }).where(eq(threads.id, threadId));
}

export async function findThanks(tx: Executor, threadId: number): Promise<ThanksRow | undefined> {
  const [row] = await tx.select().from(thanks).where(eq(thanks.threadId, threadId)).limit(1);
  return row;
}

/** One row per thread: thanking again replaces the rating, message and recipient. */
export async function upsertThanks(
  tx: Executor,
  values: Omit<ThanksRow, 'createdAt'>,
): Promise<ThanksRow> {
  const { threadId: _threadId, fromUserId: _fromUserId, ...changes } = values;
  const [row] = await tx
    .insert(thanks)
    .values(values)
    .onConflictDoUpdate({ target: thanks.threadId, set: changes })
    .returning();
  return row!;
}

/**
 * Removes the thanks of a thread (only if they are for `postId`, when given) and returns whom they
 * were for, if there were any.
 */
export async function deleteThanks(
  tx: Executor,
  threadId: number,
  postId?: number,
): Promise<number | null> {
  const [row] = await tx
    .delete(thanks)
    .where(
      and(
        eq(thanks.threadId, threadId),
        postId === undefined ? undefined : eq(thanks.postId, postId),
      ),
    )
    .returning({ toUserId: thanks.toUserId });
  return row?.toUserId ?? null;
}
