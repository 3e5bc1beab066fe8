CREATE TABLE "integration_outbox" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "integration_outbox_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"event_id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "integration_outbox_eventId_unique" UNIQUE("event_id")
);
--> statement-breakpoint
ALTER TABLE "pd_records" ADD COLUMN "external_id" text;--> statement-breakpoint
CREATE INDEX "integration_outbox_occurred_at_index" ON "integration_outbox" USING btree ("occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "pd_records_system_external_idx" ON "pd_records" USING btree ("system_id","external_id");