DROP INDEX "dna_import_batch_imported_digest";--> statement-breakpoint
ALTER TABLE "dna_import_batch" ADD COLUMN "kind" text DEFAULT 'profiles' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "dna_import_batch_imported_digest" ON "dna_import_batch" USING btree ("kind","digest") WHERE "dna_import_batch"."status" = 'imported';