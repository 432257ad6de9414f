// Topic tags, shared by threads, skills and interests.
import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const tags = pgTable('tags', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  slug: text('slug').notNull().unique(),
  threadCount: integer('thread_count').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
