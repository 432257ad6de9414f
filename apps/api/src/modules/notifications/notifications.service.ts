// Notifications: written inside the transaction of the change that causes them, filtered by each
// recipient's preferences and by what they may read (a private group's content never notifies
// a non-member).
import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { groups, memberships, notifications, threads, users, type Executor } from '@serendip/db';
import { recordEvent } from '../../write-path.ts';

export type NotificationType =
  'answer' | 'mention' | 'accepted' | 'reply' | 'thanks' | 'moderation';

export interface NotificationInput {
  type: NotificationType;
  recipientIds: number[];
  actorId: number | null;
  threadId: number;
  postId?: number | null;
  /** Shown in the list without a join: title, excerpt, rating... (already safe plain text). */
  data: Record<string, unknown>;
}

/** The recipients who still exist, want this type, and can read the thread's group. */
async function eligibleRecipients(tx: Executor, input: NotificationInput): Promise<number[]> {
  const candidates = [...new Set(input.recipientIds)].filter((id) => id !== input.actorId);
  if (candidates.length === 0) return [];
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .innerJoin(threads, eq(threads.id, input.threadId))
    .innerJoin(groups, eq(groups.id, threads.groupId))
    .leftJoin(
      memberships,
      and(eq(memberships.groupId, groups.id), eq(memberships.userId, users.id)),
    )
    .where(
      and(
        inArray(users.id, candidates),
        isNull(users.deletedAt),
        sql`coalesce((${users.notificationPreferences} ->> ${input.type})::boolean, true)`,
        or(
          eq(groups.visibility, 'public'),
          sql`${memberships.userId} is not null`,
          inArray(users.role, ['moderator', 'admin']),
        ),
      ),
    );
  return rows.map((row) => row.id);
}

export async function notify(tx: Executor, input: NotificationInput): Promise<number[]> {
  const recipients = await eligibleRecipients(tx, input);
  if (recipients.length === 0) return [];
  const created = await tx
    .insert(notifications)
    .values(
      recipients.map((userId) => ({
        userId,
        type: input.type,
        actorId: input.actorId,
        threadId: input.threadId,
        postId: input.postId ?? null,
        data: input.data,
      })),
    )
    .returning({ id: notifications.id, userId: notifications.userId });
  for (const row of created) {
    await recordEvent(tx, {
      type: 'notification.created',
      topics: [`user:${row.userId}`],
      actorId: input.actorId,
      payload: { notificationId: row.id, type: input.type, threadId: input.threadId },
    });
  }
  return recipients;
}
