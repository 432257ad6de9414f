// What importers (Stack Exchange dumps) need beyond the forum's own tables: the link from each
// external record to the local row it became, and votes whose voter the source does not name.
import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { posts } from './threads.ts';

/**
 * One row per imported record: re-running an import finds what it already created here (and
 * adds nothing), and `contentHash` tells whether the source row changed since (then it is updated).
 */
export const importMappings = pgTable(
  'import_mappings',
  {
    // 'stackexchange/<group slug>': one dump imported into one group.
    source: text('source').notNull(),
    // 'user', 'question', 'answer', 'comment'.
    entity: text('entity').notNull(),
    externalId: text('external_id').notNull(),
    localId: integer('local_id').notNull(),
    contentHash: text('content_hash').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.source, t.entity, t.externalId] }),
    index('import_mappings_local_idx').on(t.entity, t.localId),
  ],
);

/**
 * Votes from a source that anonymises voters (Stack Exchange dumps): the post's score already
 * counts them; these dated rows keep when each vote and acceptance happened, for time-split
 * evaluations and influence scoring. They never enter `votes`, whose rows need a real voter.
 */
export const importedVotes = pgTable(
  'imported_votes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    source: text('source').notNull(),
    externalId: text('external_id').notNull(),
    postId: integer('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    // 'up', 'down' or 'accept' (the asker accepting the answer).
    kind: text('kind').notNull(),
    value: smallint('value').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('imported_votes_source_external').on(t.source, t.externalId),
    index('imported_votes_post_idx').on(t.postId),
    check('imported_votes_kind', sql`${t.kind} in ('up', 'down', 'accept')`),
    check('imported_votes_value', sql`${t.value} in (-1, 1)`),
  ],
);
