CREATE TABLE "alert" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"division_code" text NOT NULL,
	"status" text NOT NULL,
	"details" jsonb NOT NULL,
	"photo_id" uuid,
	"center_lat" double precision NOT NULL,
	"center_lon" double precision NOT NULL,
	"county_code" text NOT NULL,
	"disappeared_at" timestamp (3) with time zone NOT NULL,
	"radius_rule" jsonb NOT NULL,
	"radius_km" double precision,
	"manual_radius" boolean DEFAULT false NOT NULL,
	"drafted_by" uuid NOT NULL,
	"drafted_at" timestamp (3) with time zone NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp (3) with time zone,
	"ended_by" uuid,
	"ended_at" timestamp (3) with time zone,
	"end_reason" text,
	"rejected_note" text
);
--> statement-breakpoint
CREATE TABLE "alert_delivery" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"message_id" uuid NOT NULL,
	"alert_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"recipient_id" uuid NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp (3) with time zone NOT NULL,
	"claimed_until" timestamp (3) with time zone,
	"last_attempt_at" timestamp (3) with time zone,
	"last_status" integer,
	"last_error" text,
	"delivered_at" timestamp (3) with time zone,
	"latency_ms" bigint,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alert_message" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"alert_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"msg_type" text NOT NULL,
	"radius_km" double precision NOT NULL,
	"sent_at" timestamp (3) with time zone NOT NULL,
	"cap_xml" text NOT NULL,
	"payload" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alert_partner" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"endpoint_url" text NOT NULL,
	"secret" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alert_stage" (
	"alert_id" uuid NOT NULL,
	"stage_no" integer NOT NULL,
	"due_at" timestamp (3) with time zone NOT NULL,
	"radius_km" double precision NOT NULL,
	"message_id" uuid,
	"sent_at" timestamp (3) with time zone,
	"skipped" boolean DEFAULT false NOT NULL,
	CONSTRAINT "alert_stage_alert_id_stage_no_pk" PRIMARY KEY("alert_id","stage_no")
);
--> statement-breakpoint
CREATE TABLE "push_subscription" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"num" serial NOT NULL,
	"endpoint" text NOT NULL,
	"p256dh" text NOT NULL,
	"auth" text NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"locale" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"last_delivered_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE INDEX "alert_case_id_index" ON "alert" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "alert_status_index" ON "alert" USING btree ("status");--> statement-breakpoint
CREATE INDEX "alert_division_code_prefix_idx" ON "alert" USING btree ("division_code" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "alert_delivery_message_id_channel_recipient_id_index" ON "alert_delivery" USING btree ("message_id","channel","recipient_id");--> statement-breakpoint
CREATE INDEX "alert_delivery_due_idx" ON "alert_delivery" USING btree ("next_attempt_at") WHERE "alert_delivery"."status" in ('pending', 'sending');--> statement-breakpoint
CREATE INDEX "alert_delivery_alert_id_channel_status_index" ON "alert_delivery" USING btree ("alert_id","channel","status");--> statement-breakpoint
CREATE UNIQUE INDEX "alert_message_alert_id_seq_index" ON "alert_message" USING btree ("alert_id","seq");--> statement-breakpoint
CREATE INDEX "alert_message_sent_at_index" ON "alert_message" USING btree ("sent_at");--> statement-breakpoint
CREATE INDEX "alert_stage_due_idx" ON "alert_stage" USING btree ("due_at") WHERE "alert_stage"."message_id" is null and not "alert_stage"."skipped";--> statement-breakpoint
CREATE UNIQUE INDEX "push_subscription_endpoint_index" ON "push_subscription" USING btree ("endpoint");--> statement-breakpoint
CREATE UNIQUE INDEX "push_subscription_num_index" ON "push_subscription" USING btree ("num");