// Who may vote on a post, and who acts as a thread's asker: a thread or post the viewer cannot
// read answers exactly like an unknown id (404), so private groups do not leak.
import type { ErrorCode } from '@serendip/contracts';
import type { Executor } from '@serendip/db';
import { DomainError, found } from '../../errors.ts';
import type { Viewer } from '../../plugins/session.ts';
import { canModerate, loadGroupAccess, type GroupAccess } from '../groups/groups.access.ts';
import { findPost, findThread, type PostRow, type ThreadRow } from './votes.queries.ts';

export interface ReadableThread {
  thread: ThreadRow;
  access: GroupAccess;
}

async function groupAccessOr404(
  db: Executor,
  viewer: Viewer,
  thread: ThreadRow,
  code: ErrorCode,
  message: string,
): Promise<GroupAccess> {
  if (thread.deletedAt) throw new DomainError(code, message);
  try {
    return await loadGroupAccess(db, viewer, { id: thread.groupId });
  } catch (error) {
    if (error instanceof DomainError && error.code === 'group_not_found') {
      throw new DomainError(code, message);
    }
    throw error;
  }
}

/** The thread, locked for the rest of the transaction, when the viewer may read it. */
export async function loadReadableThread(
  db: Executor,
  viewer: Viewer,
  threadId: number,
): Promise<ReadableThread> {
  const message = `No thread ${threadId}.`;
  const thread = found(await findThread(db, threadId, true), 'thread_not_found', message);
  const access = await groupAccessOr404(db, viewer, thread, 'thread_not_found', message);
  return { thread, access };
}

/** Accepting and thanking belong to the asker alone: moderators do not act on their behalf. */
export async function loadAskersQuestion(
  db: Executor,
  viewer: Viewer,
  threadId: number,
): Promise<ReadableThread> {
  const readable = await loadReadableThread(db, viewer, threadId);
  if (readable.thread.authorId !== viewer.id) {
    throw new DomainError('not_thread_author', 'Only the person who asked can do this.');
  }
  if (readable.thread.kind !== 'question') {
    throw new DomainError('not_a_question', 'Discussions have no accepted answer.');
  }
  return readable;
}

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
  const message = `No post ${postId}.`;
  const post = found(await findPost(db, postId), 'post_not_found', message);
  const thread = found(await findThread(db, post.threadId), 'post_not_found', message);
  const access = await groupAccessOr404(db, viewer, thread, 'post_not_found', message);
  const ownPost = post.authorId === viewer.id;
  // Held or hidden posts are readable only by their author and moderators.
  if (post.state !== 'published' && !ownPost && !canModerate(viewer, access)) {
    throw new DomainError('post_not_found', message);
  }
  if (ownPost) throw new DomainError('cannot_vote_own_post', 'You cannot vote on your own post.');
  if (post.deletedAt) {
    throw new DomainError('post_deleted', 'This post was deleted; it can no longer be voted on.');
  }
  if (post.state !== 'published') {
    throw new DomainError(
      'post_not_published',
      'This post is not published; it cannot be voted on.',
    );
  }
  assertThreadOpen(thread);
  return { post, thread };
}
