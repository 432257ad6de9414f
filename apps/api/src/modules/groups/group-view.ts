// How groups and their members are answered: the API shapes built from database rows.
import type {
  Group as GroupView,
  GroupMember,
  GroupSummary,
  MembershipRole,
} from '@serendip/contracts';
import type { GroupWithMembership } from './groups.queries.ts';

export function toGroupSummary({ group, membership }: GroupWithMembership): GroupSummary {
  return {
    id: group.id,
    slug: group.slug,
    name: group.name,
    description: group.description,
    kind: group.kind,
    visibility: group.visibility,
    memberCount: group.memberCount,
    threadCount: group.threadCount,
    membership,
  };
}

export function toGroup(row: GroupWithMembership): GroupView {
  return { ...toGroupSummary(row), createdAt: row.group.createdAt.toISOString() };
}

export function toMember(row: {
  user: GroupMember['user'];
  role: MembershipRole;
  joinedAt: Date;
}): GroupMember {
  return { user: row.user, role: row.role, joinedAt: row.joinedAt.toISOString() };
}
