// The write path's two outboxes: domain events (realtime fan-out, resume) and search index work.
import { bigint, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { outboxOperation, searchDocumentType } from './enums.ts';

export const events = pgTable(
  'events',
  {
    // Monotonic: websocket clients resume from the last id they saw.
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    type: text('type').notNull(),
    // Who may receive it: 'thread:12', 'group:3', 'user:7', 'moderation'.
    topics: text('topics').array().notNull(),
    actorId: integer('actor_id'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('events_created_idx').on(t.createdAt)],
);

export const searchOutbox = pgTable(
  'search_outbox',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    documentType: searchDocumentType('document_type').notNull(),
    documentId: integer('document_id').notNull(),
    operation: outboxOperation('operation').notNull(),
    attempts: integer('attempts').notNull().default(0),
    availableAt: timestamp('available_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('search_outbox_available_idx').on(t.availableAt, t.id)],
);
