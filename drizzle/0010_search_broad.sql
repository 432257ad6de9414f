CREATE TABLE "search_lexemes" (
	"lexeme" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE INDEX "search_lexemes_prefix_idx" ON "search_lexemes" USING btree (("lexeme" collate "C"));--> statement-breakpoint
CREATE INDEX "search_documents_title_tags_idx" ON "search_documents" USING gin (ts_filter("search_vector", '{a,b}'));--> statement-breakpoint
CREATE INDEX "search_documents_score_idx" ON "search_documents" USING btree ("score");