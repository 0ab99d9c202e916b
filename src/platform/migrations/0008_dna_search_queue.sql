CREATE TABLE "dna_search_queue" (
	"search_no" integer PRIMARY KEY NOT NULL,
	"reason" text NOT NULL,
	"enqueued_at" timestamp (3) with time zone NOT NULL
);
