// Sanctions: warnings and suspensions given by moderators, and what a member sees of their own
// (a suspension blocks posting, voting and flagging until its end date; see assertNotSuspended).
import type { DecisionBody } from '@serendip/contracts';
import { desc, eq } from 'drizzle-orm';
import { sanctions, users, type Database, type Executor } from '@serendip/db';
import type { Viewer } from '../../plugins/session.ts';
import type { ItemRow } from './queue.queries.ts';

export async function sanctionAuthor(
  tx: Executor,
  viewer: Viewer,
  item: ItemRow,
  body: DecisionBody,
): Promise<Record<string, unknown>> {
  const endsAt =
    body.decision === 'suspend' ? new Date(Date.now() + body.days! * 86_400_000) : null;
  const [sanction] = await tx
    .insert(sanctions)
    .values({
      userId: item.subjectUserId,
      kind: body.decision === 'suspend' ? 'suspension' : 'warning',
      clause: body.clause ?? null,
      message: body.message ?? '',
      endsAt,
      moderatorId: viewer.id,
    })
    .returning({ id: sanctions.id });
  if (endsAt) {
    await tx.update(users).set({ suspendedUntil: endsAt }).where(eq(users.id, item.subjectUserId));
  }
  return { sanctionId: sanction!.id, endsAt: endsAt?.toISOString() ?? null };
}

/** A member's own sanctions and suspension end date ("suspended until ..."). */
export async function mySanctions(db: Database, viewer: Viewer) {
  const [me] = await db
    .select({ until: users.suspendedUntil })
    .from(users)
    .where(eq(users.id, viewer.id));
  const rows = await db
    .select()
    .from(sanctions)
    .where(eq(sanctions.userId, viewer.id))
    .orderBy(desc(sanctions.createdAt));
  const until = me?.until && me.until > new Date() ? me.until.toISOString() : null;
  return {
    suspendedUntil: until,
    items: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      clause: row.clause,
      message: row.message,
      endsAt: row.endsAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
    })),
  };
}
