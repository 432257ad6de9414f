// What a socket may learn from an event: an allowlist of payload fields per event type. Events are
// hints; clients read the content itself through the HTTP API, which applies every read rule
// (hidden and held posts, anonymous authors), so a payload carries ids and small facts only.
// The write path already leaves an anonymous author's id out of the payload (actorOf); the
// events row's actor_id column is never sent.
import type { EventRow } from './realtime.queries.ts';

const allowedFields: Record<string, readonly string[]> = {
  'thread.created': ['threadId', 'groupId', 'kind', 'title', 'tags', 'authorId'],
  'thread.updated': ['threadId', 'changes', 'title', 'status'],
  'thread.deleted': ['threadId', 'groupId'],
  'post.created': ['postId', 'threadId', 'kind', 'authorId'],
  'post.updated': ['postId', 'threadId'],
  'post.deleted': ['postId', 'threadId'],
  'vote.changed': ['postId', 'threadId', 'score'],
  'answer.accepted': ['threadId', 'acceptedPostId', 'previousPostId'],
  'answer.unaccepted': ['threadId', 'acceptedPostId', 'previousPostId'],
  'thanks.given': ['threadId', 'postId', 'toUserId', 'rating'],
  'notification.created': ['notificationId', 'type', 'threadId'],
  'notification.read': ['notificationIds', 'all'],
  'user.updated': ['userId', 'fields'],
};

type Primitive = string | number | boolean | null;

function isSmallValue(value: unknown): value is Primitive | Primitive[] {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return true;
  return Array.isArray(value) && value.length <= 200 && value.every((item) => isSmallValue(item));
}

/** Ids of content anyone reading the topic may look up; other ids (people) only in queues. */
const contentIds = new Set(['postId', 'threadId', 'groupId', 'postIds', 'threadIds']);

const isModerationTopic = (topic: string) =>
  topic === 'moderation' || topic.startsWith('moderation:');

/**
 * The payload sent for an event to sockets that got it through `topics`. Types the hub does not
 * know (moderation's, future ones) keep only numeric ids: content ids for everyone ('postId'...),
 * any id ('flagId', 'reporterId') when it only reaches moderation queues, whose readers are staff
 * or the group's moderators. Enough to refetch through the HTTP API, nothing that could leak.
 */
export function publicPayload(row: EventRow, topics: readonly string[]): Record<string, unknown> {
  const fields = allowedFields[row.type];
  const forModerators = topics.length > 0 && topics.every(isModerationTopic);
  const shaped: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row.payload)) {
    const allowed = fields
      ? fields.includes(key)
      : isIdField(key, value) && (forModerators || contentIds.has(key));
    if (allowed && isSmallValue(value)) shaped[key] = value;
  }
  return shaped;
}

function isIdField(key: string, value: unknown): boolean {
  if (key.endsWith('Id')) return typeof value === 'number';
  if (key.endsWith('Ids')) return Array.isArray(value) && value.every((v) => typeof v === 'number');
  return false;
}

/** The group an event is about, when it changes who may read that group's topics. */
export function groupChangeOf(row: EventRow): { groupId: number; userId?: number } | null {
  if (!row.type.startsWith('group.')) return null;
  const { groupId, userId } = row.payload;
  if (typeof groupId !== 'number') return null;
  return typeof userId === 'number' ? { groupId, userId } : { groupId };
}

/** A topic no socket can subscribe to: events for the API processes themselves. */
export const INTERNAL_TOPIC = 'internal';
export const SESSION_ENDED = 'session.ended';

/** The session whose sockets must close, when an event says it ended (a sign-out). */
export function sessionEndOf(row: EventRow): string | null {
  if (row.type !== SESSION_ENDED) return null;
  const { sessionTokenHash } = row.payload;
  return typeof sessionTokenHash === 'string' ? sessionTokenHash : null;
}
