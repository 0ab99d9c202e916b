-- A case's timeline is its record of what was done and when: enforced append-only by the database,
-- so that no code path (or hand-written SQL) can rewrite or remove an event.
CREATE FUNCTION case_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'case_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER case_event_immutable BEFORE UPDATE OR DELETE ON case_event FOR EACH ROW EXECUTE FUNCTION case_event_refuse_change();
--> statement-breakpoint
CREATE TRIGGER case_event_no_truncate BEFORE TRUNCATE ON case_event FOR EACH STATEMENT EXECUTE FUNCTION case_event_refuse_change();
