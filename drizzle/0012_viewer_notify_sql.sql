-- Each API process keeps the viewers of recent sessions (apps/api/src/plugins/viewer-cache.ts).
-- A change to what a viewer carries (role, suspension, name, language, deletion) or the end of a
-- session tells every process which person to read again, whichever process or script made it.
CREATE OR REPLACE FUNCTION serendip_notify_viewer_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'sessions' THEN
    PERFORM pg_notify('serendip_viewers', OLD.user_id::text);
  ELSE
    PERFORM pg_notify('serendip_viewers', coalesce(NEW.id, OLD.id)::text);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE TRIGGER users_viewer_changed AFTER UPDATE ON users
  FOR EACH ROW
  WHEN (OLD.handle IS DISTINCT FROM NEW.handle
    OR OLD.display_name IS DISTINCT FROM NEW.display_name
    OR OLD.role IS DISTINCT FROM NEW.role
    OR OLD.locale IS DISTINCT FROM NEW.locale
    OR OLD.suspended_until IS DISTINCT FROM NEW.suspended_until
    OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at)
  EXECUTE FUNCTION serendip_notify_viewer_changed();
--> statement-breakpoint
CREATE OR REPLACE TRIGGER users_viewer_deleted AFTER DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION serendip_notify_viewer_changed();
--> statement-breakpoint
CREATE OR REPLACE TRIGGER sessions_viewer_changed AFTER UPDATE OR DELETE ON sessions
  FOR EACH ROW EXECUTE FUNCTION serendip_notify_viewer_changed();
