// Who may moderate what: global staff (moderators, admins) everything; group moderators and
// owners only their groups' items; members nothing (403: the queue exists, they just may not see it).
import { and, eq, inArray } from 'drizzle-orm';
import { memberships, type Executor } from '@serendip/db';
import { DomainError } from '../../errors.ts';
import { isStaff, type Viewer } from '../../plugins/session.ts';

export interface ModerationScope {
  /** Global staff: every group, and items without a group. */
  all: boolean;
  groupIds: number[];
}

export function notAModerator(): DomainError {
  return new DomainError('forbidden', 'Only moderators can do this.');
}

export function assertStaff(viewer: Viewer): void {
  if (!isStaff(viewer)) {
    throw new DomainError('forbidden', 'Only site moderators and administrators can do this.');
  }
}

/** The viewer's moderation reach; 403 for people who moderate nothing. */
export async function moderationScope(db: Executor, viewer: Viewer): Promise<ModerationScope> {
  if (isStaff(viewer)) return { all: true, groupIds: [] };
  const rows = await db
    .select({ groupId: memberships.groupId })
    .from(memberships)
    .where(
      and(eq(memberships.userId, viewer.id), inArray(memberships.role, ['moderator', 'owner'])),
    );
  if (rows.length === 0) throw notAModerator();
  return { all: false, groupIds: rows.map((row) => row.groupId) };
}

export function inScope(scope: ModerationScope, groupId: number | null): boolean {
  return scope.all || (groupId !== null && scope.groupIds.includes(groupId));
}
