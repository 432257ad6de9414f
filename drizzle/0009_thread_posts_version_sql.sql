-- threads.posts_version (apps/api/src/modules/threads/thread-posts-cache.ts): a thread page keeps
-- the posts it read and re-reads them only when this number moved. Every change that alters what
-- the posts query returns bumps it, whichever code path (API, importer, SQL) made the change:
-- inserted, updated or deleted posts (one update per statement, however many rows it touched),
-- and a new name, handle, job title, department or site for their authors.
CREATE OR REPLACE FUNCTION serendip_bump_posts_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE threads SET posts_version = posts_version + 1
  WHERE id IN (SELECT DISTINCT thread_id FROM changed_posts);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE TRIGGER posts_version_after_insert AFTER INSERT ON posts
  REFERENCING NEW TABLE AS changed_posts
  FOR EACH STATEMENT EXECUTE FUNCTION serendip_bump_posts_version();
--> statement-breakpoint
CREATE OR REPLACE TRIGGER posts_version_after_update AFTER UPDATE ON posts
  REFERENCING NEW TABLE AS changed_posts
  FOR EACH STATEMENT EXECUTE FUNCTION serendip_bump_posts_version();
--> statement-breakpoint
CREATE OR REPLACE TRIGGER posts_version_after_delete AFTER DELETE ON posts
  REFERENCING OLD TABLE AS changed_posts
  FOR EACH STATEMENT EXECUTE FUNCTION serendip_bump_posts_version();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION serendip_bump_authored_posts_version() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE threads SET posts_version = posts_version + 1
  WHERE id IN (SELECT DISTINCT thread_id FROM posts WHERE author_id = NEW.id);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE TRIGGER users_summary_posts_version AFTER UPDATE ON users
  FOR EACH ROW
  WHEN (OLD.handle IS DISTINCT FROM NEW.handle
    OR OLD.display_name IS DISTINCT FROM NEW.display_name
    OR OLD.job_title IS DISTINCT FROM NEW.job_title
    OR OLD.department IS DISTINCT FROM NEW.department
    OR OLD.site IS DISTINCT FROM NEW.site)
  EXECUTE FUNCTION serendip_bump_authored_posts_version();
