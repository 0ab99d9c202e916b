CREATE TABLE "alert_photo" (
	"alert_id" uuid PRIMARY KEY NOT NULL,
	"content_type" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"etag" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "alert" ALTER COLUMN "drafted_by" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "alert" ALTER COLUMN "approved_by" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "alert" ALTER COLUMN "ended_by" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "alert_partner" ALTER COLUMN "created_by" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "alert" ADD COLUMN "case_no" text NOT NULL;--> statement-breakpoint
ALTER TABLE "alert" ADD COLUMN "unit_name" text NOT NULL;--> statement-breakpoint
CREATE INDEX "alert_delivery_alert_recipient_idx" ON "alert_delivery" USING btree ("alert_id","channel","recipient_id");