// Database access for groups and memberships: listing with keyset cursors, membership rows and
// the member counter they keep in step.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { groups, memberships, users, type Executor } from '@serendip/db';
import type { Viewer } from '../../plugins/session.ts';
import { userSummaryColumns } from '../users/users.queries.ts';
import {
  groupReadableBy,
  viewerMembership,
  type Group,
  type MembershipRole,
} from './groups.access.ts';

export interface GroupWithMembership {
  group: Group;
  membership: MembershipRole | null;
}

export interface GroupListFilter {
  kind?: 'professional' | 'hobby';
  joined?: boolean;
  /** Already folded (lower case, no accents). */
  nameContains?: string;
  after?: { sortName: string; id: number };
  limit: number;
}

// translate() folds accents portably: the unaccent extension is not available on every engine.
const ACCENTED = 'àáâãäåāăąçćčďèéêëēėęěìíîïīįñńňòóôõöøōőŕřśšşťùúûüūůűųýÿźżž';
const ACCENTED_FOLDED = foldAccents(ACCENTED);
const ACCENTED_UPPER = ACCENTED.toUpperCase();

/** "Équipe Café" -> "equipe cafe": how names and searches are compared. */
export function foldAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

function foldedName(): SQL {
  // Upper-case accented letters are listed too: lower() leaves them alone under the C locale.
  return sql`translate(lower(${groups.name}), ${ACCENTED + ACCENTED_UPPER}, ${ACCENTED_FOLDED + ACCENTED_FOLDED})`;
}

function likeContaining(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** One page of readable groups ordered by lower(name), id; one extra row says "there is more". */
export async function selectGroupPage(db: Executor, viewer: Viewer, filter: GroupListFilter) {
  const conditions: (SQL | undefined)[] = [groupReadableBy(viewer)];
  if (filter.kind) conditions.push(eq(groups.kind, filter.kind));
  if (filter.joined !== undefined) {
    conditions.push(sql`${memberships.userId} is ${filter.joined ? sql`not null` : sql`null`}`);
  }
  if (filter.nameContains) {
    conditions.push(sql`${foldedName()} like ${likeContaining(filter.nameContains)}`);
  }
  if (filter.after) {
    conditions.push(
      sql`(lower(${groups.name}), ${groups.id}) > (${filter.after.sortName}, ${filter.after.id})`,
    );
  }
  return db
    .select({
      group: groups,
      membership: memberships.role,
      sortName: sql<string>`lower(${groups.name})`,
    })
    .from(groups)
    .leftJoin(memberships, viewerMembership(viewer))
    .where(and(...conditions))
    .orderBy(sql`lower(${groups.name})`, groups.id)
    .limit(filter.limit + 1);
}

/** Serialises membership changes of one group so counts and the last-owner rule stay true. */
export async function lockGroup(tx: Executor, groupId: number): Promise<Group> {
  const [group] = await tx.select().from(groups).where(eq(groups.id, groupId)).for('update');
  return group!;
}

export async function insertGroup(
  tx: Executor,
  values: Pick<Group, 'slug' | 'name' | 'description' | 'kind' | 'visibility' | 'createdBy'>,
): Promise<Group | undefined> {
  const [group] = await tx
    .insert(groups)
    .values({ ...values, memberCount: 0 })
    .onConflictDoNothing({ target: groups.slug })
    .returning();
  return group;
}

export async function updateGroupRow(
  tx: Executor,
  groupId: number,
  changes: Partial<Pick<Group, 'name' | 'description' | 'kind' | 'visibility'>>,
): Promise<Group> {
  const [group] = await tx
    .update(groups)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(groups.id, groupId))
    .returning();
  return group!;
}

export async function adjustMemberCount(tx: Executor, groupId: number, delta: 1 | -1) {
  const [group] = await tx
    .update(groups)
    .set({ memberCount: sql`greatest(${groups.memberCount} + ${delta}, 0)` })
    .where(eq(groups.id, groupId))
    .returning();
  return group!;
}

export const memberColumns = {
  user: userSummaryColumns(users),
  role: memberships.role,
  joinedAt: memberships.joinedAt,
};

export async function selectMember(tx: Executor, groupId: number, userId: number) {
  const [row] = await tx
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.groupId, groupId), eq(memberships.userId, userId)));
  return row;
}

export async function insertMembership(
  tx: Executor,
  groupId: number,
  userId: number,
  role: MembershipRole,
): Promise<boolean> {
  const inserted = await tx
    .insert(memberships)
    .values({ groupId, userId, role })
    .onConflictDoNothing()
    .returning({ userId: memberships.userId });
  return inserted.length > 0;
}

export async function updateMembershipRole(
  tx: Executor,
  groupId: number,
  userId: number,
  role: MembershipRole,
) {
  await tx
    .update(memberships)
    .set({ role })
    .where(and(eq(memberships.groupId, groupId), eq(memberships.userId, userId)));
}

export async function deleteMembership(tx: Executor, groupId: number, userId: number) {
  await tx
    .delete(memberships)
    .where(and(eq(memberships.groupId, groupId), eq(memberships.userId, userId)));
}

export async function countOwners(tx: Executor, groupId: number): Promise<number> {
  const [row] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.groupId, groupId), eq(memberships.role, 'owner')));
  return row?.count ?? 0;
}

export async function findActiveUserByHandle(db: Executor, handle: string) {
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.handle}) = lower(${handle}) and ${users.deletedAt} is null`)
    .limit(1);
  return user;
}

const ROLE_RANK = sql<number>`(case ${memberships.role} when 'owner' then 0 when 'moderator' then 1 else 2 end)`;
// Microseconds since the epoch: exact, unlike a JavaScript Date, so the cursor never skips a row.
const JOINED_MICROS = sql<string>`(extract(epoch from ${memberships.joinedAt}) * 1000000)::bigint::text`;

export interface MemberPageFilter {
  role?: MembershipRole;
  after?: { rank: number; joinedMicros: string; userId: number };
  limit: number;
}

/** Owners, then moderators, then members, each by join date; one extra row says "more". */
export async function selectMemberPage(db: Executor, groupId: number, filter: MemberPageFilter) {
  const conditions: (SQL | undefined)[] = [eq(memberships.groupId, groupId)];
  if (filter.role) conditions.push(eq(memberships.role, filter.role));
  if (filter.after) {
    const { rank, joinedMicros, userId } = filter.after;
    conditions.push(
      sql`(${ROLE_RANK}, ${memberships.joinedAt}, ${memberships.userId}) >
        (${rank}::int, timestamptz 'epoch' + ${joinedMicros}::bigint * interval '1 microsecond', ${userId}::int)`,
    );
  }
  return db
    .select({ ...memberColumns, rank: ROLE_RANK, joinedMicros: JOINED_MICROS })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(...conditions))
    .orderBy(ROLE_RANK, memberships.joinedAt, memberships.userId)
    .limit(filter.limit + 1);
}

/** The group with the viewer's membership, ignoring visibility (callers have checked it). */
export async function selectGroupWithMembership(
  db: Executor,
  viewer: Viewer,
  groupId: number,
): Promise<GroupWithMembership> {
  const [row] = await db
    .select({ group: groups, membership: memberships.role })
    .from(groups)
    .leftJoin(memberships, viewerMembership(viewer))
    .where(eq(groups.id, groupId));
  return row!;
}
