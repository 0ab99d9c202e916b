CREATE TABLE "collection_point" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"division_code" text NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"phone" text,
	"hours" text,
	"notes" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "collection_point_division_name_idx" ON "collection_point" USING btree ("division_code","name");--> statement-breakpoint
CREATE INDEX "collection_point_division_code_prefix_idx" ON "collection_point" USING btree ("division_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "collection_point_active_lat_lon_idx" ON "collection_point" USING btree ("latitude","longitude") WHERE "collection_point"."active";--> statement-breakpoint
CREATE INDEX "collection_point_unit_id_index" ON "collection_point" USING btree ("unit_id");