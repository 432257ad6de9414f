// Database access for profiles: a person's row, their skills and interests, and the ratings and
// answers shown on their public profile (always filtered by what the viewer may read).
import { and, asc, desc, eq, isNull, sql, type AnyColumn } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  groups,
  posts,
  tags,
  thanks,
  threads,
  users,
  userTags,
  type Executor,
  type NotificationPreferences,
} from '@serendip/db';
import type { Viewer } from '../../plugins/session.ts';
import { groupReadableBy } from '../groups/groups.access.ts';

export type UserRow = typeof users.$inferSelect;
export type UserTagKind = 'skill' | 'interest';
export type UserChanges = Partial<
  Pick<
    UserRow,
    | 'displayName'
    | 'jobTitle'
    | 'department'
    | 'site'
    | 'hierarchyLevel'
    | 'hierarchyVisible'
    | 'locale'
    | 'bio'
    | 'openToQuestions'
    | 'weeklyHelpMinutes'
  >
>;

type SummaryColumn = 'id' | 'handle' | 'displayName' | 'jobTitle' | 'department' | 'site';

/**
 * The public face of a person (a UserSummary), selected wherever an author, editor, actor or
 * member is shown; `table` is users or an alias of it.
 */
export function userSummaryColumns<Table extends Record<SummaryColumn, AnyColumn>>(
  table: Table,
): Pick<Table, SummaryColumn> {
  return {
    id: table.id,
    handle: table.handle,
    displayName: table.displayName,
    jobTitle: table.jobTitle,
    department: table.department,
    site: table.site,
  };
}

/** A live (not deleted) account by id. */
export async function findUserById(db: Executor, id: number): Promise<UserRow | undefined> {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, id), isNull(users.deletedAt)))
    .limit(1);
  return user;
}

/** A live account by handle, whatever its case. */
export async function findUserByHandle(db: Executor, handle: string): Promise<UserRow | undefined> {
  const [user] = await db
    .select()
    .from(users)
    .where(and(sql`lower(${users.handle}) = lower(${handle})`, isNull(users.deletedAt)))
    .limit(1);
  return user;
}

export async function userTagSlugs(
  db: Executor,
  userId: number,
): Promise<Record<UserTagKind, string[]>> {
  const rows = await db
    .select({ kind: userTags.kind, slug: tags.slug })
    .from(userTags)
    .innerJoin(tags, eq(tags.id, userTags.tagId))
    .where(eq(userTags.userId, userId))
    .orderBy(asc(tags.slug));
  return {
    skill: rows.filter((row) => row.kind === 'skill').map((row) => row.slug),
    interest: rows.filter((row) => row.kind === 'interest').map((row) => row.slug),
  };
}

export async function updateUser(
  tx: Executor,
  userId: number,
  changes: UserChanges,
  preferences?: NotificationPreferences,
): Promise<void> {
  await tx
    .update(users)
    .set({
      ...changes,
      // Merged in SQL so a concurrent change to another preference is not lost.
      ...(preferences && {
        notificationPreferences: sql`${users.notificationPreferences} || ${JSON.stringify(preferences)}::jsonb`,
      }),
      updatedAt: new Date(),
    })
    .where(eq(users.id, userId));
}

export async function replaceUserTags(
  tx: Executor,
  userId: number,
  kind: UserTagKind,
  tagIds: number[],
): Promise<void> {
  await tx.delete(userTags).where(and(eq(userTags.userId, userId), eq(userTags.kind, kind)));
  if (tagIds.length === 0) return;
  await tx.insert(userTags).values(tagIds.map((tagId) => ({ userId, tagId, kind })));
}

/** Threads that still exist, in groups the viewer can read. */
function visibleThread(viewer: Viewer) {
  return and(isNull(threads.deletedAt), groupReadableBy(viewer));
}

export async function ratingTotals(db: Executor, userId: number, viewer: Viewer) {
  const [row] = await db
    .select({
      count: sql<number>`count(*)::int`,
      average: sql<number | null>`round(avg(${thanks.rating}), 2)::float8`,
    })
    .from(thanks)
    .innerJoin(threads, eq(threads.id, thanks.threadId))
    .innerJoin(groups, eq(groups.id, threads.groupId))
    .where(and(eq(thanks.toUserId, userId), visibleThread(viewer)));
  return { count: row?.count ?? 0, average: row?.average ?? null };
}

const fromUser = alias(users, 'from_user');

export async function recentRatings(db: Executor, userId: number, viewer: Viewer, limit: number) {
  return db
    .select({
      rating: thanks.rating,
      message: thanks.message,
      threadId: threads.id,
      threadTitle: threads.title,
      threadAnonymous: threads.isAnonymous,
      fromUserId: thanks.fromUserId,
      from: { ...userSummaryColumns(fromUser), deletedAt: fromUser.deletedAt },
      createdAt: thanks.createdAt,
    })
    .from(thanks)
    .innerJoin(threads, eq(threads.id, thanks.threadId))
    .innerJoin(groups, eq(groups.id, threads.groupId))
    .innerJoin(fromUser, eq(fromUser.id, thanks.fromUserId))
    .where(and(eq(thanks.toUserId, userId), visibleThread(viewer)))
    .orderBy(desc(thanks.createdAt), desc(thanks.threadId))
    .limit(limit);
}

/** Published, not deleted answers by the user, in threads the viewer can read. */
function visibleAnswersOf(userId: number, viewer: Viewer) {
  return and(
    eq(posts.authorId, userId),
    eq(posts.kind, 'answer'),
    eq(posts.state, 'published'),
    isNull(posts.deletedAt),
    visibleThread(viewer),
  );
}

export async function answerTotals(db: Executor, userId: number, viewer: Viewer) {
  const [row] = await db
    .select({
      answerCount: sql<number>`count(*)::int`,
      acceptedCount: sql<number>`(count(*) filter (where ${threads.acceptedPostId} = ${posts.id}))::int`,
    })
    .from(posts)
    .innerJoin(threads, eq(threads.id, posts.threadId))
    .innerJoin(groups, eq(groups.id, threads.groupId))
    .where(visibleAnswersOf(userId, viewer));
  return { answerCount: row?.answerCount ?? 0, acceptedCount: row?.acceptedCount ?? 0 };
}

export async function recentAnswers(db: Executor, userId: number, viewer: Viewer, limit: number) {
  return (
    db
      .select({
        postId: posts.id,
        threadId: threads.id,
        threadTitle: threads.title,
        bodyHtml: posts.bodyHtml,
        score: posts.score,
        isAccepted: sql<boolean>`coalesce(${threads.acceptedPostId} = ${posts.id}, false)`,
        createdAt: posts.createdAt,
      })
      .from(posts)
      .innerJoin(threads, eq(threads.id, posts.threadId))
      .innerJoin(groups, eq(groups.id, threads.groupId))
      .where(visibleAnswersOf(userId, viewer))
      // Same null order as posts_author_idx (drizzle builds it `desc nulls last`).
      .orderBy(sql`${posts.createdAt} desc nulls last`, desc(posts.id))
      .limit(limit)
  );
}
