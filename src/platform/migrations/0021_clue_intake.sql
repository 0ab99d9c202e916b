CREATE TABLE "clue_intake" (
	"id" uuid PRIMARY KEY NOT NULL,
	"receipt_hash" text NOT NULL,
	"fingerprint" text NOT NULL,
	"input" jsonb NOT NULL,
	"ip" text,
	"request_id" text,
	"received_at" timestamp (3) with time zone NOT NULL,
	"processed_at" timestamp (3) with time zone,
	"clue_id" uuid,
	"last_error" text,
	CONSTRAINT "clue_intake_receiptHash_unique" UNIQUE("receipt_hash")
);
--> statement-breakpoint
CREATE INDEX "clue_intake_pending_idx" ON "clue_intake" USING btree ("received_at") WHERE processed_at IS NULL;