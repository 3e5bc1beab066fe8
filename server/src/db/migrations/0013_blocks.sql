CREATE TABLE "block_contacts" (
	"block_id" bigint NOT NULL,
	"channel" text NOT NULL,
	"value" text NOT NULL,
	"purpose_id" integer
);
--> statement-breakpoint
CREATE TABLE "block_records" (
	"block_id" bigint NOT NULL,
	"record_id" bigint NOT NULL,
	"fields" jsonb,
	CONSTRAINT "block_records_block_id_record_id_pk" PRIMARY KEY("block_id","record_id")
);
--> statement-breakpoint
CREATE TABLE "block_targets" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "block_targets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"block_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"system_id" integer,
	"purpose_id" integer,
	"record_id" bigint,
	"field" text,
	"contact_value" text
);
--> statement-breakpoint
CREATE TABLE "blocks" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "blocks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"case_id" bigint NOT NULL,
	"subject_id" bigint NOT NULL,
	"reason" text NOT NULL,
	"requester_kind" text NOT NULL,
	"state" text NOT NULL,
	"description" text NOT NULL,
	"no_harm_confirmed" boolean DEFAULT false NOT NULL,
	"not_blocked_reason" text,
	"outcome" text,
	"outcome_note" text,
	"decided_on" date,
	"rectify_due_on" date,
	"stop_due_on" date,
	"destroy_due_on" date,
	"keep_until" date,
	"rectified_at" timestamp with time zone,
	"stopped_at" timestamp with time zone,
	"destroyed_at" timestamp with time zone,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lifted_at" timestamp with time zone,
	"lifted_by_id" integer,
	"lift_case_id" bigint,
	"lift_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "blocks_not_blocked_has_reason" CHECK ("blocks"."state" <> 'not_blocked' or "blocks"."not_blocked_reason" is not null)
);
--> statement-breakpoint
ALTER TABLE "block_contacts" ADD CONSTRAINT "block_contacts_block_id_blocks_id_fk" FOREIGN KEY ("block_id") REFERENCES "public"."blocks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "block_contacts" ADD CONSTRAINT "block_contacts_purpose_id_processing_purposes_id_fk" FOREIGN KEY ("purpose_id") REFERENCES "public"."processing_purposes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "block_records" ADD CONSTRAINT "block_records_block_id_blocks_id_fk" FOREIGN KEY ("block_id") REFERENCES "public"."blocks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "block_records" ADD CONSTRAINT "block_records_record_id_pd_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."pd_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "block_targets" ADD CONSTRAINT "block_targets_block_id_blocks_id_fk" FOREIGN KEY ("block_id") REFERENCES "public"."blocks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "block_targets" ADD CONSTRAINT "block_targets_system_id_processing_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."processing_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "block_targets" ADD CONSTRAINT "block_targets_purpose_id_processing_purposes_id_fk" FOREIGN KEY ("purpose_id") REFERENCES "public"."processing_purposes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "block_targets" ADD CONSTRAINT "block_targets_record_id_pd_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."pd_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blocks" ADD CONSTRAINT "blocks_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blocks" ADD CONSTRAINT "blocks_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blocks" ADD CONSTRAINT "blocks_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blocks" ADD CONSTRAINT "blocks_lifted_by_id_users_id_fk" FOREIGN KEY ("lifted_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blocks" ADD CONSTRAINT "blocks_lift_case_id_cases_id_fk" FOREIGN KEY ("lift_case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "block_contacts_value_idx" ON "block_contacts" USING btree ("channel","value");--> statement-breakpoint
CREATE INDEX "block_contacts_purpose_idx" ON "block_contacts" USING btree ("purpose_id","channel");--> statement-breakpoint
CREATE INDEX "block_contacts_block_id_index" ON "block_contacts" USING btree ("block_id");--> statement-breakpoint
CREATE INDEX "block_records_record_id_index" ON "block_records" USING btree ("record_id");--> statement-breakpoint
CREATE INDEX "block_targets_block_id_index" ON "block_targets" USING btree ("block_id");--> statement-breakpoint
CREATE INDEX "blocks_subject_in_effect_idx" ON "blocks" USING btree ("subject_id") WHERE "blocks"."state" in ('active', 'kept_blocked');--> statement-breakpoint
CREATE INDEX "blocks_case_id_index" ON "blocks" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "blocks_state_created_at_index" ON "blocks" USING btree ("state","created_at");