// Finding a thread the viewer may read, with their rights in its group. A thread in a private
// group answers "not found" to non-members, exactly like an unknown id.
import { and, eq, isNull } from 'drizzle-orm';
import { groups, memberships, threads, type Executor } from '@serendip/db';
import { DomainError } from '../../errors.ts';
import { isStaff, type Viewer } from '../../plugins/session.ts';
import { canModerate, type GroupAccess } from '../groups/groups.access.ts';

export type ThreadRow = typeof threads.$inferSelect;

export interface ThreadAccess extends GroupAccess {
  thread: ThreadRow;
  canModerate: boolean;
}

export function threadNotFound(): DomainError {
  return new DomainError('thread_not_found', 'No such thread.');
}

/** Readable = public group, or the viewer belongs to it, or is global staff. */
export function groupIsReadable(
  viewer: Viewer,
  visibility: 'public' | 'private',
  membership: GroupAccess['membership'],
): boolean {
  return visibility === 'public' || membership !== null || isStaff(viewer);
}

export async function loadThreadAccess(
  db: Executor,
  viewer: Viewer,
  threadId: number,
): Promise<ThreadAccess> {
  const [row] = await db
    .select({ thread: threads, group: groups, membership: memberships.role })
    .from(threads)
    .innerJoin(groups, eq(groups.id, threads.groupId))
    .leftJoin(
      memberships,
      and(eq(memberships.groupId, groups.id), eq(memberships.userId, viewer.id)),
    )
    .where(and(eq(threads.id, threadId), isNull(threads.deletedAt)))
    .limit(1);
  if (!row || !groupIsReadable(viewer, row.group.visibility, row.membership)) {
    throw threadNotFound();
  }
  const access = { group: row.group, membership: row.membership };
  return { ...access, thread: row.thread, canModerate: canModerate(viewer, access) };
}

/** canModerate's rule from the membership role alone (the thread page's head query has no full group row). */
export function moderatesWith(viewer: Viewer, membership: GroupAccess['membership']): boolean {
  return isStaff(viewer) || membership === 'moderator' || membership === 'owner';
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
