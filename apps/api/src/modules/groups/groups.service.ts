// Groups: browse, create, edit, join and leave, and manage members. Every change runs in one
// transaction that also keeps memberCount in step, records a domain event and queues a search
// update for the group.
import type {
  CreateGroupBody,
  Group as GroupView,
  GroupList,
  GroupListQuery,
  GroupMember,
  GroupMemberList,
  GroupMemberListQuery,
  MembershipRole,
  UpdateGroupBody,
} from '@serendip/contracts';
import type { Database, Executor } from '@serendip/db';
import { DomainError, found, invalid } from '../../errors.ts';
import { decodeCursor, isRowId, pageOf } from '../../pagination.ts';
import { assertNotSuspended, isStaff, type Viewer } from '../../plugins/session.ts';
import { recordAudit } from '../moderation/audit.ts';
import {
  addMembership,
  changeGroup,
  recordGroupChange,
  removeMembership,
} from './group-changes.ts';
import { toGroup, toGroupSummary, toMember } from './group-view.ts';
import { loadGroupAccess, type GroupAccess } from './groups.access.ts';
import {
  adjustMemberCount,
  countOwners,
  findActiveUserByHandle,
  foldAccents,
  insertGroup,
  insertMembership,
  selectGroupPage,
  selectGroupWithMembership,
  selectMember,
  selectMemberPage,
  updateGroupRow,
  updateMembershipRole,
} from './groups.queries.ts';

const DEFAULT_LIMIT = 20;

function trimmedName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length < 2) throw invalid('name', 'must have at least 2 characters besides spaces');
  return trimmed;
}

export async function listGroups(
  db: Executor,
  viewer: Viewer,
  query: GroupListQuery,
): Promise<GroupList> {
  const limit = query.limit ?? DEFAULT_LIMIT;
  const after = query.cursor
    ? decodeCursor<[string, number]>(
        query.cursor,
        (key) => key.length === 2 && typeof key[0] === 'string' && isRowId(key[1]),
      )
    : undefined;
  const nameContains = query.q?.trim() ? foldAccents(query.q.trim()) : undefined;
  const rows = await selectGroupPage(db, viewer, {
    kind: query.kind,
    joined: query.joined,
    nameContains,
    after: after && { sortName: after[0], id: after[1] },
    limit,
  });
  return pageOf(rows, limit, toGroupSummary, (last) => [last.sortName, last.group.id]);
}

export async function getGroup(db: Executor, viewer: Viewer, slug: string): Promise<GroupView> {
  return toGroup(await loadGroupAccess(db, viewer, { slug }));
}

export async function createGroup(
  db: Database,
  viewer: Viewer,
  input: CreateGroupBody,
): Promise<GroupView> {
  assertNotSuspended(viewer);
  const name = trimmedName(input.name);
  return db.transaction(async (tx) => {
    const created = await insertGroup(tx, {
      slug: input.slug,
      name,
      description: input.description?.trim() ?? '',
      kind: input.kind,
      visibility: input.visibility ?? 'public',
      createdBy: viewer.id,
    });
    if (!created) {
      throw new DomainError('slug_taken', 'Another group already uses this address.', {
        slug: 'already taken',
      });
    }
    await insertMembership(tx, created.id, viewer.id, 'owner');
    const group = await adjustMemberCount(tx, created.id, 1);
    await recordGroupChange(tx, viewer, 'group.created', group.id, {
      slug: group.slug,
      name: group.name,
      kind: group.kind,
      visibility: group.visibility,
    });
    return toGroup({ group, membership: 'owner' });
  });
}

function assertOwnerOrStaff(viewer: Viewer, access: GroupAccess): void {
  if (access.membership !== 'owner' && !isStaff(viewer)) {
    throw new DomainError('forbidden', 'Only the group’s owners can do this.');
  }
}

export async function updateGroup(
  db: Database,
  viewer: Viewer,
  slug: string,
  input: UpdateGroupBody,
): Promise<GroupView> {
  const access = await loadGroupAccess(db, viewer, { slug });
  assertOwnerOrStaff(viewer, access);
  assertNotSuspended(viewer);
  const changes = {
    ...input,
    ...(input.name !== undefined ? { name: trimmedName(input.name) } : {}),
    ...(input.description !== undefined ? { description: input.description.trim() } : {}),
  };
  return changeGroup(db, access.group.id, async (tx, before) => {
    const group = await updateGroupRow(tx, before.id, changes);
    // The audit trail keeps what each field was, not only what it became.
    const diff = Object.fromEntries(
      Object.entries(changes).map(([field, to]) => [
        field,
        { from: before[field as keyof typeof changes], to },
      ]),
    );
    await recordGroupChange(tx, viewer, 'group.updated', group.id, { changes: diff });
    return toGroup({ group, membership: access.membership });
  });
}

export async function joinGroup(db: Database, viewer: Viewer, slug: string): Promise<GroupView> {
  const access = await loadGroupAccess(db, viewer, { slug });
  if (access.membership) return toGroup(access);
  if (access.group.visibility === 'private') {
    throw new DomainError('forbidden', 'Private groups are joined when an owner adds you.');
  }
  return changeGroup(db, access.group.id, async (tx) => {
    await addMembership(tx, viewer, access.group.id, viewer.id, 'member');
    return toGroup(await selectGroupWithMembership(tx, viewer, access.group.id));
  });
}

export async function leaveGroup(db: Database, viewer: Viewer, slug: string): Promise<GroupView> {
  const access = await loadGroupAccess(db, viewer, { slug });
  if (!access.membership) return toGroup(access);
  return changeGroup(db, access.group.id, async (tx) => {
    await removeMembership(tx, viewer, access.group.id, viewer.id);
    return toGroup(await selectGroupWithMembership(tx, viewer, access.group.id));
  });
}

export async function listMembers(
  db: Executor,
  viewer: Viewer,
  slug: string,
  query: GroupMemberListQuery,
): Promise<GroupMemberList> {
  const { group } = await loadGroupAccess(db, viewer, { slug });
  const limit = query.limit ?? DEFAULT_LIMIT;
  const after = query.cursor
    ? decodeCursor<[number, string, number]>(
        query.cursor,
        (key) =>
          key.length === 3 &&
          [0, 1, 2].includes(key[0] as number) &&
          typeof key[1] === 'string' &&
          /^-?\d{1,18}$/.test(key[1]) &&
          isRowId(key[2]),
      )
    : undefined;
  const rows = await selectMemberPage(db, group.id, {
    role: query.role,
    after: after && { rank: after[0], joinedMicros: after[1], userId: after[2] },
    limit,
  });
  return pageOf(rows, limit, toMember, (last) => [
    Number(last.rank),
    last.joinedMicros,
    last.user.id,
  ]);
}

async function findMemberUser(db: Executor, handle: string): Promise<{ id: number }> {
  return found(
    await findActiveUserByHandle(db, handle),
    'user_not_found',
    `Nobody has the handle @${handle}.`,
  );
}

/** Adds a person to the group with a role, or changes their role (owners and staff only). */
export async function setMember(
  db: Database,
  viewer: Viewer,
  slug: string,
  handle: string,
  role: MembershipRole,
): Promise<GroupMember> {
  const access = await loadGroupAccess(db, viewer, { slug });
  assertOwnerOrStaff(viewer, access);
  const user = await findMemberUser(db, handle);
  const groupId = access.group.id;
  return changeGroup(db, groupId, async (tx) => {
    const current = await selectMember(tx, groupId, user.id);
    if (!current) {
      await addMembership(tx, viewer, groupId, user.id, role);
    } else if (current.role !== role) {
      if (current.role === 'owner' && (await countOwners(tx, groupId)) <= 1) {
        throw new DomainError('last_owner', 'A group needs at least one owner: add another first.');
      }
      await updateMembershipRole(tx, groupId, user.id, role);
      await recordAudit(tx, {
        actorId: viewer.id,
        action: 'group.member_role',
        targetType: 'user',
        targetId: user.id,
        groupId,
        before: { role: current.role },
        after: { role },
      });
      await recordGroupChange(
        tx,
        viewer,
        'group.member_role_changed',
        groupId,
        { userId: user.id, from: current.role, to: role },
        user.id,
      );
    }
    return toMember((await selectMember(tx, groupId, user.id))!);
  });
}

/** Owners and staff remove anyone; a member may remove themself (same as leaving). */
export async function removeMember(
  db: Database,
  viewer: Viewer,
  slug: string,
  handle: string,
): Promise<void> {
  const access = await loadGroupAccess(db, viewer, { slug });
  const user = await findMemberUser(db, handle);
  if (user.id !== viewer.id) assertOwnerOrStaff(viewer, access);
  await changeGroup(db, access.group.id, (tx) =>
    removeMembership(tx, viewer, access.group.id, user.id),
  );
}
