// Threads (questions and discussions), their posts, revisions, mentions, votes and thanks.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { postKind, postState, threadKind, threadStatus } from './enums.ts';
import { groups } from './groups.ts';
import { tags } from './tags.ts';
import { users } from './users.ts';

export const threads = pgTable(
  'threads',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    groupId: integer('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    kind: threadKind('kind').notNull(),
    title: text('title').notNull(),
    isAnonymous: boolean('is_anonymous').notNull().default(false),
    status: threadStatus('status').notNull().default('open'),
    acceptedPostId: integer('accepted_post_id').references((): AnyPgColumn => posts.id, {
      onDelete: 'set null',
    }),
    // Denormalised counters, kept in step by the services in the same transaction as the change.
    answerCount: integer('answer_count').notNull().default(0),
    score: integer('score').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    /**
     * Bumped by triggers whenever one of its posts, or the name shown for one of their authors,
     * changes: a reader holding the posts read at this version knows they are still current.
     */
    postsVersion: integer('posts_version').notNull().default(0),
  },
  (t) => [
    index('threads_group_activity_idx').on(t.groupId, t.lastActivityAt.desc(), t.id.desc()),
    index('threads_group_created_idx').on(t.groupId, t.createdAt.desc(), t.id.desc()),
    index('threads_group_score_idx').on(t.groupId, t.score.desc(), t.id.desc()),
    index('threads_group_unanswered_idx')
      .on(t.groupId, t.createdAt.desc(), t.id.desc())
      .where(sql`${t.answerCount} = 0 and ${t.kind} = 'question'`),
    index('threads_author_idx').on(t.authorId),
  ],
);

export const threadTags = pgTable(
  'thread_tags',
  {
    threadId: integer('thread_id')
      .notNull()
      .references(() => threads.id, { onDelete: 'cascade' }),
    tagId: integer('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.threadId, t.tagId] }), index('thread_tags_tag_idx').on(t.tagId)],
);

export const posts = pgTable(
  'posts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    threadId: integer('thread_id')
      .notNull()
      .references(() => threads.id, { onDelete: 'cascade' }),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    // 'opening' is the question or discussion body; the thread's votes are its votes.
    kind: postKind('kind').notNull(),
    bodySource: text('body_source').notNull(),
    bodyHtml: text('body_html').notNull(),
    state: postState('state').notNull().default('published'),
    score: integer('score').notNull().default(0),
    revisionCount: integer('revision_count').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    index('posts_thread_idx').on(t.threadId, t.createdAt, t.id),
    index('posts_author_idx').on(t.authorId, t.createdAt.desc()),
    uniqueIndex('posts_one_opening_per_thread')
      .on(t.threadId)
      .where(sql`${t.kind} = 'opening'`),
  ],
);

export const postRevisions = pgTable(
  'post_revisions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    revision: integer('revision').notNull(),
    editorId: integer('editor_id')
      .notNull()
      .references(() => users.id),
    // The thread title at that revision, for opening posts (titles are edited with the body).
    title: text('title'),
    bodySource: text('body_source').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('post_revisions_post_revision').on(t.postId, t.revision)],
);

export const postMentions = pgTable(
  'post_mentions',
  {
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.postId, t.userId] }),
    index('post_mentions_user_idx').on(t.userId),
  ],
);

export const votes = pgTable(
  'votes',
  {
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    value: smallint('value').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.postId, t.userId] }),
    index('votes_user_idx').on(t.userId),
    check('votes_value_is_one', sql`${t.value} in (-1, 1)`),
  ],
);

// "This helped me": the asker's thanks to the author of the accepted answer, one per thread.
export const thanks = pgTable(
  'thanks',
  {
    threadId: integer('thread_id')
      .primaryKey()
      .references(() => threads.id, { onDelete: 'cascade' }),
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    fromUserId: integer('from_user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    toUserId: integer('to_user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    rating: smallint('rating').notNull(),
    message: text('message').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('thanks_to_user_idx').on(t.toUserId, t.createdAt.desc()),
    check('thanks_rating_range', sql`${t.rating} between 1 and 5`),
  ],
);
