DROP INDEX "alert_delivery_due_idx";--> statement-breakpoint
ALTER TABLE "alert_partner" ADD COLUMN "previous_secret" text;--> statement-breakpoint
ALTER TABLE "alert_partner" ADD COLUMN "previous_secret_expires_at" timestamp (3) with time zone;--> statement-breakpoint
CREATE INDEX "alert_delivery_due_idx" ON "alert_delivery" USING btree ("channel","next_attempt_at") WHERE "alert_delivery"."status" in ('pending', 'sending');