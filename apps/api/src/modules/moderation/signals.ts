// What moderation tells others: queue events for the realtime hub (the site-wide 'moderation'
// topic for staff, and 'moderation:<group id>' for that group's moderators),
// post visibility changes (thread topic + search outbox), and notifications to the people
// concerned (authors, flaggers, appellants), which may have no thread (a suspension).
import { events, notifications, threads, users, type Executor } from '@serendip/db';
import { eq, sql } from 'drizzle-orm';
import { queueSearchUpdates, recordEvent } from '../../write-path.ts';
import { adjustTagThreadCounts } from '../tags/tags.queries.ts';
import { adjustGroupThreadCount, selectThreadTagIds } from '../threads/threads.queries.ts';

export async function queueEvent(
  tx: Executor,
  type: string,
  payload: { itemId?: number; groupId?: number | null } & Record<string, unknown>,
): Promise<void> {
  await recordEvent(tx, { type, topics: queueTopics(payload.groupId), actorId: null, payload });
}

/** The realtime topics a queue in this scope changes on: see QueueList.topics. */
export function queueTopics(groupId: number | null | undefined): string[] {
  return groupId == null ? ['moderation'] : ['moderation', `moderation:${groupId}`];
}

/**
 * A post became visible or invisible: readers of the thread and the search index learn it, and
 * the counters follow what is published: a thread's answers, a group's and a tag's questions.
 */
export async function postVisibilityChanged(
  tx: Executor,
  post: { id: number; threadId: number; groupId: number; kind: string; state: string },
  state: string,
  actorId: number | null,
): Promise<void> {
  const wasPublished = post.state === 'published';
  const isPublished = state === 'published';
  if (wasPublished !== isPublished) {
    const delta = isPublished ? 1 : -1;
    if (post.kind === 'answer') {
      await tx
        .update(threads)
        .set({ answerCount: sql`greatest(${threads.answerCount} + ${delta}, 0)` })
        .where(eq(threads.id, post.threadId));
    }
    // A question's group and tags count it only while it is published.
    if (post.kind === 'opening') {
      await adjustGroupThreadCount(tx, post.groupId, delta);
      await adjustTagThreadCounts(tx, await selectThreadTagIds(tx, post.threadId), delta);
    }
  }
  await recordEvent(tx, {
    type: 'post.moderated',
    topics: [`thread:${post.threadId}`, `group:${post.groupId}`],
    actorId,
    payload: { postId: post.id, threadId: post.threadId, state },
  });
  await queueSearchUpdates(tx, [
    { documentType: 'post', documentIds: [post.id] },
    { documentType: 'thread', documentIds: post.kind === 'opening' ? [post.threadId] : [] },
  ]);
}

export interface ModerationNotice {
  userId: number;
  actorId: number | null;
  threadId?: number | null;
  postId?: number | null;
  /** What the web app shows: decision, clause, message, end date... (plain text). */
  data: Record<string, unknown>;
}

/**
 * Tells someone about a moderation decision, unless they turned moderation notices off. Written
 * directly (not through notify()): a suspension concerns no thread.
 */
export async function notifyModeration(tx: Executor, notice: ModerationNotice): Promise<void> {
  const [person] = await tx
    .select({ preferences: users.notificationPreferences })
    .from(users)
    .where(eq(users.id, notice.userId));
  if (!person || person.preferences.moderation === false) return;
  const [row] = await tx
    .insert(notifications)
    .values({
      userId: notice.userId,
      type: 'moderation',
      actorId: null,
      threadId: notice.threadId ?? null,
      postId: notice.postId ?? null,
      data: notice.data,
    })
    .returning({ id: notifications.id });
  await tx.insert(events).values({
    type: 'notification.created',
    topics: [`user:${notice.userId}`],
    actorId: null,
    payload: { notificationId: row!.id, type: 'moderation', threadId: notice.threadId ?? null },
  });
}
