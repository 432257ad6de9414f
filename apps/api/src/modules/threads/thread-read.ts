// Reading threads: a thread page (the thread head with the viewer's votes, and its posts with
// their authors, kept between reads while unchanged) and a group's lists with keyset cursors.
import type {
  Post,
  TaggedThreadsQuery,
  Thread,
  ThreadDetail,
  ThreadList,
  ThreadListQuery,
} from '@serendip/contracts';
import type { Database } from '@serendip/db';
import { excerpt } from '@serendip/markdown';
import { invalid } from '../../errors.ts';
import { decodeCursor, isRowId, pageOf } from '../../pagination.ts';
import type { Viewer } from '../../plugins/session.ts';
import {
  canModerate,
  groupIsReadable,
  loadGroupAccess,
  moderatesWith,
} from '../groups/groups.access.ts';
import { canSeePost, comparePosts, toPost, type PostViewContext } from '../posts/post-view.ts';
import { selectPostsOfThread } from '../posts/posts.queries.ts';
import { normalizeTag } from '../tags/tags.queries.ts';
import { threadNotFound } from './thread-access.ts';
import { threadPostsCache } from './thread-posts-cache.ts';
import {
  EXCERPT_SOURCE_LENGTH,
  selectThreadHead,
  selectTaggedThreadPage,
  selectThreadPage,
  type ThreadHeadRow,
  type ThreadSortKey,
} from './threads.queries.ts';

type ThreadFields = Omit<
  ThreadHeadRow,
  'membership' | 'thanks' | 'following' | 'postsVersion' | 'myVotes'
>;

/** The author is shown unless the thread is anonymous and the viewer is neither them nor a moderator. */
function toThread(row: ThreadFields, view: PostViewContext, openingHtml: string | null): Thread {
  const hidden = row.isAnonymous && row.authorId !== view.viewerId && !view.canModerate;
  return {
    id: row.id,
    groupId: row.groupId,
    group: row.group,
    kind: row.kind,
    title: row.title,
    author: hidden ? null : row.author,
    isAnonymous: row.isAnonymous,
    status: row.status,
    acceptedPostId: row.acceptedPostId,
    answerCount: row.answerCount,
    score: row.score,
    tags: row.tags,
    createdAt: row.createdAt.toISOString(),
    lastActivityAt: row.lastActivityAt.toISOString(),
    excerpt: openingHtml ? openingExcerpt(openingHtml) : '',
  };
}

// Every list and thread page shows its threads' opening excerpts; parsing the same HTML again on
// each read cost more than the rest of a listed thread. An excerpt depends on that HTML alone, so
// the latest ones are kept, keyed by it (the oldest dropped first).
const keptExcerpts = new Map<string, string>();
const MAX_KEPT_EXCERPTS = 2000;

function openingExcerpt(openingHtml: string): string {
  const source = openingHtml.slice(0, EXCERPT_SOURCE_LENGTH);
  let text = keptExcerpts.get(source);
  if (text === undefined) {
    text = excerpt(source);
    if (keptExcerpts.size >= MAX_KEPT_EXCERPTS) {
      keptExcerpts.delete(keptExcerpts.keys().next().value!);
    }
    keptExcerpts.set(source, text);
  }
  return text;
}

function viewContext(viewer: Viewer, row: ThreadFields, moderates: boolean): PostViewContext {
  return {
    viewerId: viewer.id,
    canModerate: moderates,
    thread: {
      authorId: row.authorId,
      isAnonymous: row.isAnonymous,
      acceptedPostId: row.acceptedPostId,
    },
  };
}

export async function loadThreadDetail(
  db: Database,
  viewer: Viewer,
  threadId: number,
): Promise<ThreadDetail> {
  const cache = threadPostsCache(db);
  const kept = cache.peek(threadId);
  // With nothing kept, both queries go out together; with posts kept, the head says whether
  // they are still current.
  const [head, fetched] = await Promise.all([
    selectThreadHead(db, viewer.id, threadId),
    kept ? undefined : selectPostsOfThread(db, threadId),
  ]);
  if (!head || !groupIsReadable(viewer, head.group.visibility, head.membership)) {
    throw threadNotFound();
  }
  const { membership, thanks, following, postsVersion, myVotes, ...fields } = head;
  const current =
    fetched ?? (kept!.version === postsVersion ? kept! : await selectPostsOfThread(db, threadId));
  cache.keep(threadId, current);
  const votes = new Map(myVotes);
  const postRows = current.rows.map((row) => ({ ...row, myVote: votes.get(row.id) ?? 0 }));
  const moderates = moderatesWith(viewer, membership);
  const view = viewContext(viewer, fields, moderates);
  const openingRow = postRows.find((row) => row.kind === 'opening');
  // A question held for review, rejected or hidden is not there for others (title included).
  if (openingRow && !canSeePost(openingRow, view)) throw threadNotFound();
  const posts: Post[] = postRows
    .filter((row) => canSeePost(row, view))
    .map((row) => toPost(row, view))
    .sort(comparePosts);
  const isAuthor = fields.authorId === viewer.id;
  return {
    thread: toThread(fields, view, openingRow?.bodyHtml ?? null),
    posts,
    thanks: thanks && { ...thanks, createdAt: thanks.createdAt.toISOString() },
    viewer: {
      isAuthor,
      canModerate: moderates,
      canAccept: isAuthor && fields.kind === 'question',
      following,
    },
  };
}

// PostgreSQL's text form of a timestamptz (microseconds kept, unlike a JS Date).
const TIMESTAMP_TEXT =
  /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?[+-](\d{2})(?::\d{2})?$/;

/** Checks every field so the database never sees a value it would refuse (a 500). */
function isTimestampText(text: string): boolean {
  const match = TIMESTAMP_TEXT.exec(text);
  if (!match) return false;
  const [year, month, day, hour, minute, second, offset] = match.slice(1).map(Number) as number[];
  const date = new Date(Date.UTC(year!, month! - 1, day!));
  return (
    year! >= 1 &&
    date.getUTCMonth() === month! - 1 &&
    date.getUTCDate() === day &&
    hour! < 24 &&
    minute! < 60 &&
    second! < 60 &&
    offset! <= 15
  );
}

/** A cursor is only valid for the sort it was made for; anything else is a 400, never a 500. */
function isThreadCursorKey(
  sort: ThreadSortKey,
  [cursorSort, key, id, ...rest]: unknown[],
): boolean {
  const keyOk =
    typeof key === 'string' &&
    (sort === 'top'
      ? /^-?\d{1,10}$/.test(key) && Math.abs(Number(key)) <= 2147483647
      : isTimestampText(key));
  return cursorSort === sort && keyOk && isRowId(id) && rest.length === 0;
}

export async function listGroupThreads(
  db: Database,
  viewer: Viewer,
  slug: string,
  query: ThreadListQuery,
): Promise<ThreadList> {
  const sort = query.sort ?? 'activity';
  const limit = query.limit ?? 20;
  const after = query.cursor
    ? decodeCursor<[ThreadSortKey, string, number]>(query.cursor, (key) =>
        isThreadCursorKey(sort, key),
      )
    : undefined;
  const access = await loadGroupAccess(db, viewer, { slug });
  const moderates = canModerate(viewer, access);
  const tagSlug = query.tag === undefined ? undefined : normalizeTag(query.tag);
  if (tagSlug === '') throw invalid('tag', `"${query.tag}" is not a usable tag.`);
  const rows = await selectThreadPage(db, {
    groupId: access.group.id,
    sort,
    limit,
    ...(tagSlug !== undefined ? { tagSlug } : {}),
    ...(after ? { after: { key: after[1], id: after[2] } } : {}),
  });
  return pageOf(
    rows,
    limit,
    (row) => toThread(row, viewContext(viewer, row, moderates), row.openingHtml),
    (last) => [sort, last.sortKey, last.id],
  );
}

/**
 * The threads carrying a tag in every group the viewer may read (a tag's page), latest activity
 * first. An unknown tag is simply an empty list: tags exist only through their threads and people.
 */
export async function listTaggedThreads(
  db: Database,
  viewer: Viewer,
  tag: string,
  query: TaggedThreadsQuery,
): Promise<ThreadList> {
  const limit = query.limit ?? 20;
  const tagSlug = normalizeTag(tag);
  if (tagSlug === '') throw invalid('slug', `"${tag}" is not a usable tag.`);
  const after = query.cursor
    ? decodeCursor<[string, number]>(
        query.cursor,
        ([key, id, ...rest]) =>
          typeof key === 'string' && isTimestampText(key) && isRowId(id) && rest.length === 0,
      )
    : undefined;
  const rows = await selectTaggedThreadPage(db, viewer, {
    tagSlug,
    limit,
    ...(after ? { after: { key: after[0], id: after[1] } } : {}),
  });
  return pageOf(
    rows,
    limit,
    (row) =>
      toThread(
        row,
        viewContext(viewer, row, moderatesWith(viewer, row.membership)),
        row.openingHtml,
      ),
    (last) => [last.sortKey, last.id],
  );
}
