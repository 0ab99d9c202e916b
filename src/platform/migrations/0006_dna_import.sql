ALTER TABLE "dna_import_batch" DROP CONSTRAINT "dna_import_batch_digest_unique";--> statement-breakpoint
ALTER TABLE "dna_frequency_table" ADD COLUMN "minimum_frequency" double precision NOT NULL;--> statement-breakpoint
ALTER TABLE "dna_frequency_table" ADD COLUMN "meta" jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "dna_profile" ADD COLUMN "category" text NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "dna_import_batch_imported_digest" ON "dna_import_batch" USING btree ("digest") WHERE "dna_import_batch"."status" = 'imported';