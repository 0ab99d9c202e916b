CREATE TABLE "dna_ystr_haplotype" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sample_code" text NOT NULL,
	"person_id" uuid,
	"kit" text,
	"haplotype" jsonb NOT NULL,
	"locus_count" integer NOT NULL,
	"unit_id" uuid NOT NULL,
	"division_code" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "dna_ystr_haplotype_sampleCode_unique" UNIQUE("sample_code")
);
--> statement-breakpoint
ALTER TABLE "dna_ystr_haplotype" ADD CONSTRAINT "dna_ystr_haplotype_person_id_dna_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."dna_person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dna_ystr_haplotype_person_id_index" ON "dna_ystr_haplotype" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "dna_ystr_division_idx" ON "dna_ystr_haplotype" USING btree ("division_code");