// "Ask this expert": a question addressed to one person. The addressee must be someone who can
// read the question (a private group's member); they are notified like a mention, and their
// unanswered addressed questions lower their place in the directory (people.ranking.ts).
import { and, eq, isNull, sql } from 'drizzle-orm';
import { memberships, threadAddressees, users, type Executor } from '@serendip/db';
import { invalid } from '../../errors.ts';
import type { Viewer } from '../../plugins/session.ts';
import type { GroupAccess } from '../groups/groups.access.ts';

const STAFF = ['moderator', 'admin'];

/** The addressee's id, after checking they exist, are not the asker and can read the group. */
export async function resolveAddressee(
  db: Executor,
  viewer: Viewer,
  handle: string,
  access: GroupAccess,
): Promise<number> {
  const [person] = await db
    .select({ id: users.id, role: users.role, membership: memberships.role })
    .from(users)
    .leftJoin(
      memberships,
      and(eq(memberships.userId, users.id), eq(memberships.groupId, access.group.id)),
    )
    .where(and(sql`lower(${users.handle}) = lower(${handle})`, isNull(users.deletedAt)))
    .limit(1);
  if (!person) throw invalid('addressedTo', `Nobody has the handle @${handle}.`);
  if (person.id === viewer.id)
    throw invalid('addressedTo', 'You cannot address a question to yourself.');
  const canRead =
    access.group.visibility === 'public' ||
    person.membership !== null ||
    STAFF.includes(person.role);
  if (!canRead) {
    throw invalid('addressedTo', `@${handle} is not a member of this private group.`);
  }
  return person.id;
}

export async function insertAddressee(tx: Executor, threadId: number, userId: number) {
  await tx.insert(threadAddressees).values({ threadId, userId });
}
