// Who may vote on a post, and who acts as a thread's asker: a thread or post the viewer cannot
// read answers exactly like an unknown id (404), so private groups do not leak.
import type { Executor } from '@serendip/db';
import { DomainError } from '../../errors.ts';
import type { Viewer } from '../../plugins/session.ts';
import type { PostRow } from '../posts/posts.queries.ts';
import {
  loadPostAccess,
  loadThreadAccess,
  type ThreadAccess,
  type ThreadRow,
} from '../threads/thread-access.ts';

/**
 * Accepting and thanking belong to the asker alone: moderators do not act on their behalf. The
 * thread stays locked for the rest of the transaction, so acceptance changes happen one at a time.
 */
export async function loadAskersQuestion(
  db: Executor,
  viewer: Viewer,
  threadId: number,
): Promise<ThreadAccess> {
  const access = await loadThreadAccess(db, viewer, threadId, { lock: true });
  if (access.thread.authorId !== viewer.id) {
    throw new DomainError('not_thread_author', 'Only the person who asked can do this.');
  }
  if (access.thread.kind !== 'question') {
    throw new DomainError('not_a_question', 'Discussions have no accepted answer.');
  }
  return access;
}

/** Stricter than for posting: a locked thread's votes and acceptance are final, for everyone. */
export function assertThreadOpen(thread: ThreadRow): void {
  if (thread.status === 'locked') {
    throw new DomainError('thread_locked', 'This thread is locked; it can no longer change.');
  }
}

export interface VotablePost {
  post: PostRow;
  thread: ThreadRow;
}

/** A published post of an open thread, written by someone else. */
export async function loadVotablePost(
  db: Executor,
  viewer: Viewer,
  postId: number,
): Promise<VotablePost> {
  const { post, access } = await loadPostAccess(db, viewer, postId, { includeDeleted: true });
  if (post.authorId === viewer.id) {
    throw new DomainError('cannot_vote_own_post', 'You cannot vote on your own post.');
  }
  if (post.deletedAt) {
    throw new DomainError('post_deleted', 'This post was deleted; it can no longer be voted on.');
  }
  if (post.state !== 'published') {
    throw new DomainError(
      'post_not_published',
      'This post is not published; it cannot be voted on.',
    );
  }
  assertThreadOpen(access.thread);
  return { post, thread: access.thread };
}
