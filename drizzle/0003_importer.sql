CREATE TABLE "import_mappings" (
	"source" text NOT NULL,
	"entity" text NOT NULL,
	"external_id" text NOT NULL,
	"local_id" integer NOT NULL,
	"content_hash" text NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "import_mappings_source_entity_external_id_pk" PRIMARY KEY("source","entity","external_id")
);
--> statement-breakpoint
CREATE TABLE "imported_votes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "imported_votes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"source" text NOT NULL,
	"external_id" text NOT NULL,
	"post_id" integer NOT NULL,
	"kind" text NOT NULL,
	"value" smallint NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "imported_votes_kind" CHECK ("imported_votes"."kind" in ('up', 'down', 'accept')),
	CONSTRAINT "imported_votes_value" CHECK ("imported_votes"."value" in (-1, 1))
);
--> statement-breakpoint
CREATE TABLE "influence_snapshots" (
	"computed_at" timestamp with time zone NOT NULL,
	"scope_type" text NOT NULL,
	"scope_key" text NOT NULL,
	"user_id" integer NOT NULL,
	"rank" integer NOT NULL,
	"combined" double precision NOT NULL,
	"components" jsonb NOT NULL,
	"contributions" jsonb NOT NULL,
	CONSTRAINT "influence_snapshots_scope_type_scope_key_computed_at_user_id_pk" PRIMARY KEY("scope_type","scope_key","computed_at","user_id")
);
--> statement-breakpoint
ALTER TABLE "imported_votes" ADD CONSTRAINT "imported_votes_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "influence_snapshots" ADD CONSTRAINT "influence_snapshots_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_mappings_local_idx" ON "import_mappings" USING btree ("entity","local_id");--> statement-breakpoint
CREATE UNIQUE INDEX "imported_votes_source_external" ON "imported_votes" USING btree ("source","external_id");--> statement-breakpoint
CREATE INDEX "imported_votes_post_idx" ON "imported_votes" USING btree ("post_id");--> statement-breakpoint
CREATE INDEX "influence_snapshots_latest_idx" ON "influence_snapshots" USING btree ("scope_type","scope_key","computed_at" DESC NULLS LAST,"rank");--> statement-breakpoint
CREATE INDEX "influence_snapshots_user_idx" ON "influence_snapshots" USING btree ("user_id","computed_at" DESC NULLS LAST);