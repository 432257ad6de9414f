// The PostgreSQL search engine's tables, written by the indexer (never by triggers): one row per
// searchable document, the words seen (typo correction) and thread term frequencies (related).
import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { searchDocumentType } from './enums.ts';

const tsvector = customType<{ data: string }>({
  dataType: () => 'tsvector',
});

export const searchDocuments = pgTable(
  'search_documents',
  {
    documentType: searchDocumentType('document_type').notNull(),
    documentId: integer('document_id').notNull(),
    threadId: integer('thread_id'),
    // Who may read it: members of this group, or everyone signed in when null (people).
    groupId: integer('group_id'),
    groupSlug: text('group_slug'),
    groupName: text('group_name'),
    // A handle or slug for people and groups, so a hit links without another query.
    key: text('key'),
    // The text search configuration the vector was built with: 'serendip_french' or '_english'.
    language: text('language').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    // Lowercased, unaccented title: trigram similarity for typos and related titles.
    titlePlain: text('title_plain').notNull(),
    answered: boolean('answered').notNull().default(false),
    score: integer('score').notNull().default(0),
    authorId: integer('author_id'),
    participantIds: integer('participant_ids')
      .array()
      .notNull()
      .default(sql`'{}'::int[]`),
    searchVector: tsvector('search_vector').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    indexedAt: timestamp('indexed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.documentType, t.documentId] }),
    index('search_documents_vector_idx').using('gin', t.searchVector),
    index('search_documents_tags_idx').using('gin', t.tags),
    index('search_documents_group_idx').on(t.groupId, t.documentType),
    // Broad searches rank documents matching in their title or tags first (weights A and B):
    // this index holds only those lexemes, a small fraction of the full vector index.
    index('search_documents_title_tags_idx').using(
      'gin',
      sql`ts_filter(${t.searchVector}, '{a,b}')`,
    ),
    // The highest score bounds the relevance of any document a broad search does not rank.
    index('search_documents_score_idx').on(t.score),
  ],
);

// Every word seen in indexed text, unaccented and lowercased: a query word that matches nothing
// is replaced by its nearest neighbours here (trigram similarity).
export const searchWords = pgTable('search_words', {
  word: text('word').primaryKey(),
});

// How many thread documents hold each lexeme: the inverse document frequency that picks a
// thread's significant terms for related threads.
export const searchTerms = pgTable('search_terms', {
  lexeme: text('lexeme').primaryKey(),
  documentCount: integer('document_count').notNull().default(0),
});
