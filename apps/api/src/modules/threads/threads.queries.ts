// Database access for threads: the head of a thread page and a group's lists (one query each),
// and the writes that keep the thread, tag and group counters in step.
import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  follows,
  groups,
  memberships,
  posts,
  tags,
  thanks,
  threads,
  threadTags,
  users,
  votes,
  type Database,
  type Executor,
} from '@serendip/db';
import { userSummaryColumns } from '../users/users.queries.ts';
import { preparedOnce } from '@serendip/db';
import type { Viewer } from '../../plugins/session.ts';
import { groupReadableBy } from '../groups/groups.access.ts';
import type { ThreadRow } from './thread-access.ts';

/** Enough HTML for a 200-character excerpt; parsing a whole long post for it would be waste. */
export const EXCERPT_SOURCE_LENGTH = 2000;

export type ThreadSortKey = 'activity' | 'newest' | 'unanswered' | 'top';

const tagSlugsOfThread = sql<string[]>`(
  select coalesce(array_agg(${tags.slug} order by ${tags.slug}), '{}'::text[])
  from ${threadTags} inner join ${tags} on ${tags.id} = ${threadTags.tagId}
  where ${threadTags.threadId} = ${threads.id})`;

/** What a thread shows in lists and on its page, minus the excerpt source. */
const threadColumns = {
  id: threads.id,
  groupId: threads.groupId,
  group: { slug: groups.slug, name: groups.name, visibility: groups.visibility },
  kind: threads.kind,
  title: threads.title,
  authorId: threads.authorId,
  author: userSummaryColumns(users),
  isAnonymous: threads.isAnonymous,
  status: threads.status,
  acceptedPostId: threads.acceptedPostId,
  answerCount: threads.answerCount,
  score: threads.score,
  tags: tagSlugsOfThread,
  createdAt: threads.createdAt,
  lastActivityAt: threads.lastActivityAt,
};

const viewerIdParam = sql.placeholder('viewerId');

function prepareThreadHead(db: Database) {
  return db
    .select({
      ...threadColumns,
      membership: memberships.role,
      thanks: {
        rating: thanks.rating,
        message: thanks.message,
        toUserId: thanks.toUserId,
        createdAt: thanks.createdAt,
      },
      following: sql<boolean>`exists (select 1 from ${follows} where ${follows.userId} = ${viewerIdParam}
        and ${follows.targetType} = 'thread' and ${follows.targetId} = ${threads.id})`,
      postsVersion: threads.postsVersion,
      myVotes: sql<[postId: number, value: number][]>`(
        select coalesce(json_agg(json_build_array(${votes.postId}, ${votes.value})), '[]'::json)
        from ${votes} inner join ${posts} as ${sql.identifier('voted')}
          on ${sql.identifier('voted')}.id = ${votes.postId}
        where ${sql.identifier('voted')}.thread_id = ${threads.id} and ${votes.userId} = ${viewerIdParam})`,
    })
    .from(threads)
    .innerJoin(groups, eq(groups.id, threads.groupId))
    .innerJoin(users, eq(users.id, threads.authorId))
    .leftJoin(
      memberships,
      and(eq(memberships.groupId, groups.id), eq(memberships.userId, viewerIdParam)),
    )
    .leftJoin(thanks, eq(thanks.threadId, threads.id))
    .where(and(eq(threads.id, sql.placeholder('threadId')), isNull(threads.deletedAt)))
    .limit(1)
    .prepare('thread_head');
}

/**
 * The head of a thread page in one query: thread, group, the viewer's membership, author, tags,
 * thanks, whether the viewer follows it, the viewer's votes on its posts, and the version of its
 * posts (which come from their own query, or from those kept at that version).
 * Readability is decided by the caller.
 */
export async function selectThreadHead(db: Database, viewerId: number, threadId: number) {
  const query = preparedOnce(db, 'thread_head', prepareThreadHead);
  const [row] = await query.execute({ viewerId, threadId });
  return row;
}

export type ThreadHeadRow = NonNullable<Awaited<ReturnType<typeof selectThreadHead>>>;

const opening = alias(posts, 'opening');

/**
 * The start of the opening post's HTML, looked up per listed thread through the one-opening-per-
 * thread index: a join would make PostgreSQL scan every opening post before applying the limit.
 */
const openingExcerptSource = sql<string | null>`(
  select left(${opening.bodyHtml}, ${sql.raw(String(EXCERPT_SOURCE_LENGTH))})
  from ${posts} as ${sql.identifier('opening')}
  where ${opening.threadId} = ${threads.id} and ${opening.kind} = 'opening')`;

/** Sort column per list order; each matches an index on (group_id, column desc, id desc). */
const sortColumn = {
  activity: threads.lastActivityAt,
  newest: threads.createdAt,
  unanswered: threads.createdAt,
  top: threads.score,
} as const;

export interface ThreadPageFilter {
  groupId: number;
  sort: ThreadSortKey;
  tagSlug?: string;
  /** Keyset position: the sort key as text (exact timestamp or score) and the id. */
  after?: { key: string; id: number };
  limit: number;
}

/** The shape of a list query: one prepared statement per shape, values bound at each call. */
interface ThreadPageShape {
  sort: ThreadSortKey;
  tagged: boolean;
  paged: boolean;
}

const param = (name: string) => sql.placeholder(name);

function prepareThreadPage(db: Database, shape: ThreadPageShape, name: string) {
  const column = sortColumn[shape.sort];
  const conditions: SQL[] = [
    eq(threads.groupId, param('groupId')),
    isNull(threads.deletedAt),
    // Questions held for review (or rejected, hidden) stay out of lists until published; one
    // probe of the posts_one_opening_per_thread index per row.
    sql`exists (select 1 from ${posts} as ${sql.identifier('listed_opening')}
      where ${sql.identifier('listed_opening')}.thread_id = ${threads.id}
      and ${sql.identifier('listed_opening')}.kind = 'opening'
      and ${sql.identifier('listed_opening')}.state = 'published')`,
  ];
  if (shape.paged) {
    const key =
      shape.sort === 'top'
        ? sql`${param('afterKey')}::int`
        : sql`${param('afterKey')}::timestamptz`;
    conditions.push(sql`(${column}, ${threads.id}) < (${key}, ${param('afterId')}::int)`);
  }
  if (shape.sort === 'unanswered') {
    conditions.push(sql`${threads.answerCount} = 0 and ${threads.kind} = 'question'`);
  }
  if (shape.tagged) {
    conditions.push(sql`exists (select 1 from ${threadTags} inner join ${tags} on ${tags.id} = ${threadTags.tagId}
      where ${threadTags.threadId} = ${threads.id} and ${tags.slug} = ${param('tagSlug')})`);
  }
  return (
    db
      .select({
        ...threadColumns,
        openingHtml: openingExcerptSource,
        sortKey: sql<string>`${column}::text`,
      })
      .from(threads)
      .innerJoin(groups, eq(groups.id, threads.groupId))
      .innerJoin(users, eq(users.id, threads.authorId))
      .where(and(...conditions))
      // "nulls last" matches the indexes (drizzle builds them `desc nulls last`, PostgreSQL's `desc`
      // means nulls first): without it PostgreSQL sorts the whole group instead of reading the index.
      .orderBy(sql`${column} desc nulls last`, sql`${threads.id} desc nulls last`)
      .limit(param('limit'))
      .prepare(name)
  );
}

/** One page of a group's threads plus one extra row that says "there is more". */
export async function selectThreadPage(db: Database, filter: ThreadPageFilter) {
  const shape = {
    sort: filter.sort,
    tagged: Boolean(filter.tagSlug),
    paged: Boolean(filter.after),
  };
  const name = `thread_page_${shape.sort}_${shape.tagged ? 'tag' : 'all'}_${shape.paged ? 'after' : 'first'}`;
  const query = preparedOnce(db, name, (database) => prepareThreadPage(database, shape, name));
  return query.execute({
    groupId: filter.groupId,
    limit: filter.limit + 1,
    tagSlug: filter.tagSlug,
    afterKey: filter.after?.key,
    afterId: filter.after?.id,
  });
}

export type ThreadPageRow = Awaited<ReturnType<typeof selectThreadPage>>[number];

export interface TaggedThreadPageFilter {
  tagSlug: string;
  /** Keyset position: last activity as exact text and the id. */
  after?: { key: string; id: number };
  limit: number;
}

/**
 * One page (plus one row) of the threads carrying a tag, across every group the viewer may read,
 * latest activity first, with the viewer's membership of each thread's group (anonymity rules).
 * Readability is a condition of the query, never a filter applied to its results.
 */
export async function selectTaggedThreadPage(
  db: Database,
  viewer: Viewer,
  filter: TaggedThreadPageFilter,
) {
  const conditions: SQL[] = [
    isNull(threads.deletedAt),
    groupReadableBy(viewer),
    sql`exists (select 1 from ${threadTags} inner join ${tags} on ${tags.id} = ${threadTags.tagId}
      where ${threadTags.threadId} = ${threads.id} and ${tags.slug} = ${filter.tagSlug})`,
  ];
  if (filter.after) {
    conditions.push(
      sql`(${threads.lastActivityAt}, ${threads.id}) < (${filter.after.key}::timestamptz, ${filter.after.id}::int)`,
    );
  }
  return db
    .select({
      ...threadColumns,
      openingHtml: openingExcerptSource,
      membership: memberships.role,
      sortKey: sql<string>`${threads.lastActivityAt}::text`,
    })
    .from(threads)
    .innerJoin(groups, eq(groups.id, threads.groupId))
    .innerJoin(users, eq(users.id, threads.authorId))
    .leftJoin(
      memberships,
      and(eq(memberships.groupId, groups.id), eq(memberships.userId, viewer.id)),
    )
    .where(and(...conditions))
    .orderBy(sql`${threads.lastActivityAt} desc nulls last`, sql`${threads.id} desc nulls last`)
    .limit(filter.limit + 1);
}

export async function insertThread(
  db: Executor,
  values: Pick<ThreadRow, 'groupId' | 'authorId' | 'kind' | 'title' | 'isAnonymous'>,
): Promise<ThreadRow> {
  const [row] = await db.insert(threads).values(values).returning();
  return row!;
}

export async function selectThreadTagIds(db: Executor, threadId: number): Promise<number[]> {
  const rows = await db
    .select({ tagId: threadTags.tagId })
    .from(threadTags)
    .where(eq(threadTags.threadId, threadId));
  return rows.map((row) => row.tagId);
}

export async function insertThreadTags(db: Executor, threadId: number, tagIds: number[]) {
  if (tagIds.length === 0) return;
  await db
    .insert(threadTags)
    .values(tagIds.map((tagId) => ({ threadId, tagId })))
    .onConflictDoNothing();
}

export async function deleteThreadTags(db: Executor, threadId: number, tagIds: number[]) {
  if (tagIds.length === 0) return;
  await db
    .delete(threadTags)
    .where(and(eq(threadTags.threadId, threadId), inArray(threadTags.tagId, tagIds)));
}

export async function adjustGroupThreadCount(db: Executor, groupId: number, delta: 1 | -1) {
  await db
    .update(groups)
    .set({ threadCount: sql`greatest(${groups.threadCount} + ${delta}, 0)` })
    .where(eq(groups.id, groupId));
}

/** False when it was already deleted (a concurrent request won): counters move only once. */
export async function markThreadDeleted(db: Executor, threadId: number): Promise<boolean> {
  const rows = await db
    .update(threads)
    .set({ deletedAt: sql`now()` })
    .where(and(eq(threads.id, threadId), isNull(threads.deletedAt)))
    .returning({ id: threads.id });
  return rows.length > 0;
}

export async function updateThread(
  db: Executor,
  threadId: number,
  values: Partial<Pick<ThreadRow, 'title' | 'status'>> & {
    answerCount?: SQL;
    lastActivityAt?: SQL;
    acceptedPostId?: SQL;
  },
): Promise<void> {
  await db.update(threads).set(values).where(eq(threads.id, threadId));
}
