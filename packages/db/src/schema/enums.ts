// Enumerated values shared by several tables: stored as PostgreSQL enums so bad values are refused by the database too.
import { pgEnum } from 'drizzle-orm/pg-core';

export const userRole = pgEnum('user_role', ['member', 'moderator', 'community_lead', 'admin']);
export const locale = pgEnum('locale', ['fr', 'en']);
export const groupKind = pgEnum('group_kind', ['professional', 'hobby']);
export const groupVisibility = pgEnum('group_visibility', ['public', 'private']);
export const membershipRole = pgEnum('membership_role', ['member', 'moderator', 'owner']);
export const threadKind = pgEnum('thread_kind', ['question', 'discussion']);
export const threadStatus = pgEnum('thread_status', ['open', 'locked']);
export const postKind = pgEnum('post_kind', ['opening', 'answer', 'reply']);
export const postState = pgEnum('post_state', ['published', 'pending', 'rejected', 'hidden']);
export const userTagKind = pgEnum('user_tag_kind', ['skill', 'interest']);
export const followTarget = pgEnum('follow_target', ['thread', 'tag', 'group', 'user']);
export const notificationType = pgEnum('notification_type', [
  'answer',
  'mention',
  'accepted',
  'reply',
  'thanks',
  'moderation',
]);
export const outboxOperation = pgEnum('outbox_operation', ['upsert', 'delete']);
export const searchDocumentType = pgEnum('search_document_type', [
  'thread',
  'post',
  'group',
  'user',
]);
