// Reading the review queue: items with their post, thread, group and author, oldest first.
import type { QueueItem, QueueQuery } from '@serendip/contracts';
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import {
  groups,
  moderationItems,
  posts,
  sanctions,
  threads,
  users,
  type Executor,
} from '@serendip/db';
import { userSummaryColumns } from '../users/users.queries.ts';
import type { ModerationScope } from './access.ts';

export type ItemRow = typeof moderationItems.$inferSelect;

function scopeCondition(scope: ModerationScope): SQL | undefined {
  if (scope.all) return undefined;
  return inArray(moderationItems.groupId, scope.groupIds);
}

const itemColumns = {
  item: moderationItems,
  group: { id: groups.id, slug: groups.slug, name: groups.name },
  post: {
    id: posts.id,
    threadId: posts.threadId,
    threadTitle: threads.title,
    kind: posts.kind,
    state: posts.state,
    bodySource: posts.bodySource,
    bodyHtml: posts.bodyHtml,
    createdAt: posts.createdAt,
  },
  author: userSummaryColumns(users),
};

type JoinedRow = {
  item: ItemRow;
  group: { id: number; slug: string; name: string } | null;
  post: {
    id: number;
    threadId: number;
    threadTitle: string;
    kind: string;
    state: string;
    bodySource: string;
    bodyHtml: string;
    createdAt: Date;
  } | null;
  author: QueueItem['author'];
};

function toQueueItem(row: JoinedRow): QueueItem {
  return {
    id: row.item.id,
    kind: row.item.kind,
    status: row.item.status,
    reasons: row.item.reasons,
    group: row.group,
    post: row.post ? { ...row.post, createdAt: row.post.createdAt.toISOString() } : null,
    author: row.author,
    claimedBy: row.item.claimedBy,
    decision: row.item.decision,
    createdAt: row.item.createdAt.toISOString(),
  };
}

function joined(db: Executor) {
  return db
    .select(itemColumns)
    .from(moderationItems)
    .innerJoin(users, eq(users.id, moderationItems.subjectUserId))
    .leftJoin(groups, eq(groups.id, moderationItems.groupId))
    .leftJoin(posts, eq(posts.id, moderationItems.postId))
    .leftJoin(threads, eq(threads.id, posts.threadId));
}

export async function selectQueue(
  db: Executor,
  scope: ModerationScope,
  query: QueueQuery,
): Promise<QueueItem[]> {
  const status = query.status ?? 'open';
  const conditions: (SQL | undefined)[] = [
    eq(moderationItems.status, status),
    scopeCondition(scope),
    query.reason
      ? sql`${moderationItems.reasons} @> ${JSON.stringify([{ source: query.reason }])}::jsonb`
      : undefined,
    query.rule
      ? sql`${moderationItems.reasons} @> ${JSON.stringify([{ rule: query.rule }])}::jsonb`
      : undefined,
    query.group ? eq(groups.slug, query.group) : undefined,
  ];
  const order =
    status === 'open'
      ? [asc(moderationItems.createdAt), asc(moderationItems.id)]
      : [desc(moderationItems.decidedAt), desc(moderationItems.id)];
  const rows = await joined(db)
    .where(and(...conditions))
    .orderBy(...order)
    .limit(query.limit ?? 50);
  return rows.map((row) => toQueueItem(row as JoinedRow));
}

export async function selectQueueItem(
  db: Executor,
  itemId: number,
): Promise<QueueItem | undefined> {
  const [row] = await joined(db).where(eq(moderationItems.id, itemId)).limit(1);
  return row ? toQueueItem(row as JoinedRow) : undefined;
}

/** The thread around a post: the opening and the posts just before and after it. */
export async function selectContext(db: Executor, threadId: number) {
  return db
    .select({ id: posts.id, kind: posts.kind, state: posts.state, bodyHtml: posts.bodyHtml })
    .from(posts)
    .where(and(eq(posts.threadId, threadId), sql`${posts.deletedAt} is null`))
    .orderBy(asc(posts.createdAt), asc(posts.id))
    .limit(20);
}

export async function selectAuthorHistory(db: Executor, userId: number) {
  const [row] = await db
    .select({
      posts: sql<number>`count(${posts.id})::int`,
      rejected: sql<number>`count(${posts.id}) filter (where ${posts.state} = 'rejected')::int`,
      hidden: sql<number>`count(${posts.id}) filter (where ${posts.state} = 'hidden')::int`,
      trustLevel: users.trustLevel,
      memberSince: users.createdAt,
    })
    .from(users)
    .leftJoin(posts, eq(posts.authorId, users.id))
    .where(eq(users.id, userId))
    .groupBy(users.id);
  return {
    posts: row?.posts ?? 0,
    rejected: row?.rejected ?? 0,
    hidden: row?.hidden ?? 0,
    trustLevel: row?.trustLevel ?? 0,
    memberSince: (row?.memberSince ?? new Date()).toISOString(),
  };
}

export async function selectSanctionsOf(db: Executor, userId: number) {
  const rows = await db
    .select()
    .from(sanctions)
    .where(eq(sanctions.userId, userId))
    .orderBy(desc(sanctions.createdAt), desc(sanctions.id));
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    clause: row.clause,
    message: row.message,
    endsAt: row.endsAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  }));
}
