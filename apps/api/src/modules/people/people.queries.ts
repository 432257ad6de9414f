// Reads for the expert directory: the latest influence snapshot of a scope, candidates, and the
// facts the directory score needs (skills, ratings received, pending addressed questions).
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import {
  groups,
  influenceSnapshots,
  memberships,
  posts,
  tags,
  thanks,
  threadAddressees,
  threads,
  userTags,
  users,
  type Executor,
} from '@serendip/db';
import type { Viewer } from '../../plugins/session.ts';
import { groupReadableBy } from '../groups/groups.access.ts';

export interface SnapshotRow {
  userId: number;
  rank: number;
  combined: number;
  components: Record<string, number>;
  contributions: Record<string, number>;
}

/** When the latest snapshot of a scope was computed, or null when there is none. */
export async function latestSnapshotDate(
  db: Executor,
  scopeType: string,
  scopeKey: string,
): Promise<Date | null> {
  const [row] = await db
    .select({ computedAt: influenceSnapshots.computedAt })
    .from(influenceSnapshots)
    .where(
      and(eq(influenceSnapshots.scopeType, scopeType), eq(influenceSnapshots.scopeKey, scopeKey)),
    )
    .orderBy(desc(influenceSnapshots.computedAt))
    .limit(1);
  return row?.computedAt ?? null;
}

const snapshotColumns = {
  userId: influenceSnapshots.userId,
  rank: influenceSnapshots.rank,
  combined: influenceSnapshots.combined,
  components: influenceSnapshots.components,
  contributions: influenceSnapshots.contributions,
};

/** The best-ranked rows of one snapshot, ordered by `component` (or the combined rank). */
export async function selectSnapshotRows(
  db: Executor,
  scope: { type: string; key: string; computedAt: Date },
  options: { limit: number; component?: string; userIds?: number[] },
): Promise<SnapshotRow[]> {
  const where = and(
    eq(influenceSnapshots.scopeType, scope.type),
    eq(influenceSnapshots.scopeKey, scope.key),
    eq(influenceSnapshots.computedAt, scope.computedAt),
    options.userIds ? inArray(influenceSnapshots.userId, options.userIds) : undefined,
    options.component
      ? sql`(${influenceSnapshots.components} ->> ${options.component})::float8 > 0`
      : undefined,
  );
  const order = options.component
    ? [
        sql`(${influenceSnapshots.components} ->> ${options.component})::float8 desc`,
        influenceSnapshots.rank,
      ]
    : [influenceSnapshots.rank];
  return db
    .select(snapshotColumns)
    .from(influenceSnapshots)
    .where(where)
    .orderBy(...order)
    .limit(options.limit);
}

/** Ids of people who declared the tag as a skill. */
export async function selectSkillHolders(db: Executor, tagSlug: string): Promise<number[]> {
  const rows = await db
    .select({ userId: userTags.userId })
    .from(userTags)
    .innerJoin(tags, eq(tags.id, userTags.tagId))
    .where(and(eq(tags.slug, tagSlug), eq(userTags.kind, 'skill')));
  return rows.map((row) => row.userId);
}

/** A LIKE pattern matching the words anywhere, with LIKE's own wildcards escaped. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

function matchesWords(q: string) {
  const pattern = containsPattern(q.trim().toLowerCase());
  return sql`(lower(${users.displayName}) like ${pattern} or lower(${users.handle}) like ${pattern}
    or lower(${users.jobTitle}) like ${pattern} or lower(${users.department}) like ${pattern})`;
}

/** Active people among `ids` (or anyone when ids is null) matching the words `q`, if given. */
export async function selectPeople(
  db: Executor,
  filter: { ids: number[] | null; q?: string; limit: number },
) {
  if (filter.ids !== null && filter.ids.length === 0) return [];
  return db
    .select({
      id: users.id,
      handle: users.handle,
      displayName: users.displayName,
      jobTitle: users.jobTitle,
      department: users.department,
      site: users.site,
      openToQuestions: users.openToQuestions,
      weeklyHelpMinutes: users.weeklyHelpMinutes,
    })
    .from(users)
    .where(
      and(
        isNull(users.deletedAt),
        filter.ids === null ? undefined : inArray(users.id, filter.ids),
        filter.q ? matchesWords(filter.q) : undefined,
      ),
    )
    .orderBy(users.id)
    .limit(filter.limit);
}

export async function selectSkills(db: Executor, userIds: number[]) {
  if (userIds.length === 0) return new Map<number, string[]>();
  const rows = await db
    .select({ userId: userTags.userId, slug: tags.slug })
    .from(userTags)
    .innerJoin(tags, eq(tags.id, userTags.tagId))
    .where(and(inArray(userTags.userId, userIds), eq(userTags.kind, 'skill')))
    .orderBy(tags.slug);
  const skills = new Map<number, string[]>();
  for (const row of rows) skills.set(row.userId, [...(skills.get(row.userId) ?? []), row.slug]);
  return skills;
}

export async function selectRatings(db: Executor, userIds: number[]) {
  if (userIds.length === 0) return new Map<number, { count: number; average: number }>();
  const rows = await db
    .select({
      userId: thanks.toUserId,
      count: sql<number>`count(*)::int`,
      average: sql<number>`avg(${thanks.rating})::float8`,
    })
    .from(thanks)
    .where(inArray(thanks.toUserId, userIds))
    .groupBy(thanks.toUserId);
  return new Map(rows.map((row) => [row.userId, { count: row.count, average: row.average }]));
}

/** Questions addressed to each person, still open, that they have not answered yet. */
export async function selectPendingAddressed(db: Executor, userIds: number[]) {
  if (userIds.length === 0) return new Map<number, number>();
  const rows = await db
    .select({ userId: threadAddressees.userId, count: sql<number>`count(*)::int` })
    .from(threadAddressees)
    .innerJoin(threads, eq(threads.id, threadAddressees.threadId))
    .where(
      and(
        inArray(threadAddressees.userId, userIds),
        isNull(threads.deletedAt),
        eq(threads.status, 'open'),
        sql`not exists (select 1 from ${posts} where ${posts.threadId} = ${threads.id}
          and ${posts.authorId} = ${threadAddressees.userId} and ${posts.kind} = 'answer'
          and ${posts.deletedAt} is null)`,
      ),
    )
    .groupBy(threadAddressees.userId);
  return new Map(rows.map((row) => [row.userId, row.count]));
}

/**
 * Where to ask each person: the group (readable by the viewer) they answered most in, else one
 * they belong to; "ask this expert" opens that group's ask page.
 */
export async function selectAskGroups(db: Executor, viewer: Viewer, userIds: number[]) {
  const askGroup = new Map<number, { slug: string; name: string }>();
  if (userIds.length === 0) return askGroup;
  const answered = await db
    .select({ userId: posts.authorId, slug: groups.slug, name: groups.name })
    .from(posts)
    .innerJoin(threads, eq(threads.id, posts.threadId))
    .innerJoin(groups, eq(groups.id, threads.groupId))
    .where(
      and(
        inArray(posts.authorId, userIds),
        eq(posts.kind, 'answer'),
        isNull(posts.deletedAt),
        groupReadableBy(viewer),
      ),
    )
    .groupBy(posts.authorId, groups.slug, groups.name)
    .orderBy(posts.authorId, sql`count(*) desc`, groups.slug);
  for (const row of answered) {
    if (!askGroup.has(row.userId)) askGroup.set(row.userId, { slug: row.slug, name: row.name });
  }
  const missing = userIds.filter((id) => !askGroup.has(id));
  if (missing.length === 0) return askGroup;
  const joined = await db
    .select({ userId: memberships.userId, slug: groups.slug, name: groups.name })
    .from(memberships)
    .innerJoin(groups, eq(groups.id, memberships.groupId))
    .where(and(inArray(memberships.userId, missing), groupReadableBy(viewer)))
    .orderBy(memberships.userId, desc(groups.memberCount), groups.slug);
  for (const row of joined) {
    if (!askGroup.has(row.userId)) askGroup.set(row.userId, { slug: row.slug, name: row.name });
  }
  return askGroup;
}
