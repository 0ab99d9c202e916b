CREATE TABLE "audit_entry" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"occurred_at" timestamp (3) with time zone NOT NULL,
	"actor_type" text NOT NULL,
	"actor_id" text,
	"actor_name" text,
	"unit_id" uuid,
	"action" text NOT NULL,
	"resource_type" text,
	"resource_id" text,
	"outcome" text NOT NULL,
	"ip" text,
	"request_id" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_day" (
	"day" date PRIMARY KEY NOT NULL,
	"is_working_day" boolean NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "deadline" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"supervising_unit_id" uuid,
	"started_at" timestamp (3) with time zone NOT NULL,
	"due_at" timestamp (3) with time zone NOT NULL,
	"remind_at" jsonb NOT NULL,
	"reminders_sent" integer DEFAULT 0 NOT NULL,
	"escalate_at" timestamp (3) with time zone,
	"reminded_at" timestamp (3) with time zone,
	"overdue_at" timestamp (3) with time zone,
	"escalated_at" timestamp (3) with time zone,
	"completed_at" timestamp (3) with time zone,
	"cancelled_at" timestamp (3) with time zone,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deadline_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"deadline_id" uuid NOT NULL,
	"type" text NOT NULL,
	"step" integer DEFAULT 0 NOT NULL,
	"unit_id" uuid NOT NULL,
	"occurred_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_receipt" (
	"job_id" text PRIMARY KEY NOT NULL,
	"queue" text NOT NULL,
	"completed_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_key" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"secret_hash" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"scopes" text[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone NOT NULL,
	"expires_at" timestamp (3) with time zone,
	"last_used_at" timestamp (3) with time zone,
	"revoked_at" timestamp (3) with time zone,
	CONSTRAINT "api_key_prefix_unique" UNIQUE("prefix")
);
--> statement-breakpoint
CREATE TABLE "app_user" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"roles" text[] NOT NULL,
	"password_hash" text NOT NULL,
	"password_changed_at" timestamp (3) with time zone NOT NULL,
	"totp_secret" text,
	"totp_enabled" boolean DEFAULT false NOT NULL,
	"totp_last_step" integer,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp (3) with time zone,
	"disabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "app_user_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "division" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"parent_code" text
);
--> statement-breakpoint
CREATE TABLE "division_release" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" text NOT NULL,
	"version" text NOT NULL,
	"data_year" integer NOT NULL,
	"division_count" integer NOT NULL,
	"loaded_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"id" text NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"last_seen_at" timestamp (3) with time zone NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"revoked_at" timestamp (3) with time zone,
	"ip" text,
	"user_agent" text,
	CONSTRAINT "session_id_unique" UNIQUE("id")
);
--> statement-breakpoint
CREATE TABLE "unit" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"level" text NOT NULL,
	"division_code" text NOT NULL,
	"parent_id" uuid,
	"phone" text,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "deadline_event" ADD CONSTRAINT "deadline_event_deadline_id_deadline_id_fk" FOREIGN KEY ("deadline_id") REFERENCES "public"."deadline"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_key" ADD CONSTRAINT "api_key_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_key" ADD CONSTRAINT "api_key_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit" ADD CONSTRAINT "unit_parent_id_unit_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_entry_occurred_at_index" ON "audit_entry" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "audit_entry_actor_id_index" ON "audit_entry" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "audit_entry_action_index" ON "audit_entry" USING btree ("action");--> statement-breakpoint
CREATE INDEX "audit_entry_resource_type_resource_id_index" ON "audit_entry" USING btree ("resource_type","resource_id");--> statement-breakpoint
CREATE INDEX "deadline_unit_id_due_at_index" ON "deadline" USING btree ("unit_id","due_at");--> statement-breakpoint
CREATE INDEX "deadline_subject_type_subject_id_index" ON "deadline" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "deadline_due_at_index" ON "deadline" USING btree ("due_at");--> statement-breakpoint
CREATE UNIQUE INDEX "deadline_event_deadline_id_type_step_index" ON "deadline_event" USING btree ("deadline_id","type","step");--> statement-breakpoint
CREATE INDEX "deadline_event_unit_id_occurred_at_index" ON "deadline_event" USING btree ("unit_id","occurred_at");--> statement-breakpoint
CREATE INDEX "api_key_unit_id_index" ON "api_key" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "app_user_unit_id_index" ON "app_user" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "division_parent_code_index" ON "division" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "session_user_id_index" ON "session" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "unit_parent_id_index" ON "unit" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "unit_division_code_prefix_idx" ON "unit" USING btree ("division_code" text_pattern_ops);