-- search_lexemes (packages/db/src/schema/search-broad.ts) lists every lexeme the indexer has
-- written; the indexer keeps it up to date from now on. Documents indexed before this migration
-- add theirs here, so a broad search's bound (postgres-engine.ts) knows every completion of a
-- prefix. Self-contained and idempotent.
INSERT INTO search_lexemes (lexeme)
SELECT DISTINCT u.lexeme FROM search_documents d, unnest(d.search_vector) AS u
ON CONFLICT DO NOTHING;
