// Moderation: the charter and its acceptances, automatic rules and settings, flags, the one queue
// of items to review, sanctions, the append-only audit log, and appeals.
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
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
import { groups } from './groups.ts';
import { posts } from './threads.ts';
import { users } from './users.ts';

export interface CharterClause {
  number: number;
  title: string;
}

export const charterVersions = pgTable('charter_versions', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  version: integer('version').notNull().unique(),
  bodySource: text('body_source').notNull(),
  bodyHtml: text('body_html').notNull(),
  clauses: jsonb('clauses').$type<CharterClause[]>().notNull(),
  publishedBy: integer('published_by').references(() => users.id, { onDelete: 'set null' }),
  publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
});

export const charterAcceptances = pgTable(
  'charter_acceptances',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.version] })],
);

/** One configured rule; `kind`, `action` and `params` are checked by the API's schemas. */
export const moderationRules = pgTable('moderation_rules', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  kind: text('kind').notNull(),
  clause: integer('clause').notNull(),
  action: text('action').notNull(),
  message: text('message').notNull().default(''),
  params: jsonb('params').$type<Record<string, unknown>>().notNull(),
  enabled: boolean('enabled').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The site's moderation thresholds: exactly one row. */
export const moderationSettings = pgTable(
  'moderation_settings',
  {
    id: smallint('id').primaryKey().default(1),
    /** A trust-level-0 member's posts are held until this many of them have been approved. */
    premoderatedPosts: integer('premoderated_posts').notNull().default(3),
    /** Open flags from distinct members that hide a post until it is reviewed. */
    flagHideThreshold: integer('flag_hide_threshold').notNull().default(3),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('moderation_settings_single_row', sql`${t.id} = 1`)],
);

export const flags = pgTable(
  'flags',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    flaggerId: integer('flagger_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    clause: integer('clause').notNull(),
    note: text('note').notNull().default(''),
    /** 'upheld' or 'dismissed' once a moderator decided; null while open. */
    outcome: text('outcome'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('flags_one_per_member').on(t.postId, t.flaggerId)],
);

export interface QueueReason {
  source: 'rule' | 'flag' | 'trust';
  clause: number | null;
  /** Rule kind, 'flags' or 'premoderation'. */
  rule: string;
  detail: string;
}

/** The one review queue: held posts, flagged posts, later users; one open item per post. */
export const moderationItems = pgTable(
  'moderation_items',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind').notNull(),
    postId: integer('post_id').references(() => posts.id, { onDelete: 'cascade' }),
    subjectUserId: integer('subject_user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    groupId: integer('group_id').references(() => groups.id, { onDelete: 'cascade' }),
    reasons: jsonb('reasons').$type<QueueReason[]>().notNull(),
    status: text('status').notNull().default('open'),
    claimedBy: integer('claimed_by').references(() => users.id, { onDelete: 'set null' }),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    decision: text('decision'),
    decidedBy: integer('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('moderation_items_open_post')
      .on(t.postId)
      .where(sql`${t.status} = 'open'`),
    index('moderation_items_open_idx')
      .on(t.createdAt, t.id)
      .where(sql`${t.status} = 'open'`),
    index('moderation_items_decided_idx').on(t.decidedBy, t.decidedAt),
  ],
);

export const sanctions = pgTable(
  'sanctions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** 'warning' or 'suspension'. */
    kind: text('kind').notNull(),
    clause: integer('clause'),
    message: text('message').notNull().default(''),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    moderatorId: integer('moderator_id').references(() => users.id, { onDelete: 'set null' }),
    liftedAt: timestamp('lifted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sanctions_user_idx').on(t.userId, t.createdAt.desc())],
);

/**
 * Every moderation and admin action. Append-only: a trigger refuses UPDATE, DELETE and TRUNCATE
 * (see the moderation_sql migration), so no foreign keys that would cascade into it.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    actorId: integer('actor_id'),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: integer('target_id').notNull(),
    groupId: integer('group_id'),
    clause: integer('clause'),
    before: jsonb('before').$type<Record<string, unknown>>(),
    after: jsonb('after').$type<Record<string, unknown>>(),
    note: text('note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('audit_log_created_idx').on(t.createdAt.desc(), t.id.desc()),
    index('audit_log_target_idx').on(t.targetType, t.targetId),
    index('audit_log_actor_idx').on(t.actorId),
  ],
);

export const appeals = pgTable(
  'appeals',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    appellantId: integer('appellant_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    postId: integer('post_id').references(() => posts.id, { onDelete: 'cascade' }),
    sanctionId: integer('sanction_id').references(() => sanctions.id, { onDelete: 'cascade' }),
    groupId: integer('group_id').references(() => groups.id, { onDelete: 'cascade' }),
    message: text('message').notNull(),
    /** 'open', 'upheld' (the decision stands) or 'overturned'. */
    status: text('status').notNull().default('open'),
    /** Who made the decision appealed against: they may not decide the appeal. */
    originalModeratorId: integer('original_moderator_id'),
    decidedBy: integer('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decisionMessage: text('decision_message'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('appeals_once_per_post')
      .on(t.postId)
      .where(sql`${t.postId} is not null`),
    uniqueIndex('appeals_once_per_sanction')
      .on(t.sanctionId)
      .where(sql`${t.sanctionId} is not null`),
    index('appeals_open_idx')
      .on(t.createdAt)
      .where(sql`${t.status} = 'open'`),
  ],
);
