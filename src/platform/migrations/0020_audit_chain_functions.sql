ALTER TABLE "audit_chain" DROP CONSTRAINT "audit_chain_entry_id_audit_entry_id_fk";--> statement-breakpoint
ALTER TABLE "audit_pending" DROP CONSTRAINT "audit_pending_entry_id_audit_entry_id_fk";--> statement-breakpoint
ALTER TABLE "audit_entry" DROP COLUMN "seq";--> statement-breakpoint
ALTER TABLE "audit_entry" DROP COLUMN "prev_hash";--> statement-breakpoint
ALTER TABLE "audit_entry" DROP COLUMN "hash";--> statement-breakpoint
ALTER TABLE "audit_entry" DROP CONSTRAINT "audit_entry_id_unique";--> statement-breakpoint
ALTER TABLE "audit_entry" ADD PRIMARY KEY ("id");--> statement-breakpoint
ALTER TABLE "audit_chain" ADD CONSTRAINT "audit_chain_entry_id_audit_entry_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."audit_entry"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_pending" ADD CONSTRAINT "audit_pending_entry_id_audit_entry_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."audit_entry"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint

-- The digest covers the chain position, the link and every column of the entry, encoded as a JSON array so that
-- no choice of field values can shift one field's text into the next (the same array as before 0019, so the
-- hashes of entries chained then still verify).
CREATE FUNCTION audit_chain_digest(chain_seq bigint, chain_prev text, e audit_entry) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(json_build_array(
    chain_seq, chain_prev,
    to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    e.actor_type, e.actor_id, e.actor_name, e.unit_id, e.action, e.resource_type, e.resource_id,
    e.outcome, e.ip, e.request_id, e.details
  )::text, 'UTF8')), 'hex')
$$;
--> statement-breakpoint
-- Writers only insert: the time is kept to the millisecond (what the digest encodes) and the entry waits in
-- audit_pending to be chained. No lock is taken here.
CREATE FUNCTION audit_entry_accept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.occurred_at := date_trunc('milliseconds', NEW.occurred_at);
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_entry_accept BEFORE INSERT ON audit_entry FOR EACH ROW EXECUTE FUNCTION audit_entry_accept();
--> statement-breakpoint
CREATE FUNCTION audit_entry_queue() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO audit_pending (entry_id) VALUES (NEW.id);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_entry_queue AFTER INSERT ON audit_entry FOR EACH ROW EXECUTE FUNCTION audit_entry_queue();
--> statement-breakpoint
-- A chain row is computed here, whatever the inserter passed: one linker at a time, so the sequence stays
-- gapless and a missing number means a removed entry.
CREATE FUNCTION audit_chain_link() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  last_seq bigint;
  last_hash text;
  entry audit_entry;
BEGIN
  PERFORM pg_advisory_xact_lock(20260101);
  SELECT seq, hash INTO last_seq, last_hash FROM audit_chain ORDER BY seq DESC LIMIT 1;
  SELECT * INTO STRICT entry FROM audit_entry WHERE id = NEW.entry_id;
  NEW.seq := coalesce(last_seq, 0) + 1;
  NEW.prev_hash := coalesce(last_hash, repeat('0', 64));
  NEW.hash := audit_chain_digest(NEW.seq, NEW.prev_hash, entry);
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_chain_link BEFORE INSERT ON audit_chain FOR EACH ROW EXECUTE FUNCTION audit_chain_link();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_entry_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_chain_immutable BEFORE UPDATE OR DELETE ON audit_chain FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_chain_no_truncate BEFORE TRUNCATE ON audit_chain FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse_change();
--> statement-breakpoint
-- Chains up to max_entries committed entries in the order they were inserted; returns how many. Safe to run from
-- several processes at once (they take turns) and again after a restore (entries already chained are skipped).
CREATE FUNCTION audit_seal(max_entries integer) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  sealed integer;
BEGIN
  PERFORM pg_advisory_xact_lock(20260101);
  WITH taken AS (
    DELETE FROM audit_pending
    WHERE entry_id IN (SELECT entry_id FROM audit_pending ORDER BY entry_id LIMIT max_entries)
    RETURNING entry_id
  )
  INSERT INTO audit_chain (seq, entry_id, prev_hash, hash)
  SELECT 0, t.entry_id, '', '' FROM taken t
  WHERE NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.entry_id = t.entry_id)
  ORDER BY t.entry_id;
  GET DIAGNOSTICS sealed = ROW_COUNT;
  RETURN sealed;
END
$$;
