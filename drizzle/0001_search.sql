CREATE TABLE "search_documents" (
	"document_type" "search_document_type" NOT NULL,
	"document_id" integer NOT NULL,
	"thread_id" integer,
	"group_id" integer,
	"group_slug" text,
	"group_name" text,
	"key" text,
	"language" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"title_plain" text NOT NULL,
	"answered" boolean DEFAULT false NOT NULL,
	"score" integer DEFAULT 0 NOT NULL,
	"author_id" integer,
	"participant_ids" integer[] DEFAULT '{}'::int[] NOT NULL,
	"search_vector" "tsvector" NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"indexed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "search_documents_document_type_document_id_pk" PRIMARY KEY("document_type","document_id")
);
--> statement-breakpoint
CREATE TABLE "search_terms" (
	"lexeme" text PRIMARY KEY NOT NULL,
	"document_count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_words" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE INDEX "search_documents_vector_idx" ON "search_documents" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "search_documents_tags_idx" ON "search_documents" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "search_documents_group_idx" ON "search_documents" USING btree ("group_id","document_type");