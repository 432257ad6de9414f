// Who may read and act in a group. Private groups are invisible to non-members: every lookup a
// non-member makes answers "not found", never "forbidden", so their existence does not leak.
import { and, eq, or, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { groups, memberships, type Executor } from '@serendip/db';
import { DomainError } from '../../errors.ts';
import { isStaff, type Viewer } from '../../plugins/session.ts';

export type Group = typeof groups.$inferSelect;
export type MembershipRole = 'member' | 'moderator' | 'owner';

export interface GroupAccess {
  group: Group;
  /** The viewer's role in the group, or null when they are not a member. */
  membership: MembershipRole | null;
}

/** SQL condition: the group is visible to the viewer (public, or they belong, or they are staff). */
export function groupReadableBy(viewer: Viewer): SQL {
  return groupReadableFor(isStaff(viewer), viewer.id);
}

/** The same condition, with the viewer's id as a value or as a prepared statement's placeholder. */
export function groupReadableFor(staff: boolean, viewerId: number | Placeholder): SQL {
  if (staff) return sql`true`;
  return or(
    eq(groups.visibility, 'public'),
    sql`exists (select 1 from ${memberships} where ${memberships.groupId} = ${groups.id} and ${memberships.userId} = ${viewerId})`,
  )!;
}

/** Join condition: the viewer's membership of the joined group (no row when not a member). */
export function viewerMembership(viewer: Viewer): SQL {
  return and(eq(memberships.groupId, groups.id), eq(memberships.userId, viewer.id))!;
}

export async function loadGroupAccess(
  db: Executor,
  viewer: Viewer,
  where: { id: number } | { slug: string },
): Promise<GroupAccess> {
  const [row] = await db
    .select({ group: groups, membership: memberships.role })
    .from(groups)
    .leftJoin(memberships, viewerMembership(viewer))
    .where('id' in where ? eq(groups.id, where.id) : eq(groups.slug, where.slug))
    .limit(1);
  if (!row || !groupIsReadable(viewer, row.group.visibility, row.membership)) {
    throw new DomainError('group_not_found', 'No such group.');
  }
  return { group: row.group, membership: row.membership };
}

/** groupReadableBy's rule for a group already loaded with the viewer's membership. */
export function groupIsReadable(
  viewer: Viewer,
  visibility: Group['visibility'],
  membership: MembershipRole | null,
): boolean {
  return visibility === 'public' || membership !== null || isStaff(viewer);
}

/** Group moderators and owners, and global staff, moderate a group's threads and posts. */
export function moderatesWith(viewer: Viewer, membership: MembershipRole | null): boolean {
  return isStaff(viewer) || membership === 'moderator' || membership === 'owner';
}

export function canModerate(viewer: Viewer, access: GroupAccess): boolean {
  return moderatesWith(viewer, access.membership);
}

/** Posting needs membership for private groups; public groups accept any employee's post. */
export function assertCanPost(viewer: Viewer, access: GroupAccess): void {
  if (access.group.visibility === 'private' && !access.membership && !isStaff(viewer)) {
    throw new DomainError('not_group_member', 'Join the group to post in it.');
  }
}
