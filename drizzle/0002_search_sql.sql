-- PostgreSQL search engine: extensions, accent-insensitive text search configurations, and the
-- trigram indexes drizzle-kit cannot express. Self-contained and safe to run twice.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'serendip_french') THEN
    CREATE TEXT SEARCH CONFIGURATION serendip_french (COPY = french);
    ALTER TEXT SEARCH CONFIGURATION serendip_french
      ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'serendip_english') THEN
    CREATE TEXT SEARCH CONFIGURATION serendip_english (COPY = english);
    ALTER TEXT SEARCH CONFIGURATION serendip_english
      ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
  END IF;
END
$$;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS search_documents_title_trgm_idx
  ON search_documents USING gin (title_plain gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS search_words_trgm_idx ON search_words USING gin (word gin_trgm_ops);
--> statement-breakpoint
-- Related threads and thread-only searches read this smaller index instead of every post's entry.
CREATE INDEX IF NOT EXISTS search_documents_thread_vector_idx
  ON search_documents USING gin (search_vector) WHERE document_type = 'thread';
