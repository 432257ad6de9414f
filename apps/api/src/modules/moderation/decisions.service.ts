// Deciding a queue item: approve, reject (clause + message), edit, hide, lock the thread, warn or
// suspend the author. One transaction per item: the item, the post, flags, sanctions, the audit
// row, notifications, events and the search outbox change together.
import type { BulkDecisionBody, DecisionBody, QueueItem } from '@serendip/contracts';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { flags, moderationItems, posts, threads, type Database, type Executor } from '@serendip/db';
import { DomainError, found, invalid } from '../../errors.ts';
import type { Viewer } from '../../plugins/session.ts';
import { rewritePost } from '../posts/post-write.ts';
import { recordEvent } from '../../write-path.ts';
import { assertStaff, moderationScope, type ModerationScope } from './access.ts';
import { recordAudit } from './audit.ts';
import { assertClauseExists } from './charter/charter.service.ts';
import { selectQueueItem, type ItemRow } from './queue.queries.ts';
import { assertActionable, loadItemInScope } from './queue.service.ts';
import { announcePublished, promoteIfTrusted } from './publication.ts';
import { sanctionAuthor } from './sanctions.ts';
import { notifyModeration, postVisibilityChanged, queueEvent } from './signals.ts';

type PostRow = typeof posts.$inferSelect;
type Decision = DecisionBody['decision'];

/** Which state each decision leaves the post in (undefined: unchanged). */
const POST_STATE: Partial<Record<Decision, PostRow['state']>> = {
  approve: 'published',
  edit: 'published',
  reject: 'rejected',
  hide: 'hidden',
};

function requireInputs(body: DecisionBody): void {
  if (
    (body.decision === 'reject' || body.decision === 'warn' || body.decision === 'suspend') &&
    !body.clause
  ) {
    throw invalid('clause', `Cite the charter clause the ${body.decision} is based on.`);
  }
  if (body.decision === 'reject' && !body.message?.trim()) {
    throw invalid('message', 'Tell the author why the post is rejected.');
  }
  if (body.decision === 'edit' && !body.body?.trim())
    throw invalid('body', 'Give the edited text.');
  if (body.decision === 'suspend' && !body.days) {
    throw invalid('days', 'Say how many days the suspension lasts.');
  }
}

async function loadPostOf(tx: Executor, item: ItemRow) {
  if (item.postId === null) return null;
  const [row] = await tx
    .select({ post: posts, groupId: threads.groupId, threadTitle: threads.title })
    .from(posts)
    .innerJoin(threads, eq(threads.id, posts.threadId))
    .where(eq(posts.id, item.postId))
    .for('update', { of: posts });
  return row ?? null;
}

/** Flags on the post are settled: upheld when the post goes, dismissed when it stays. */
async function settleFlags(tx: Executor, postId: number, upheld: boolean): Promise<number[]> {
  const rows = await tx
    .update(flags)
    .set({ outcome: upheld ? 'upheld' : 'dismissed', resolvedAt: sql`now()` })
    .where(and(eq(flags.postId, postId), isNull(flags.outcome)))
    .returning({ flaggerId: flags.flaggerId });
  return rows.map((row) => row.flaggerId);
}

interface DecisionNotice {
  item: ItemRow;
  loaded: Awaited<ReturnType<typeof loadPostOf>>;
  body: DecisionBody;
  suspendedUntil: string | null;
  flaggers: number[];
  /** Whether the post was taken down (flags upheld) or stays (flags dismissed). */
  removed: boolean;
}

/** The author learns the decision (clause, message, end date); each flagger learns the outcome. */
async function tellPeopleConcerned(tx: Executor, notice: DecisionNotice): Promise<void> {
  const { item, loaded, body } = notice;
  const where = { threadId: loaded?.post.threadId ?? null, postId: loaded?.post.id ?? null };
  await notifyModeration(tx, {
    userId: item.subjectUserId,
    actorId: null,
    ...where,
    data: {
      decision: body.decision,
      clause: body.clause ?? null,
      message: body.message ?? '',
      ...(notice.suspendedUntil ? { suspendedUntil: notice.suspendedUntil } : {}),
      ...(loaded ? { title: loaded.threadTitle } : {}),
    },
  });
  for (const flaggerId of notice.flaggers) {
    await notifyModeration(tx, {
      userId: flaggerId,
      actorId: null,
      ...where,
      data: {
        flagOutcome: notice.removed ? 'upheld' : 'dismissed',
        title: loaded?.threadTitle ?? '',
      },
    });
  }
}

async function decideInTransaction(
  tx: Executor,
  viewer: Viewer,
  scope: ModerationScope,
  itemId: number,
  body: DecisionBody,
): Promise<void> {
  const item = await loadItemInScope(tx, scope, itemId, { lock: true });
  assertActionable(item, viewer);
  const loaded = await loadPostOf(tx, item);
  const before: Record<string, unknown> = loaded ? { state: loaded.post.state } : {};
  const after: Record<string, unknown> = {};
  const newState = POST_STATE[body.decision];
  if (loaded && body.decision === 'edit') {
    await rewritePost(tx, {
      postId: loaded.post.id,
      editorId: viewer.id,
      source: body.body!,
      title: loaded.post.kind === 'opening' ? loaded.threadTitle : null,
    });
    before.bodySource = loaded.post.bodySource;
    after.bodySource = body.body;
  }
  if (loaded && newState && newState !== loaded.post.state) {
    await tx.update(posts).set({ state: newState }).where(eq(posts.id, loaded.post.id));
    await postVisibilityChanged(
      tx,
      { ...loaded.post, groupId: loaded.groupId },
      newState,
      viewer.id,
    );
  }
  if (newState) after.state = newState;
  if (body.decision === 'lock_thread' && loaded) {
    await tx.update(threads).set({ status: 'locked' }).where(eq(threads.id, loaded.post.threadId));
    await recordEvent(tx, {
      type: 'thread.locked',
      topics: [`group:${loaded.groupId}`, `thread:${loaded.post.threadId}`],
      actorId: viewer.id,
      payload: { threadId: loaded.post.threadId, locked: true },
    });
    after.threadStatus = 'locked';
  }
  if (body.decision === 'warn' || body.decision === 'suspend') {
    Object.assign(after, await sanctionAuthor(tx, viewer, item, body));
  }
  await tx
    .update(moderationItems)
    .set({
      status: 'resolved',
      decision: body.decision,
      decidedBy: viewer.id,
      decidedAt: sql`now()`,
      claimedBy: viewer.id,
    })
    .where(eq(moderationItems.id, itemId));
  if (loaded && item.kind === 'held_post' && newState === 'published') {
    await announcePublished(tx, loaded.post.id);
  }
  if (body.decision === 'approve' && item.kind === 'held_post') {
    await promoteIfTrusted(tx, item.subjectUserId);
  }
  const removed = body.decision === 'reject' || body.decision === 'hide';
  const flaggers = loaded ? await settleFlags(tx, loaded.post.id, removed) : [];
  await recordAudit(tx, {
    actorId: viewer.id,
    action: `item.${body.decision}`,
    targetType: loaded ? 'post' : 'user',
    targetId: loaded ? loaded.post.id : item.subjectUserId,
    groupId: item.groupId,
    clause: body.clause ?? null,
    before,
    after,
    note: body.message ?? '',
  });
  await tellPeopleConcerned(tx, {
    item,
    loaded,
    body,
    suspendedUntil: (after.endsAt as string | null | undefined) ?? null,
    flaggers,
    removed,
  });
  await queueEvent(tx, 'moderation.item_resolved', {
    itemId,
    groupId: item.groupId,
    decision: body.decision,
  });
}

export async function decideItem(
  db: Database,
  viewer: Viewer,
  itemId: number,
  body: DecisionBody,
): Promise<QueueItem> {
  requireInputs(body);
  if (body.clause) await assertClauseExists(db, body.clause);
  // Suspensions are site-wide, and anyone may own a group: only site staff suspend.
  if (body.decision === 'suspend') assertStaff(viewer);
  const scope = await moderationScope(db, viewer);
  await db.transaction((tx) => decideInTransaction(tx, viewer, scope, itemId, body));
  return found(await selectQueueItem(db, itemId), 'not_found', 'No such moderation item.');
}

/** Each item in its own transaction: one taken by someone else does not undo the others. */
export async function decideItems(db: Database, viewer: Viewer, body: BulkDecisionBody) {
  const single: DecisionBody = {
    decision: body.decision,
    clause: body.clause,
    message: body.message,
  };
  requireInputs(single);
  if (body.clause) await assertClauseExists(db, body.clause);
  const scope = await moderationScope(db, viewer);
  const decided: number[] = [];
  const skipped: { id: number; code: string }[] = [];
  for (const itemId of [...new Set(body.itemIds)]) {
    try {
      await db.transaction((tx) => decideInTransaction(tx, viewer, scope, itemId, single));
      decided.push(itemId);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      skipped.push({ id: itemId, code: error.code });
    }
  }
  return { decided, skipped };
}
