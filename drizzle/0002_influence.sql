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
ALTER TABLE "influence_snapshots" ADD CONSTRAINT "influence_snapshots_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "influence_snapshots_latest_idx" ON "influence_snapshots" USING btree ("scope_type","scope_key","computed_at" DESC NULLS LAST,"rank");--> statement-breakpoint
CREATE INDEX "influence_snapshots_user_idx" ON "influence_snapshots" USING btree ("user_id","computed_at" DESC NULLS LAST);