// Appeals: the author of a rejected or hidden post, or a suspended member, appeals once with a
// message; a moderator other than the one who decided settles it; the outcome is logged and sent.
import type { Appeal, AppealBody, AppealDecisionBody } from '@serendip/contracts';
import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import {
  appeals,
  auditLog,
  posts,
  sanctions,
  threads,
  users,
  type Database,
  type Executor,
} from '@serendip/db';
import { DomainError } from '../../errors.ts';
import type { Viewer } from '../../plugins/session.ts';
import { inScope, moderationScope } from './access.ts';
import { recordAudit } from './audit.ts';
import { notifyModeration, postVisibilityChanged, queueEvent } from './signals.ts';

type AppealRow = typeof appeals.$inferSelect;

function toAppeal(row: AppealRow): Appeal {
  return {
    id: row.id,
    appellantId: row.appellantId,
    postId: row.postId,
    sanctionId: row.sanctionId,
    message: row.message,
    status: row.status,
    decisionMessage: row.decisionMessage,
    createdAt: row.createdAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
  };
}

function notAppealable(message: string): DomainError {
  return new DomainError('not_appealable', message);
}

/** Who put the post in its current state: the last moderator whose decision the audit log holds. */
async function lastDeciderOfPost(db: Executor, postId: number): Promise<number | null> {
  const [row] = await db
    .select({ actorId: auditLog.actorId })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.targetType, 'post'),
        eq(auditLog.targetId, postId),
        isNotNull(auditLog.actorId),
        sql`${auditLog.action} like 'item.%'`,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(1);
  return row?.actorId ?? null;
}

async function appealTarget(db: Executor, viewer: Viewer, body: AppealBody) {
  if ('postId' in body) {
    const [row] = await db
      .select({ post: posts, groupId: threads.groupId })
      .from(posts)
      .innerJoin(threads, eq(threads.id, posts.threadId))
      .where(eq(posts.id, body.postId));
    // Someone else's post answers like an unknown one.
    if (!row || row.post.authorId !== viewer.id) {
      throw new DomainError('post_not_found', 'No such post.');
    }
    if (row.post.state !== 'rejected' && row.post.state !== 'hidden') {
      throw notAppealable('Only a rejected or hidden post can be appealed.');
    }
    return {
      postId: row.post.id,
      sanctionId: null,
      groupId: row.groupId,
      originalModeratorId: await lastDeciderOfPost(db, row.post.id),
    };
  }
  const [sanction] = await db.select().from(sanctions).where(eq(sanctions.id, body.sanctionId));
  if (!sanction || sanction.userId !== viewer.id) {
    throw new DomainError('not_found', 'No such sanction.');
  }
  if (sanction.kind !== 'suspension' || sanction.liftedAt) {
    throw notAppealable('Only a suspension in force can be appealed.');
  }
  return {
    postId: null,
    sanctionId: sanction.id,
    groupId: null,
    originalModeratorId: sanction.moderatorId,
  };
}

export async function createAppeal(
  db: Database,
  viewer: Viewer,
  body: AppealBody,
): Promise<Appeal> {
  // Suspended members may appeal: this is the one write a suspension does not block.
  const target = await appealTarget(db, viewer, body);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(appeals)
      .values({ appellantId: viewer.id, message: body.message, ...target })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new DomainError('already_appealed', 'You have already appealed this decision.');
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'appeal.create',
      targetType: 'appeal',
      targetId: row.id,
      groupId: target.groupId,
      after: { postId: target.postId, sanctionId: target.sanctionId },
      note: body.message,
    });
    await queueEvent(tx, 'moderation.appeal_created', {
      appealId: row.id,
      groupId: target.groupId,
    });
    return toAppeal(row);
  });
}

export async function listMyAppeals(db: Database, viewer: Viewer) {
  const rows = await db
    .select()
    .from(appeals)
    .where(eq(appeals.appellantId, viewer.id))
    .orderBy(desc(appeals.createdAt));
  return { items: rows.map(toAppeal) };
}

export async function listOpenAppeals(db: Database, viewer: Viewer) {
  const scope = await moderationScope(db, viewer);
  const rows = await db
    .select()
    .from(appeals)
    .where(
      and(
        eq(appeals.status, 'open'),
        scope.all ? undefined : inArray(appeals.groupId, scope.groupIds),
      ),
    )
    .orderBy(asc(appeals.createdAt));
  return { items: rows.map(toAppeal) };
}

async function overturn(tx: Executor, viewer: Viewer, appeal: AppealRow) {
  if (appeal.postId !== null) {
    const [row] = await tx
      .select({ post: posts, groupId: threads.groupId })
      .from(posts)
      .innerJoin(threads, eq(threads.id, posts.threadId))
      .where(eq(posts.id, appeal.postId));
    if (row && row.post.state !== 'published') {
      await tx.update(posts).set({ state: 'published' }).where(eq(posts.id, row.post.id));
      await postVisibilityChanged(
        tx,
        { ...row.post, groupId: row.groupId },
        'published',
        viewer.id,
      );
    }
    return { postState: 'published', threadId: row?.post.threadId ?? null };
  }
  const [sanction] = await tx
    .update(sanctions)
    .set({ liftedAt: sql`now()` })
    .where(eq(sanctions.id, appeal.sanctionId!))
    .returning();
  await tx.update(users).set({ suspendedUntil: null }).where(eq(users.id, sanction!.userId));
  return { suspensionLifted: true, threadId: null };
}

export async function decideAppeal(
  db: Database,
  viewer: Viewer,
  appealId: number,
  body: AppealDecisionBody,
): Promise<Appeal> {
  const scope = await moderationScope(db, viewer);
  return db.transaction(async (tx) => {
    const [appeal] = await tx.select().from(appeals).where(eq(appeals.id, appealId)).for('update');
    if (!appeal || !inScope(scope, appeal.groupId)) {
      throw new DomainError('not_found', 'No such appeal.');
    }
    if (appeal.status !== 'open')
      throw new DomainError('appeal_decided', 'This appeal is decided.');
    if (appeal.originalModeratorId === viewer.id) {
      throw new DomainError(
        'same_moderator',
        'You made the decision under appeal; another moderator must review it.',
      );
    }
    const effect =
      body.outcome === 'overturned' ? await overturn(tx, viewer, appeal) : { threadId: null };
    const [row] = await tx
      .update(appeals)
      .set({
        status: body.outcome,
        decidedBy: viewer.id,
        decisionMessage: body.message,
        decidedAt: sql`now()`,
      })
      .where(eq(appeals.id, appealId))
      .returning();
    await recordAudit(tx, {
      actorId: viewer.id,
      action: `appeal.${body.outcome}`,
      targetType: 'appeal',
      targetId: appealId,
      groupId: appeal.groupId,
      before: { status: 'open' },
      after: { status: body.outcome, ...effect },
      note: body.message,
    });
    await notifyModeration(tx, {
      userId: appeal.appellantId,
      actorId: viewer.id,
      threadId: effect.threadId ?? null,
      postId: appeal.postId,
      data: { appeal: body.outcome, message: body.message },
    });
    await queueEvent(tx, 'moderation.appeal_decided', { appealId, groupId: appeal.groupId });
    return toAppeal(row!);
  });
}
