CREATE TABLE "dna_family_group" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"label" text NOT NULL,
	"missing_case_ref" text,
	"unit_id" uuid NOT NULL,
	"division_code" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dna_frequency_table" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"population" text NOT NULL,
	"sample_size" integer,
	"source" text NOT NULL,
	"licence" text NOT NULL,
	"frequencies" jsonb NOT NULL,
	"disabled_loci" jsonb NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "dna_frequency_table_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "dna_import_batch" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_name" text NOT NULL,
	"digest" text NOT NULL,
	"status" text NOT NULL,
	"samples" integer NOT NULL,
	"imported" integer NOT NULL,
	"resample_needed" integer NOT NULL,
	"problems" jsonb NOT NULL,
	"unit_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "dna_import_batch_digest_unique" UNIQUE("digest")
);
--> statement-breakpoint
CREATE TABLE "dna_person" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"category" text NOT NULL,
	"relation" text,
	"family_group_id" uuid,
	"unit_id" uuid NOT NULL,
	"division_code" text NOT NULL,
	"consent_given_at" timestamp (3) with time zone,
	"consent_document_ref" text,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dna_person_identity" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"sex" text,
	"birth_date" text,
	"id_number" text,
	"phone" text,
	"address" text
);
--> statement-breakpoint
CREATE TABLE "dna_profile" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sample_code" text NOT NULL,
	"person_id" uuid,
	"index" text NOT NULL,
	"kit" text,
	"lab" text,
	"collection_point" text,
	"collected_at" timestamp (3) with time zone,
	"amelogenin" text,
	"genotypes" jsonb NOT NULL,
	"locus_count" integer NOT NULL,
	"resample_needed" boolean NOT NULL,
	"flags" jsonb NOT NULL,
	"unit_id" uuid NOT NULL,
	"division_code" text NOT NULL,
	"import_batch_id" uuid,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dna_sample_registration" (
	"sample_code" text PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"registered_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dna_person" ADD CONSTRAINT "dna_person_family_group_id_dna_family_group_id_fk" FOREIGN KEY ("family_group_id") REFERENCES "public"."dna_family_group"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dna_person_identity" ADD CONSTRAINT "dna_person_identity_person_id_dna_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."dna_person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dna_profile" ADD CONSTRAINT "dna_profile_person_id_dna_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."dna_person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dna_profile" ADD CONSTRAINT "dna_profile_import_batch_id_dna_import_batch_id_fk" FOREIGN KEY ("import_batch_id") REFERENCES "public"."dna_import_batch"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dna_sample_registration" ADD CONSTRAINT "dna_sample_registration_person_id_dna_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."dna_person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dna_frequency_table_one_default" ON "dna_frequency_table" USING btree ("is_default") WHERE "dna_frequency_table"."is_default";--> statement-breakpoint
CREATE INDEX "dna_person_family_group_id_index" ON "dna_person" USING btree ("family_group_id");--> statement-breakpoint
CREATE INDEX "dna_person_division_idx" ON "dna_person" USING btree ("division_code");--> statement-breakpoint
CREATE UNIQUE INDEX "dna_profile_index_sample_code_index" ON "dna_profile" USING btree ("index","sample_code");--> statement-breakpoint
CREATE INDEX "dna_profile_person_id_index" ON "dna_profile" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "dna_profile_division_idx" ON "dna_profile" USING btree ("division_code");