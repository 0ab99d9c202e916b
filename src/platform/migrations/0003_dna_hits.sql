CREATE TABLE "dna_hit" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pair_key" text NOT NULL,
	"mode" text NOT NULL,
	"relationship" text NOT NULL,
	"reference_profile_ids" jsonb NOT NULL,
	"family_group_id" uuid,
	"candidate_profile_id" uuid NOT NULL,
	"log10_lr" double precision NOT NULL,
	"per_locus" jsonb NOT NULL,
	"inconsistent_loci" jsonb NOT NULL,
	"frequency_table" text NOT NULL,
	"engine_version" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"division_code" text NOT NULL,
	"other_unit_id" uuid NOT NULL,
	"other_division_code" text NOT NULL,
	"status" text NOT NULL,
	"decision_reason" text,
	"decided_by" uuid,
	"decided_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "dna_hit_pairKey_unique" UNIQUE("pair_key")
);
--> statement-breakpoint
ALTER TABLE "dna_person" ADD COLUMN "matched_family_group_id" uuid;--> statement-breakpoint
ALTER TABLE "dna_person" ADD COLUMN "matched_by_hit_id" uuid;--> statement-breakpoint
ALTER TABLE "dna_hit" ADD CONSTRAINT "dna_hit_family_group_id_dna_family_group_id_fk" FOREIGN KEY ("family_group_id") REFERENCES "public"."dna_family_group"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dna_hit" ADD CONSTRAINT "dna_hit_candidate_profile_id_dna_profile_id_fk" FOREIGN KEY ("candidate_profile_id") REFERENCES "public"."dna_profile"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dna_hit_unit_id_status_index" ON "dna_hit" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "dna_hit_other_unit_id_status_index" ON "dna_hit" USING btree ("other_unit_id","status");--> statement-breakpoint
CREATE INDEX "dna_hit_candidate_profile_id_index" ON "dna_hit" USING btree ("candidate_profile_id");