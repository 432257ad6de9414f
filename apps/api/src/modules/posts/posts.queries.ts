// Database access for posts: the rows a reader sees (with author and the viewer's vote), writing
// posts and their revisions.
import type { PostKind, PostState, UserSummary } from '@serendip/contracts';
import { and, desc, eq, isNull, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  postRevisions,
  posts,
  rawQuery,
  users,
  votes,
  type Database,
  type Executor,
} from '@serendip/db';
import { userSummaryColumns } from '../users/users.queries.ts';

export type PostRow = typeof posts.$inferSelect;

/** Timestamps as the API writes them (ISO 8601, UTC, milliseconds), formatted by the database. */
export function isoTimestamp(column: AnyColumn): SQL<string> {
  return sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

export interface ReadablePostRow {
  id: number;
  threadId: number;
  kind: PostKind;
  authorId: number;
  author: UserSummary;
  bodyHtml: string;
  bodySource: string;
  state: PostState;
  score: number;
  revisionCount: number;
  createdAt: string;
  editedAt: string | null;
  myVote: number;
}

// Aliases keep the post subquery apart from the thread query that embeds it.
const post = alias(posts, 'post');
const postAuthor = alias(users, 'post_author');
const postVote = alias(votes, 'post_vote');

/** One post as one JSON object, for reading a single post. */
const readablePostJson = sql<ReadablePostRow>`json_build_object(
  'id', ${post.id}, 'threadId', ${post.threadId}, 'kind', ${post.kind},
  'authorId', ${post.authorId},
  'author', json_build_object('id', ${postAuthor.id}, 'handle', ${postAuthor.handle},
    'displayName', ${postAuthor.displayName}, 'jobTitle', ${postAuthor.jobTitle},
    'department', ${postAuthor.department}, 'site', ${postAuthor.site}),
  'bodyHtml', ${post.bodyHtml}, 'bodySource', ${post.bodySource}, 'state', ${post.state},
  'score', ${post.score}, 'revisionCount', ${post.revisionCount},
  'createdAt', ${isoTimestamp(post.createdAt)}, 'editedAt', ${isoTimestamp(post.editedAt)},
  'myVote', coalesce(${postVote.value}, 0))`;

/** A post row as PostgreSQL sends it, the author's columns flat (aliases already camelCase). */
interface FlatPostRow extends Omit<ThreadPostRow, 'author'> {
  postsVersion: number;
  authorHandle: string;
  authorDisplayName: string;
  authorJobTitle: string;
  authorDepartment: string;
  authorSite: string;
}

// Hand-written and run through the driver: drizzle's per-row mapping of a thread's posts cost
// more CPU than the query. Same columns, order and timestamp format as readablePostJson, without
// the viewer's vote: these rows are the same for every reader, so they can be kept (see
// thread-posts-cache.ts), each carrying the thread's posts_version read in the same snapshot.
const POSTS_OF_THREAD_SQL = `select p.id, p.thread_id as "threadId", p.kind, p.author_id as "authorId",
  a.handle as "authorHandle", a.display_name as "authorDisplayName",
  a.job_title as "authorJobTitle", a.department as "authorDepartment", a.site as "authorSite",
  p.body_html as "bodyHtml", p.body_source as "bodySource", p.state, p.score,
  p.revision_count as "revisionCount",
  to_char(p.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "createdAt",
  to_char(p.edited_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "editedAt",
  t.posts_version as "postsVersion"
from posts p
inner join users a on a.id = p.author_id
inner join threads t on t.id = p.thread_id
where p.thread_id = $1::int and p.deleted_at is null
order by p.created_at, p.id`;

/** A thread's post as every reader gets it; the viewer's vote is added per request. */
export type ThreadPostRow = Omit<ReadablePostRow, 'myVote'>;

/** The posts of a thread as of one version of them. */
export interface ThreadPosts {
  version: number;
  rows: readonly ThreadPostRow[];
}

function withAuthor(row: FlatPostRow): ThreadPostRow {
  return {
    id: row.id,
    threadId: row.threadId,
    kind: row.kind,
    authorId: row.authorId,
    author: {
      id: row.authorId,
      handle: row.authorHandle,
      displayName: row.authorDisplayName,
      jobTitle: row.authorJobTitle,
      department: row.authorDepartment,
      site: row.authorSite,
    },
    bodyHtml: row.bodyHtml,
    bodySource: row.bodySource,
    state: row.state,
    score: row.score,
    revisionCount: row.revisionCount,
    createdAt: row.createdAt,
    editedAt: row.editedAt,
  };
}

/**
 * The non-deleted posts of a thread in order of creation, with their authors; visibility is
 * filtered by the caller. Plain rows: building them as JSON inside PostgreSQL cost the database
 * twice as much as sending the columns. A thread without posts has version -1 (nothing to keep).
 */
export async function selectPostsOfThread(db: Database, threadId: number): Promise<ThreadPosts> {
  const rows = await rawQuery(db)<FlatPostRow>(POSTS_OF_THREAD_SQL, [threadId]);
  return { version: rows[0]?.postsVersion ?? -1, rows: rows.map(withAuthor) };
}

export async function selectReadablePost(db: Executor, viewerId: number, postId: number) {
  const [row] = await db
    .select({ post: readablePostJson })
    .from(post)
    .innerJoin(postAuthor, eq(postAuthor.id, post.authorId))
    .leftJoin(postVote, and(eq(postVote.postId, post.id), eq(postVote.userId, viewerId)))
    .where(and(eq(post.id, postId), isNull(post.deletedAt)))
    .limit(1);
  return row?.post;
}

/** The post row; a deleted post only with `includeDeleted`. */
export async function selectPostById(
  db: Executor,
  postId: number,
  options: { includeDeleted?: boolean } = {},
): Promise<PostRow | undefined> {
  const [row] = await db
    .select()
    .from(posts)
    .where(and(eq(posts.id, postId), options.includeDeleted ? undefined : isNull(posts.deletedAt)))
    .limit(1);
  return row;
}

export async function insertPost(
  db: Executor,
  values: Pick<PostRow, 'threadId' | 'authorId' | 'kind' | 'bodySource' | 'bodyHtml'>,
): Promise<PostRow> {
  const [row] = await db.insert(posts).values(values).returning();
  return row!;
}

export async function insertRevision(
  db: Executor,
  values: {
    postId: number;
    revision: number;
    editorId: number;
    title: string | null;
    bodySource: string;
  },
): Promise<void> {
  await db.insert(postRevisions).values(values);
}

/** Saves a new body and returns the revision number it becomes (atomic under concurrent edits). */
export async function updatePostBody(
  db: Executor,
  postId: number,
  bodySource: string,
  bodyHtml: string,
): Promise<number> {
  const [row] = await db
    .update(posts)
    .set({
      bodySource,
      bodyHtml,
      revisionCount: sql`${posts.revisionCount} + 1`,
      editedAt: sql`now()`,
    })
    .where(eq(posts.id, postId))
    .returning({ revisionCount: posts.revisionCount });
  return row!.revisionCount;
}

/** False when it was already deleted (a concurrent request won): counters move only once. */
export async function markPostDeleted(db: Executor, postId: number): Promise<boolean> {
  const rows = await db
    .update(posts)
    .set({ deletedAt: sql`now()` })
    .where(and(eq(posts.id, postId), isNull(posts.deletedAt)))
    .returning({ id: posts.id });
  return rows.length > 0;
}

export async function selectOpeningPost(
  db: Executor,
  threadId: number,
): Promise<PostRow | undefined> {
  const [row] = await db
    .select()
    .from(posts)
    .where(and(eq(posts.threadId, threadId), eq(posts.kind, 'opening')))
    .limit(1);
  return row;
}

export async function selectRevisions(db: Executor, postId: number) {
  return db
    .select({
      revision: postRevisions.revision,
      editorId: postRevisions.editorId,
      editor: userSummaryColumns(users),
      title: postRevisions.title,
      bodySource: postRevisions.bodySource,
      createdAt: postRevisions.createdAt,
    })
    .from(postRevisions)
    .innerJoin(users, eq(users.id, postRevisions.editorId))
    .where(eq(postRevisions.postId, postId))
    .orderBy(desc(postRevisions.revision));
}

export async function selectPostIdsOfThread(db: Executor, threadId: number): Promise<number[]> {
  const rows = await db
    .select({ id: posts.id })
    .from(posts)
    .where(and(eq(posts.threadId, threadId), isNull(posts.deletedAt)));
  return rows.map((row) => row.id);
}
