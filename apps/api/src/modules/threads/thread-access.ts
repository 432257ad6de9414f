// Finding a thread or post the viewer may read, with their rights in its group. A thread in a
// private group answers "not found" to non-members, exactly like an unknown id.
import { and, eq, isNull } from 'drizzle-orm';
import { groups, memberships, threads, type Executor } from '@serendip/db';
import { DomainError } from '../../errors.ts';
import type { Viewer } from '../../plugins/session.ts';
import {
  canModerate,
  groupIsReadable,
  viewerMembership,
  type GroupAccess,
} from '../groups/groups.access.ts';
import { canSeePost } from '../posts/post-view.ts';
import { selectPostById, type PostRow } from '../posts/posts.queries.ts';

export type ThreadRow = typeof threads.$inferSelect;

export interface ThreadAccess extends GroupAccess {
  thread: ThreadRow;
  canModerate: boolean;
}

export function threadNotFound(): DomainError {
  return new DomainError('thread_not_found', 'No such thread.');
}

/**
 * The thread and the viewer's rights in its group. `lock` holds the thread row until the end of
 * the caller's transaction, so changes such as an acceptance happen one at a time.
 */
export async function loadThreadAccess(
  db: Executor,
  viewer: Viewer,
  threadId: number,
  options: { lock?: boolean } = {},
): Promise<ThreadAccess> {
  const query = db
    .select({ thread: threads, group: groups, membership: memberships.role })
    .from(threads)
    .innerJoin(groups, eq(groups.id, threads.groupId))
    .leftJoin(memberships, viewerMembership(viewer))
    .where(and(eq(threads.id, threadId), isNull(threads.deletedAt)))
    .limit(1);
  const [row] = options.lock ? await query.for('no key update', { of: threads }) : await query;
  if (!row || !groupIsReadable(viewer, row.group.visibility, row.membership)) {
    throw threadNotFound();
  }
  const access = { group: row.group, membership: row.membership };
  return { ...access, thread: row.thread, canModerate: canModerate(viewer, access) };
}

export function postNotFound(): DomainError {
  return new DomainError('post_not_found', 'No such post.');
}

/**
 * The post and its thread's access; a post the viewer may not read (private group, deleted
 * thread, someone else's held post) answers like an unknown one. Deleted posts are unknown too,
 * unless `includeDeleted` (the caller then explains why it refuses them).
 */
export async function loadPostAccess(
  db: Executor,
  viewer: Viewer,
  postId: number,
  options: { includeDeleted?: boolean } = {},
): Promise<{ post: PostRow; access: ThreadAccess }> {
  const post = await selectPostById(db, postId, options);
  if (!post) throw postNotFound();
  const access = await loadThreadAccess(db, viewer, post.threadId).catch((error: unknown) => {
    throw error instanceof DomainError && error.code === 'thread_not_found'
      ? postNotFound()
      : error;
  });
  if (!canSeePost(post, { viewerId: viewer.id, canModerate: access.canModerate })) {
    throw postNotFound();
  }
  return { post, access };
}

/** Edits and deletions: the author or a moderator of the group. */
export function assertCanEditThread(viewer: Viewer, access: ThreadAccess): void {
  if (access.thread.authorId !== viewer.id && !access.canModerate) {
    throw new DomainError(
      'not_thread_author',
      'Only the author or a moderator can change this thread.',
    );
  }
  assertOpenOrModerator(access);
}

/** A locked thread takes no new posts or edits, except from moderators. */
export function assertOpenOrModerator(access: ThreadAccess): void {
  if (access.thread.status === 'locked' && !access.canModerate) {
    throw new DomainError('thread_locked', 'This thread is locked.');
  }
}
