// People, their sessions, and the tags they can help with or want to learn.
import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { locale, userRole, userTagKind } from './enums.ts';
import { tags } from './tags.ts';

export type NotificationPreferences = Partial<
  Record<'answer' | 'mention' | 'accepted' | 'reply' | 'thanks' | 'moderation', boolean>
>;

export const users = pgTable(
  'users',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    email: text('email').notNull(),
    handle: text('handle').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash'),
    jobTitle: text('job_title').notNull().default(''),
    department: text('department').notNull().default(''),
    site: text('site').notNull().default(''),
    hierarchyLevel: smallint('hierarchy_level'),
    hierarchyVisible: boolean('hierarchy_visible').notNull().default(false),
    locale: locale('locale').notNull().default('fr'),
    bio: text('bio').notNull().default(''),
    role: userRole('role').notNull().default('member'),
    trustLevel: smallint('trust_level').notNull().default(0),
    suspendedUntil: timestamp('suspended_until', { withTimezone: true }),
    openToQuestions: boolean('open_to_questions').notNull().default(false),
    weeklyHelpMinutes: smallint('weekly_help_minutes').notNull().default(0),
    notificationPreferences: jsonb('notification_preferences')
      .$type<NotificationPreferences>()
      .notNull()
      .default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('users_email_unique').on(sql`lower(${t.email})`),
    uniqueIndex('users_handle_unique').on(sql`lower(${t.handle})`),
    index('users_department_idx').on(t.department),
  ],
);

export const userTags = pgTable(
  'user_tags',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tagId: integer('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
    kind: userTagKind('kind').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.kind, t.tagId] }),
    index('user_tags_tag_idx').on(t.tagId, t.kind),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    // sha-256 of the cookie token: a stolen database dump cannot be replayed as a cookie.
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);
