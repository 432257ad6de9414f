// A held post that a moderator publishes: it notifies whom its writing would have, and its author
// leaves pre-moderation once enough of their posts have been approved (trust level 1).
import { and, count, eq } from 'drizzle-orm';
import {
  moderationItems,
  postMentions,
  posts,
  threadAddressees,
  threads,
  users,
  type Executor,
} from '@serendip/db';
import { followerIdsOf } from '../follows/follows.queries.ts';
import { notifyOnce } from '../posts/post-write.ts';
import { actorOf } from '../threads/thread-rules.ts';
import { recordAudit } from './audit.ts';
import { loadSettings } from './rules-config.service.ts';

/**
 * A held post, once published, notifies whom its writing would have: the asker of an answered
 * question, the people it mentions and, for a question asked of an expert, that expert, the
 * thread's followers (the body read afresh after an edit).
 */
export async function announcePublished(tx: Executor, postId: number): Promise<void> {
  const [row] = await tx
    .select({ post: posts, thread: threads })
    .from(posts)
    .innerJoin(threads, eq(threads.id, posts.threadId))
    .where(eq(posts.id, postId));
  if (!row) return;
  const { post, thread } = row;
  const mentions = await tx
    .select({ userId: postMentions.userId })
    .from(postMentions)
    .where(eq(postMentions.postId, postId));
  const addressees =
    post.kind === 'opening'
      ? await tx
          .select({ userId: threadAddressees.userId })
          .from(threadAddressees)
          .where(eq(threadAddressees.threadId, thread.id))
      : [];
  const named = [...mentions, ...addressees].map((person) => person.userId);
  const followers = post.kind === 'opening' ? [] : await followerIdsOf(tx, 'thread', thread.id);
  await notifyOnce(
    tx,
    [
      ['answer', post.kind === 'answer' ? [thread.authorId] : []],
      ['mention', [...new Set(named)]],
      ['reply', followers],
    ],
    {
      threadId: thread.id,
      postId,
      threadTitle: thread.title,
      bodyHtml: post.bodyHtml,
      actorId: actorOf(thread, post.authorId),
      writerId: post.authorId,
    },
  );
}

/** A newcomer whose approved posts reach the threshold leaves pre-moderation (trust level 1). */
export async function promoteIfTrusted(tx: Executor, authorId: number): Promise<void> {
  const { premoderatedPosts } = await loadSettings(tx);
  const [author] = await tx
    .select({ trustLevel: users.trustLevel })
    .from(users)
    .where(eq(users.id, authorId));
  if (!author || author.trustLevel > 0) return;
  const [approved] = await tx
    .select({ value: count() })
    .from(moderationItems)
    .where(
      and(
        eq(moderationItems.subjectUserId, authorId),
        eq(moderationItems.kind, 'held_post'),
        eq(moderationItems.decision, 'approve'),
      ),
    );
  if ((approved?.value ?? 0) >= premoderatedPosts) {
    await tx.update(users).set({ trustLevel: 1 }).where(eq(users.id, authorId));
    await recordAudit(tx, {
      actorId: null,
      action: 'user.trust_level',
      targetType: 'user',
      targetId: authorId,
      before: { trustLevel: 0 },
      after: { trustLevel: 1 },
      note: `automatic: ${approved?.value} approved posts`,
    });
  }
}
