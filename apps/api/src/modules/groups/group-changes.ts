// The steps every group write shares: the group row locked for the change, the write path's
// event and search update, and adding or removing a member (never leaving the group ownerless).
import type { Database, Executor } from '@serendip/db';
import { DomainError } from '../../errors.ts';
import type { Viewer } from '../../plugins/session.ts';
import { queueSearchUpdate, recordEvent } from '../../write-path.ts';
import type { Group, MembershipRole } from './groups.access.ts';
import {
  adjustMemberCount,
  countOwners,
  deleteMembership,
  insertMembership,
  lockGroup,
  selectMember,
} from './groups.queries.ts';

/** Runs a change with the group row locked, so counts and the last-owner rule stay true. */
export async function changeGroup<T>(
  db: Database,
  groupId: number,
  change: (tx: Executor, locked: Group) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => change(tx, await lockGroup(tx, groupId)));
}

/** The write path's two rows for a group change: the domain event and the search update. */
export async function recordGroupChange(
  tx: Executor,
  viewer: Viewer,
  type: string,
  groupId: number,
  payload: Record<string, unknown>,
  memberId?: number,
): Promise<void> {
  const topics = [`group:${groupId}`, ...(memberId ? [`user:${memberId}`] : [])];
  await recordEvent(tx, { type, topics, actorId: viewer.id, payload: { groupId, ...payload } });
  await queueSearchUpdate(tx, 'group', [groupId]);
}

/** Adds a member (nothing when they already are one), keeping memberCount in step. */
export async function addMembership(
  tx: Executor,
  viewer: Viewer,
  groupId: number,
  userId: number,
  role: MembershipRole,
): Promise<void> {
  if (!(await insertMembership(tx, groupId, userId, role))) return;
  await adjustMemberCount(tx, groupId, 1);
  await recordGroupChange(tx, viewer, 'group.member_added', groupId, { userId, role }, userId);
}

/** Removes a membership, refusing to leave a group without an owner. */
export async function removeMembership(
  tx: Executor,
  viewer: Viewer,
  groupId: number,
  userId: number,
): Promise<void> {
  const member = await selectMember(tx, groupId, userId);
  if (!member) return;
  if (member.role === 'owner' && (await countOwners(tx, groupId)) <= 1) {
    throw new DomainError(
      'last_owner',
      'A group needs at least one owner: make someone else an owner first.',
    );
  }
  await deleteMembership(tx, groupId, userId);
  await adjustMemberCount(tx, groupId, -1);
  await recordGroupChange(
    tx,
    viewer,
    'group.member_removed',
    groupId,
    { userId, role: member.role },
    userId,
  );
}
