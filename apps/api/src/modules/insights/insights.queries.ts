// Reads for community insights: weekly activity, answer figures and top tags over a window, for
// one group or for every group the viewer may read.
import { and, eq, gte, inArray, isNull, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { groups, posts, tags, threadTags, threads, users, type Executor } from '@serendip/db';

export interface InsightsScope {
  /** Which threads count: one group's, or those of every group the viewer may read. */
  groups: SQL;
  since: Date;
}

const week = (column: AnyColumn) =>
  sql<string>`to_char(date_trunc('week', ${column} at time zone 'UTC'), 'YYYY-MM-DD')`;

function threadsInScope(scope: InsightsScope): SQL {
  return and(scope.groups, isNull(threads.deletedAt), gte(threads.createdAt, scope.since))!;
}

export async function selectWeeklyQuestions(db: Executor, scope: InsightsScope) {
  return db
    .select({ week: week(threads.createdAt), count: sql<number>`count(*)::int` })
    .from(threads)
    .innerJoin(groups, eq(groups.id, threads.groupId))
    .where(and(threadsInScope(scope), eq(threads.kind, 'question')))
    .groupBy(sql`1`);
}

export async function selectWeeklyAnswers(db: Executor, scope: InsightsScope) {
  return db
    .select({ week: week(posts.createdAt), count: sql<number>`count(*)::int` })
    .from(posts)
    .innerJoin(threads, eq(threads.id, posts.threadId))
    .innerJoin(groups, eq(groups.id, threads.groupId))
    .where(
      and(
        scope.groups,
        isNull(threads.deletedAt),
        eq(posts.kind, 'answer'),
        eq(posts.state, 'published'),
        isNull(posts.deletedAt),
        gte(posts.createdAt, scope.since),
      ),
    )
    .groupBy(sql`1`);
}

/** Questions asked in the window: how many, answered, still unanswered, median first answer. */
export async function selectAnswerFigures(db: Executor, scope: InsightsScope) {
  const asked = db
    .select({
      createdAt: threads.createdAt,
      status: threads.status,
      firstAnswerAt: sql<Date | null>`(select min(${posts.createdAt}) from ${posts}
        where ${posts.threadId} = ${threads.id} and ${posts.kind} = 'answer'
        and ${posts.state} = 'published' and ${posts.deletedAt} is null)`.as('first_answer_at'),
    })
    .from(threads)
    .innerJoin(groups, eq(groups.id, threads.groupId))
    .where(and(threadsInScope(scope), eq(threads.kind, 'question')))
    .as('asked');
  const [row] = await db
    .select({
      questions: sql<number>`count(*)::int`,
      answered: sql<number>`count(${asked.firstAnswerAt})::int`,
      unanswered: sql<number>`(count(*) filter (where ${asked.firstAnswerAt} is null and ${asked.status} = 'open'))::int`,
      medianSeconds: sql<
        number | null
      >`(percentile_cont(0.5) within group (order by extract(epoch from (${asked.firstAnswerAt} - ${asked.createdAt}))))::float8`,
    })
    .from(asked);
  return row!;
}

export async function selectTopTags(db: Executor, scope: InsightsScope, limit: number) {
  return db
    .select({ slug: tags.slug, threads: sql<number>`count(distinct ${threads.id})::int` })
    .from(threadTags)
    .innerJoin(threads, eq(threads.id, threadTags.threadId))
    .innerJoin(groups, eq(groups.id, threads.groupId))
    .innerJoin(tags, eq(tags.id, threadTags.tagId))
    .where(threadsInScope(scope))
    .groupBy(tags.slug)
    .orderBy(sql`2 desc`, tags.slug)
    .limit(limit);
}

export async function selectUserSummaries(db: Executor, ids: number[]) {
  if (ids.length === 0) return new Map<number, UserSummaryRow>();
  const rows = await db
    .select({
      id: users.id,
      handle: users.handle,
      displayName: users.displayName,
      jobTitle: users.jobTitle,
      department: users.department,
      site: users.site,
    })
    .from(users)
    .where(and(inArray(users.id, ids), isNull(users.deletedAt)));
  return new Map(rows.map((row) => [row.id, row]));
}

export interface UserSummaryRow {
  id: number;
  handle: string;
  displayName: string;
  jobTitle: string;
  department: string;
  site: string;
}
