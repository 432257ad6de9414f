// Flags: a member reports a post citing a charter clause. A member's repeat flag is ignored; the
// post enters the review queue, and at the configured number of flags it is hidden until reviewed.
import type { FlagBody } from '@serendip/contracts';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { flags, moderationItems, posts, type Database, type QueueReason } from '@serendip/db';
import { DomainError } from '../../errors.ts';
import { assertNotSuspended, type Viewer } from '../../plugins/session.ts';
import { loadPostAccess } from '../threads/thread-access.ts';
import { recordAudit } from './audit.ts';
import { assertClauseExists } from './charter/charter.service.ts';
import { loadSettings } from './rules-config.service.ts';
import { postVisibilityChanged, queueEvent } from './signals.ts';

export async function flagPost(
  db: Database,
  viewer: Viewer,
  postId: number,
  body: FlagBody,
): Promise<{ recorded: boolean; hidden: boolean }> {
  assertNotSuspended(viewer);
  const { post, access } = await loadPostAccess(db, viewer, postId);
  if (post.authorId === viewer.id) {
    throw new DomainError('forbidden', 'You cannot flag your own post; edit or delete it instead.');
  }
  await assertClauseExists(db, body.clause);
  const { flagHideThreshold } = await loadSettings(db);
  const groupId = access.thread.groupId;
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(flags)
      .values({ postId, flaggerId: viewer.id, clause: body.clause, note: body.note ?? '' })
      .onConflictDoNothing()
      .returning({ id: flags.id });
    if (inserted.length === 0) return { recorded: false, hidden: post.state === 'hidden' };
    const reason: QueueReason = {
      source: 'flag',
      clause: body.clause,
      rule: 'flags',
      detail: body.note ?? '',
    };
    // One open item per post: a flag joins the item already waiting (held, queued or flagged).
    const [item] = await tx
      .insert(moderationItems)
      .values({
        kind: 'flagged_post',
        postId,
        subjectUserId: post.authorId,
        groupId,
        reasons: [reason],
      })
      .onConflictDoUpdate({
        target: moderationItems.postId,
        targetWhere: sql`${moderationItems.status} = 'open'`,
        set: { reasons: sql`${moderationItems.reasons} || ${JSON.stringify([reason])}::jsonb` },
      })
      .returning({ id: moderationItems.id });
    const [{ count } = { count: 0 }] = await tx
      .select({ count: sql<number>`count(*)::int` })
      .from(flags)
      .where(and(eq(flags.postId, postId), isNull(flags.outcome)));
    // The conditional update is the lock: two flags crossing the threshold hide the post once.
    const hidden =
      count >= flagHideThreshold &&
      (
        await tx
          .update(posts)
          .set({ state: 'hidden' })
          .where(and(eq(posts.id, postId), eq(posts.state, 'published')))
          .returning({ id: posts.id })
      ).length > 0;
    if (hidden) {
      await recordAudit(tx, {
        actorId: null,
        action: 'post.hide_by_flags',
        targetType: 'post',
        targetId: postId,
        groupId,
        clause: body.clause,
        before: { state: 'published' },
        after: { state: 'hidden', flags: count },
        note: 'automatic: flag threshold reached',
      });
      await postVisibilityChanged(tx, { ...post, groupId }, 'hidden', null);
    }
    await queueEvent(tx, 'moderation.item_flagged', { itemId: item!.id, groupId, postId });
    return { recorded: true, hidden: hidden || post.state === 'hidden' };
  });
}
