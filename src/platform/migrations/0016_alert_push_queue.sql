ALTER TABLE "alert_message" ADD COLUMN "push_audience" text NOT NULL;--> statement-breakpoint
ALTER TABLE "alert_message" ADD COLUMN "push_queued_at" timestamp (3) with time zone;--> statement-breakpoint
CREATE INDEX "alert_message_push_pending_idx" ON "alert_message" USING btree ("alert_id","seq") WHERE "alert_message"."push_queued_at" is null;