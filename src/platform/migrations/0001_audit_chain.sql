-- The audit log is append-only and hash-chained, enforced by the database itself so that no code
-- path (or hand-written SQL) can append an unchained entry or rewrite history.

-- The digest covers every column but the hash itself, encoded as a JSON array so that no choice of
-- field values can shift one field's text into the next.
CREATE FUNCTION audit_entry_digest(e audit_entry) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(json_build_array(
    e.seq, e.prev_hash,
    to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    e.actor_type, e.actor_id, e.actor_name, e.unit_id, e.action, e.resource_type, e.resource_id,
    e.outcome, e.ip, e.request_id, e.details
  )::text, 'UTF8')), 'hex')
$$;
--> statement-breakpoint
CREATE FUNCTION audit_entry_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  last_seq bigint;
  last_hash text;
BEGIN
  -- One appender at a time: the sequence stays gapless, so a missing number means a deleted entry.
  PERFORM pg_advisory_xact_lock(20260101);
  SELECT seq, hash INTO last_seq, last_hash FROM audit_entry ORDER BY seq DESC LIMIT 1;
  NEW.seq := coalesce(last_seq, 0) + 1;
  NEW.prev_hash := coalesce(last_hash, repeat('0', 64));
  NEW.occurred_at := date_trunc('milliseconds', NEW.occurred_at);
  NEW.hash := audit_entry_digest(NEW);
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_entry_chain BEFORE INSERT ON audit_entry FOR EACH ROW EXECUTE FUNCTION audit_entry_chain();
--> statement-breakpoint
CREATE FUNCTION audit_entry_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_entry is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_entry_immutable BEFORE UPDATE OR DELETE ON audit_entry FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse_change();
