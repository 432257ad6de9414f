-- Realtime fan-out (apps/api/src/modules/realtime): every committed events row wakes the API
-- processes listening on the 'serendip_events' channel, whichever code path wrote it.
-- The payload is small (id and topics); each process then reads the rows once, by id.
CREATE OR REPLACE FUNCTION serendip_events_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('serendip_events', NEW.id::text || ' ' || array_to_string(NEW.topics, ' '));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE TRIGGER events_notify AFTER INSERT ON events
  FOR EACH ROW EXECUTE FUNCTION serendip_events_notify();
--> statement-breakpoint
-- The relay tails events by id and must tell a rolled-back id from one still being written: it
-- waits until every transaction older than the newest id it saw has ended. That only holds if a
-- transaction has its id (xid) before it draws event ids, so the statement takes it first.
CREATE OR REPLACE FUNCTION serendip_events_take_xid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_current_xact_id();
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE TRIGGER events_take_xid BEFORE INSERT ON events
  FOR EACH STATEMENT EXECUTE FUNCTION serendip_events_take_xid();
