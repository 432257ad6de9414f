// "Ask this expert": a question addressed to one person, who is notified and whose pending
// addressed questions lower their place in the expert directory (load balancing).
import { index, integer, pgTable, timestamp } from 'drizzle-orm/pg-core';
import { threads } from './threads.ts';
import { users } from './users.ts';

export const threadAddressees = pgTable(
  'thread_addressees',
  {
    // One addressee per question: "ask this expert" names one person.
    threadId: integer('thread_id')
      .primaryKey()
      .references(() => threads.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('thread_addressees_user_idx').on(t.userId)],
);
