// Screening a new post before it is written: the charter must be accepted, the automatic rules
// judge the text, and a new member's first posts are held (trust levels). Then, inside the post's
// transaction, a held post becomes 'pending' and held or queued posts enter the review queue.
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { moderationItems, posts, users, type Executor, type QueueReason } from '@serendip/db';
import { DomainError } from '../../errors.ts';
import type { Viewer } from '../../plugins/session.ts';
import { recordAudit } from './audit.ts';
import { assertCharterAccepted } from './charter/charter.service.ts';
import { historyWindowMinutes, loadCompiledRules, loadSettings } from './rules-config.service.ts';
import { evaluatePost, type RecentPost } from './rules/index.ts';
import { queueEvent } from './signals.ts';

export interface Screening {
  /** Not visible to others until a moderator approves it. */
  held: boolean;
  /** Published, but queued for a moderator to look at. */
  queued: boolean;
  reasons: QueueReason[];
}

export const PUBLISH: Screening = { held: false, queued: false, reasons: [] };

/** Trust level 0 is a newcomer: their posts are held until enough of them have been approved. */
async function authorStanding(db: Executor, userId: number) {
  const [row] = await db
    .select({ trustLevel: users.trustLevel })
    .from(users)
    .where(eq(users.id, userId));
  return { trustLevel: row?.trustLevel ?? 0 };
}

async function recentPostsOf(db: Executor, userId: number, minutes: number): Promise<RecentPost[]> {
  if (minutes === 0) return [];
  const rows = await db
    .select({ text: posts.bodySource, createdAt: posts.createdAt })
    .from(posts)
    .where(
      and(
        eq(posts.authorId, userId),
        isNull(posts.deletedAt),
        gt(posts.createdAt, sql`now() - make_interval(mins => ${minutes}::int)`),
      ),
    )
    .orderBy(desc(posts.createdAt))
    .limit(50);
  return rows;
}

/**
 * Judges a post about to be written; throws for a missing charter acceptance (403) or a rule
 * whose action is reject (422, with the rule's message and clause).
 */
export async function screenPost(db: Executor, viewer: Viewer, text: string): Promise<Screening> {
  await assertCharterAccepted(db, viewer);
  const [{ compiled, needsHistory }, settings, standing] = await Promise.all([
    loadCompiledRules(db),
    loadSettings(db),
    authorStanding(db, viewer.id),
  ]);
  const recentPosts = needsHistory
    ? await recentPostsOf(db, viewer.id, historyWindowMinutes(compiled))
    : [];
  const verdict = evaluatePost(compiled, {
    text,
    authorTrustLevel: standing.trustLevel,
    recentPosts,
    now: new Date(),
  });
  const rejection = verdict.hits.find((hit) => hit.action === 'reject');
  if (rejection) {
    throw new DomainError(
      'post_rejected_by_rule',
      `${rejection.message || 'This post breaks the charter.'} (charter clause ${rejection.clause})`,
      { body: `clause ${rejection.clause}` },
    );
  }
  const reasons: QueueReason[] = verdict.hits.map((hit) => ({
    source: 'rule',
    clause: hit.clause,
    rule: hit.kind,
    detail: hit.detail,
  }));
  const premoderated = standing.trustLevel === 0 && settings.premoderatedPosts > 0;
  if (premoderated) {
    reasons.push({ source: 'trust', clause: null, rule: 'premoderation', detail: 'new member' });
  }
  return {
    held: premoderated || verdict.outcome === 'hold',
    queued: verdict.outcome === 'queue',
    reasons,
  };
}

export interface ScreenedPost {
  postId: number;
  threadId: number;
  groupId: number;
  authorId: number;
}

/** Inside the post's transaction: hold it and queue it as the screening decided. */
export async function applyScreening(
  tx: Executor,
  screening: Screening,
  post: ScreenedPost,
): Promise<void> {
  if (!screening.held && !screening.queued) return;
  if (screening.held) {
    await tx.update(posts).set({ state: 'pending' }).where(eq(posts.id, post.postId));
  }
  const [item] = await tx
    .insert(moderationItems)
    .values({
      kind: screening.held ? 'held_post' : 'published_post',
      postId: post.postId,
      subjectUserId: post.authorId,
      groupId: post.groupId,
      reasons: screening.reasons,
    })
    .returning({ id: moderationItems.id });
  await recordAudit(tx, {
    actorId: null,
    action: screening.held ? 'post.hold' : 'post.queue',
    targetType: 'post',
    targetId: post.postId,
    groupId: post.groupId,
    clause: screening.reasons.find((reason) => reason.clause !== null)?.clause ?? null,
    after: { state: screening.held ? 'pending' : 'published', reasons: screening.reasons },
    note: 'automatic',
  });
  await queueEvent(tx, 'moderation.item_created', { itemId: item!.id, groupId: post.groupId });
}
