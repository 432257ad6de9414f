// The PostgreSQL search engine's dictionary of indexed lexemes (written by the indexer, never
// pruned): broad searches expand a prefix query word ('team':*) into the lexemes it can match, to
// bound how much a document outside the first ranking stage could score (postgres-engine.ts).
import { sql } from 'drizzle-orm';
import { index, pgTable, text } from 'drizzle-orm/pg-core';

export const searchLexemes = pgTable(
  'search_lexemes',
  {
    lexeme: text('lexeme').primaryKey(),
  },
  (t) => [
    // Byte order, so "starts with p" is the range [p, p || U+10FFFF) whatever the database
    // collation is.
    index('search_lexemes_prefix_idx').on(sql`(${t.lexeme} collate "C")`),
  ],
);
