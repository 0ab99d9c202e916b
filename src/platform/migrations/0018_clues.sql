CREATE TABLE "clue" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"fingerprint" text,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"seen_at" timestamp (3) with time zone,
	"place_division_code" text,
	"place_address" text,
	"place_lat" double precision,
	"place_lon" double precision,
	"contact_name" text,
	"contact_phone" text,
	"case_id" uuid,
	"alert_id" uuid,
	"institution_type" text,
	"institution_name" text,
	"url" text,
	"platform" text,
	"sender_unit_id" uuid,
	"sender_division_code" text,
	"routed_unit_id" uuid NOT NULL,
	"division_code" text NOT NULL,
	"assignees" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"status" text NOT NULL,
	"outcome" text,
	"feedback" text,
	"closed_at" timestamp (3) with time zone,
	"created_by" text,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "clue_lat_lon_pair" CHECK (("clue"."place_lat" IS NULL) = ("clue"."place_lon" IS NULL)),
	CONSTRAINT "clue_closed_has_outcome" CHECK (("clue"."status" = 'closed') = ("clue"."outcome" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "clue_attachment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clue_id" uuid NOT NULL,
	"content_type" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" text,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "clue_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"clue_id" uuid NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"actor_id" text,
	"actor_name" text,
	"unit_id" uuid,
	"kind" text NOT NULL,
	"summary" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "clue_receipt" (
	"receipt_hash" text PRIMARY KEY NOT NULL,
	"clue_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "clue_route" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"clue_id" uuid NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"from_unit_id" uuid,
	"to_unit_id" uuid NOT NULL,
	"rule" text NOT NULL,
	"reason" text,
	"routed_by" text
);
--> statement-breakpoint
ALTER TABLE "clue_attachment" ADD CONSTRAINT "clue_attachment_clue_id_clue_id_fk" FOREIGN KEY ("clue_id") REFERENCES "public"."clue"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clue_event" ADD CONSTRAINT "clue_event_clue_id_clue_id_fk" FOREIGN KEY ("clue_id") REFERENCES "public"."clue"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clue_receipt" ADD CONSTRAINT "clue_receipt_clue_id_clue_id_fk" FOREIGN KEY ("clue_id") REFERENCES "public"."clue"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clue_route" ADD CONSTRAINT "clue_route_clue_id_clue_id_fk" FOREIGN KEY ("clue_id") REFERENCES "public"."clue"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "clue_fingerprint_index" ON "clue" USING btree ("fingerprint");--> statement-breakpoint
CREATE INDEX "clue_division_code_prefix_idx" ON "clue" USING btree ("division_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "clue_routed_unit_id_status_index" ON "clue" USING btree ("routed_unit_id","status");--> statement-breakpoint
CREATE INDEX "clue_sender_unit_id_index" ON "clue" USING btree ("sender_unit_id");--> statement-breakpoint
CREATE INDEX "clue_case_id_index" ON "clue" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "clue_created_at_index" ON "clue" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "clue_attachment_clue_id_index" ON "clue_attachment" USING btree ("clue_id");--> statement-breakpoint
CREATE INDEX "clue_event_clue_id_at_index" ON "clue_event" USING btree ("clue_id","at");--> statement-breakpoint
CREATE INDEX "clue_route_clue_id_at_index" ON "clue_route" USING btree ("clue_id","at");--> statement-breakpoint
-- A clue's history and route are its record of who did what and where it went: append-only in the database.
CREATE FUNCTION clue_history_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER clue_event_immutable BEFORE UPDATE OR DELETE ON clue_event FOR EACH ROW EXECUTE FUNCTION clue_history_refuse_change();
--> statement-breakpoint
CREATE TRIGGER clue_route_immutable BEFORE UPDATE OR DELETE ON clue_route FOR EACH ROW EXECUTE FUNCTION clue_history_refuse_change();
