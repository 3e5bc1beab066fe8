CREATE TABLE "consents" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "consents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"subject_id" bigint NOT NULL,
	"purpose_id" integer NOT NULL,
	"method" text NOT NULL,
	"form" text NOT NULL,
	"checkbox_text" text NOT NULL,
	"policy_version" text NOT NULL,
	"given_at" timestamp with time zone NOT NULL,
	"ip" text,
	"user_agent" text,
	"withdrawn_at" timestamp with time zone,
	"withdrawal_channel" text,
	"withdrawal_received_on" date,
	"withdrawal_note" text,
	"withdrawn_by_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pd_records" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "pd_records_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"subject_id" bigint NOT NULL,
	"system_id" integer NOT NULL,
	"purpose_id" integer NOT NULL,
	"legal_basis" text NOT NULL,
	"legal_basis_note" text,
	"consent_id" bigint,
	"data_fields" jsonb NOT NULL,
	"source" text,
	"collected_on" date NOT NULL,
	"retain_until" date,
	"state" text DEFAULT 'active' NOT NULL,
	"state_reason" text,
	"state_changed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "processing_purposes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "processing_purposes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"name" text NOT NULL,
	"source" text,
	"default_legal_basis" text NOT NULL,
	"retention" text,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "processing_purposes_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "processing_systems" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "processing_systems_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "processing_systems_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "subject_merges" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "subject_merges_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"survivor_id" bigint NOT NULL,
	"merged_id" bigint NOT NULL,
	"reason" text NOT NULL,
	"moved" jsonb NOT NULL,
	"merged_by_id" integer,
	"merged_at" timestamp with time zone DEFAULT now() NOT NULL,
	"undone_by_id" integer,
	"undone_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "subject_rectifications" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "subject_rectifications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"subject_id" bigint NOT NULL,
	"field" text NOT NULL,
	"contact_id" bigint,
	"old_value" text,
	"new_value" text,
	"reason" text NOT NULL,
	"evidence" text NOT NULL,
	"actor_id" integer,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subject_representatives" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "subject_representatives_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"subject_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"full_name" text NOT NULL,
	"contact" text,
	"authority_document" text NOT NULL,
	"valid_until" date,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_purpose_id_processing_purposes_id_fk" FOREIGN KEY ("purpose_id") REFERENCES "public"."processing_purposes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_withdrawn_by_id_users_id_fk" FOREIGN KEY ("withdrawn_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pd_records" ADD CONSTRAINT "pd_records_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pd_records" ADD CONSTRAINT "pd_records_system_id_processing_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."processing_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pd_records" ADD CONSTRAINT "pd_records_purpose_id_processing_purposes_id_fk" FOREIGN KEY ("purpose_id") REFERENCES "public"."processing_purposes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pd_records" ADD CONSTRAINT "pd_records_consent_id_consents_id_fk" FOREIGN KEY ("consent_id") REFERENCES "public"."consents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_merges" ADD CONSTRAINT "subject_merges_survivor_id_subjects_id_fk" FOREIGN KEY ("survivor_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_merges" ADD CONSTRAINT "subject_merges_merged_id_subjects_id_fk" FOREIGN KEY ("merged_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_merges" ADD CONSTRAINT "subject_merges_merged_by_id_users_id_fk" FOREIGN KEY ("merged_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_merges" ADD CONSTRAINT "subject_merges_undone_by_id_users_id_fk" FOREIGN KEY ("undone_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_rectifications" ADD CONSTRAINT "subject_rectifications_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_rectifications" ADD CONSTRAINT "subject_rectifications_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_representatives" ADD CONSTRAINT "subject_representatives_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consents_subject_id_index" ON "consents" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "pd_records_subject_id_index" ON "pd_records" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "pd_records_system_id_state_index" ON "pd_records" USING btree ("system_id","state");--> statement-breakpoint
CREATE INDEX "subject_merges_survivor_id_index" ON "subject_merges" USING btree ("survivor_id");--> statement-breakpoint
CREATE INDEX "subject_merges_merged_id_index" ON "subject_merges" USING btree ("merged_id");--> statement-breakpoint
CREATE INDEX "subject_rectifications_subject_id_at_index" ON "subject_rectifications" USING btree ("subject_id","at");--> statement-breakpoint
CREATE INDEX "subject_representatives_subject_id_index" ON "subject_representatives" USING btree ("subject_id");