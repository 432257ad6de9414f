// How a post looks to one viewer: who may see it, whether its author is shown, and the reading
// order of a thread's posts.
import type { Post } from '@serendip/contracts';
import type { ReadablePostRow } from './posts.queries.ts';

export interface PostViewContext {
  viewerId: number;
  canModerate: boolean;
  thread: { authorId: number; isAnonymous: boolean; acceptedPostId: number | null };
}

/** Held, rejected or hidden posts are shown only to their author and to moderators. */
export function canSeePost(
  row: Pick<ReadablePostRow, 'state' | 'authorId'>,
  view: Pick<PostViewContext, 'viewerId' | 'canModerate'>,
): boolean {
  return row.state === 'published' || row.authorId === view.viewerId || view.canModerate;
}

/**
 * An anonymous asker stays anonymous in their whole thread (their later replies would otherwise
 * unmask them); they themselves and moderators still see who it is.
 */
export function hidesAuthor(authorId: number, view: PostViewContext): boolean {
  return (
    view.thread.isAnonymous &&
    authorId === view.thread.authorId &&
    authorId !== view.viewerId &&
    !view.canModerate
  );
}

export function toPost(row: ReadablePostRow, view: PostViewContext): Post {
  return {
    id: row.id,
    threadId: row.threadId,
    kind: row.kind,
    author: hidesAuthor(row.authorId, view) ? null : row.author,
    bodyHtml: row.bodyHtml,
    bodySource: row.bodySource,
    state: row.state,
    score: row.score,
    myVote: Math.sign(row.myVote) as Post['myVote'],
    isAccepted: row.id === view.thread.acceptedPostId,
    revisionCount: row.revisionCount,
    createdAt: row.createdAt,
    editedAt: row.editedAt,
  };
}

const rank = (post: Post) => (post.kind === 'opening' ? 0 : post.isAccepted ? 1 : 2);

/**
 * Opening post first; answers by accepted, score, then age; replies by age. Answers and replies
 * never mix in one thread, so one comparison serves both kinds.
 */
export function comparePosts(a: Post, b: Post): number {
  return (
    rank(a) - rank(b) ||
    (a.kind === 'answer' && b.kind === 'answer' ? b.score - a.score : 0) ||
    // ISO timestamps of one format sort as plain strings (localeCompare is far slower).
    (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0) ||
    a.id - b.id
  );
}
