// The review queue as moderators see it: list (oldest first, filters), one item with its context,
// claiming an item so two moderators never work on the same one, and queue health.
import type { QueueItem, QueueQuery } from '@serendip/contracts';
import { and, eq, gte, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { appeals, moderationItems, users, type Database, type Executor } from '@serendip/db';
import { DomainError, found } from '../../errors.ts';
import type { Viewer } from '../../plugins/session.ts';
import { inScope, moderationScope, type ModerationScope } from './access.ts';
import { recordAudit } from './audit.ts';
import {
  selectAuthorHistory,
  selectContext,
  selectQueue,
  selectQueueItem,
  selectSanctionsOf,
  type ItemRow,
} from './queue.queries.ts';
import { queueEvent, queueTopics } from './signals.ts';

export function itemNotFound(): DomainError {
  return new DomainError('not_found', 'No such moderation item.');
}

export async function listQueue(db: Database, viewer: Viewer, query: QueueQuery) {
  const scope = await moderationScope(db, viewer);
  const topics = scope.all ? queueTopics(null) : scope.groupIds.map((id) => `moderation:${id}`);
  return { items: await selectQueue(db, scope, query), topics };
}

/** The item if the viewer may act on it; items outside their groups are unknown to them. */
export async function loadItemInScope(
  db: Executor,
  scope: ModerationScope,
  itemId: number,
  options: { lock?: boolean } = {},
): Promise<ItemRow> {
  const query = db.select().from(moderationItems).where(eq(moderationItems.id, itemId)).limit(1);
  const [item] = options.lock ? await query.for('update') : await query;
  if (!item || !inScope(scope, item.groupId)) throw itemNotFound();
  return item;
}

export async function getQueueItem(db: Database, viewer: Viewer, itemId: number) {
  const scope = await moderationScope(db, viewer);
  await loadItemInScope(db, scope, itemId);
  const item = found(await selectQueueItem(db, itemId), 'not_found', 'No such moderation item.');
  const [context, authorHistory, sanctionList] = await Promise.all([
    item.post ? selectContext(db, item.post.threadId) : Promise.resolve([]),
    selectAuthorHistory(db, item.author.id),
    selectSanctionsOf(db, item.author.id),
  ]);
  return { ...item, context, authorHistory, sanctions: sanctionList };
}

/** Why an item cannot be taken by this moderator: decided already, or someone else holds it. */
export function assertActionable(item: ItemRow, viewer: Viewer): void {
  if (item.status !== 'open') {
    throw new DomainError('item_resolved', 'This item has already been decided.');
  }
  if (item.claimedBy !== null && item.claimedBy !== viewer.id) {
    throw new DomainError(
      'item_claimed',
      'Another moderator is working on this item; pick another one.',
      { claimedBy: String(item.claimedBy) },
    );
  }
}

export async function claimItem(db: Database, viewer: Viewer, itemId: number): Promise<QueueItem> {
  const scope = await moderationScope(db, viewer);
  await db.transaction(async (tx) => {
    // Only an open, unclaimed (or already mine) item changes: of two moderators, one wins.
    const claimed = await tx
      .update(moderationItems)
      .set({ claimedBy: viewer.id, claimedAt: sql`now()` })
      .where(
        and(
          eq(moderationItems.id, itemId),
          eq(moderationItems.status, 'open'),
          or(isNull(moderationItems.claimedBy), eq(moderationItems.claimedBy, viewer.id)),
        ),
      )
      .returning();
    const item = claimed[0] ?? (await loadItemInScope(tx, scope, itemId));
    if (!inScope(scope, item.groupId)) throw itemNotFound();
    if (claimed.length === 0) assertActionable(item, viewer);
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'item.claim',
      targetType: 'item',
      targetId: itemId,
      groupId: item.groupId,
    });
    await queueEvent(tx, 'moderation.item_claimed', {
      itemId,
      groupId: item.groupId,
      moderatorId: viewer.id,
    });
  });
  return found(await selectQueueItem(db, itemId), 'not_found', 'No such moderation item.');
}

export async function releaseItem(db: Database, viewer: Viewer, itemId: number) {
  const scope = await moderationScope(db, viewer);
  await db.transaction(async (tx) => {
    const item = await loadItemInScope(tx, scope, itemId, { lock: true });
    assertActionable(item, viewer);
    await tx
      .update(moderationItems)
      .set({ claimedBy: null, claimedAt: null })
      .where(eq(moderationItems.id, itemId));
    await queueEvent(tx, 'moderation.item_released', { itemId, groupId: item.groupId });
  });
  return { ok: true as const };
}

export async function queueHealth(db: Database, viewer: Viewer) {
  const scope = await moderationScope(db, viewer);
  const inGroups = scope.all ? undefined : inArray(moderationItems.groupId, scope.groupIds);
  const [waiting] = await db
    .select({
      waiting: sql<number>`count(*)::int`,
      oldest: sql<
        number | null
      >`extract(epoch from now() - min(${moderationItems.createdAt}))::int`,
    })
    .from(moderationItems)
    .where(and(eq(moderationItems.status, 'open'), inGroups));
  const [appealCount] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(appeals)
    .where(
      and(
        eq(appeals.status, 'open'),
        scope.all ? undefined : inArray(appeals.groupId, scope.groupIds),
      ),
    );
  const day = sql<string>`to_char(${moderationItems.decidedAt} at time zone 'UTC', 'YYYY-MM-DD')`;
  const perDay = await db
    .select({
      day,
      moderatorId: sql<number>`${moderationItems.decidedBy}`,
      moderatorName: users.displayName,
      decisions: sql<number>`count(*)::int`,
    })
    .from(moderationItems)
    .innerJoin(users, eq(users.id, moderationItems.decidedBy))
    .where(
      and(
        isNotNull(moderationItems.decidedBy),
        gte(moderationItems.decidedAt, sql`now() - interval '30 days'`),
        inGroups,
      ),
    )
    .groupBy(day, moderationItems.decidedBy, users.displayName)
    .orderBy(sql`1 desc`, sql`2`);
  return {
    waiting: waiting?.waiting ?? 0,
    oldestAgeSeconds: waiting?.oldest ?? null,
    openAppeals: appealCount?.count ?? 0,
    decisionsPerDay: perDay,
  };
}
