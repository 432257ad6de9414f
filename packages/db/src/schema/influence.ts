// Dated snapshots of the influence scores (company-wide, per group, per tag), kept for trends.
import {
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { users } from './users.ts';

export const influenceSnapshots = pgTable(
  'influence_snapshots',
  {
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
    // 'company', 'group' or 'tag'.
    scopeType: text('scope_type').notNull(),
    // '' company-wide, the group id, or the tag slug.
    scopeKey: text('scope_key').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    rank: integer('rank').notNull(),
    combined: doublePrecision('combined').notNull(),
    // Raw components and their contributions to `combined`, to explain every score.
    components: jsonb('components').$type<Record<string, number>>().notNull(),
    contributions: jsonb('contributions').$type<Record<string, number>>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.scopeType, t.scopeKey, t.computedAt, t.userId] }),
    index('influence_snapshots_latest_idx').on(
      t.scopeType,
      t.scopeKey,
      t.computedAt.desc(),
      t.rank,
    ),
    index('influence_snapshots_user_idx').on(t.userId, t.computedAt.desc()),
  ],
);
