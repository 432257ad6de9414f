// Following threads, tags, groups and people: only what the viewer may read can be followed or
// listed, so a private group's threads never show up for someone who left it.
import type {
  FollowItem,
  FollowList,
  FollowListQuery,
  FollowParams,
  FollowState,
} from '@serendip/contracts';
import type { Database } from '@serendip/db';
import { DomainError } from '../../errors.ts';
import { decodeCursor, isRowId, pageOf } from '../../pagination.ts';
import type { Viewer } from '../../plugins/session.ts';
import { loadGroupAccess } from '../groups/groups.access.ts';
import {
  addFollow,
  isActiveUser,
  isThreadReadable,
  listFollows,
  removeFollow,
  tagExists,
  type FollowListPosition,
  type FollowListRow,
} from './follows.queries.ts';

/** 404s exactly as the target's own endpoint would, so following leaks nothing. */
async function assertFollowable(db: Database, viewer: Viewer, target: FollowParams) {
  switch (target.targetType) {
    case 'thread':
      if (!(await isThreadReadable(db, viewer, target.targetId))) {
        throw new DomainError('thread_not_found', 'No such thread.');
      }
      return;
    case 'group':
      await loadGroupAccess(db, viewer, { id: target.targetId });
      return;
    case 'tag':
      if (!(await tagExists(db, target.targetId))) {
        throw new DomainError('not_found', 'No such tag.');
      }
      return;
    case 'user':
      if (target.targetId === viewer.id) {
        throw new DomainError('cannot_follow_self', 'You cannot follow yourself.');
      }
      if (!(await isActiveUser(db, target.targetId))) {
        throw new DomainError('user_not_found', 'No such person.');
      }
  }
}

export async function follow(
  db: Database,
  viewer: Viewer,
  target: FollowParams,
): Promise<FollowState> {
  await assertFollowable(db, viewer, target);
  await addFollow(db, viewer.id, target.targetType, target.targetId);
  return { targetType: target.targetType, targetId: target.targetId, following: true };
}

/** No existence check: anyone may drop a follow, even of something they can no longer read. */
export async function unfollow(
  db: Database,
  viewer: Viewer,
  target: FollowParams,
): Promise<FollowState> {
  await removeFollow(db, viewer.id, target.targetType, target.targetId);
  return { targetType: target.targetType, targetId: target.targetId, following: false };
}

const EXACT_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const TARGET_TYPES = new Set(['thread', 'tag', 'group', 'user']);

/** A cursor is the list position of the last row: [createdAt, targetType, targetId]. */
function isFollowCursorKey([createdAt, targetType, targetId, ...rest]: unknown[]): boolean {
  return (
    typeof createdAt === 'string' &&
    EXACT_TIMESTAMP.test(createdAt) &&
    !Number.isNaN(Date.parse(createdAt)) &&
    TARGET_TYPES.has(String(targetType)) &&
    isRowId(targetId) &&
    rest.length === 0
  );
}

function positionOf(cursor: string): FollowListPosition {
  const [createdAt, targetType, targetId] = decodeCursor<
    [string, FollowListPosition['targetType'], number]
  >(cursor, isFollowCursorKey);
  return { createdAt, targetType, targetId };
}

function hrefOf(row: FollowListRow): string {
  switch (row.targetType) {
    case 'thread':
      return `/threads/${row.targetId}`;
    case 'tag':
      return `/tags/${row.tagSlug}`;
    case 'group':
      return `/groups/${row.groupSlug}`;
    case 'user':
      return `/u/${row.userHandle}`;
  }
}

function labelOf(row: FollowListRow): string {
  switch (row.targetType) {
    case 'thread':
      return row.threadTitle!;
    case 'tag':
      return `#${row.tagSlug}`;
    case 'group':
      return row.groupName!;
    case 'user':
      return row.userDisplayName!;
  }
}

function toFollowItem(row: FollowListRow): FollowItem {
  return {
    targetType: row.targetType,
    targetId: row.targetId,
    label: labelOf(row),
    href: hrefOf(row),
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listMyFollows(
  db: Database,
  viewer: Viewer,
  query: FollowListQuery,
): Promise<FollowList> {
  const limit = query.limit ?? 100;
  const rows = await listFollows(db, viewer, {
    targetType: query.targetType,
    after: query.cursor ? positionOf(query.cursor) : undefined,
    limit,
  });
  return pageOf(rows, limit, toFollowItem, (last) => [
    last.position,
    last.targetType,
    last.targetId,
  ]);
}
