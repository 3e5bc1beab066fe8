CREATE TABLE "breach_attachments" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "breach_attachments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"breach_id" bigint NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"description" text,
	"uploaded_by_id" integer,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "breach_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "breach_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"breach_id" bigint NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" integer,
	"kind" text NOT NULL,
	"text" text,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "breach_filings" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "breach_filings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"breach_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"fields" jsonb NOT NULL,
	"filed_at" timestamp with time zone NOT NULL,
	"portal_reference" text NOT NULL,
	"filed_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "breach_jobs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "breach_jobs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"breach_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"state" text DEFAULT 'queued' NOT NULL,
	"params" jsonb NOT NULL,
	"cursor" bigint DEFAULT 0 NOT NULL,
	"total" integer,
	"processed" integer DEFAULT 0 NOT NULL,
	"added" integer DEFAULT 0 NOT NULL,
	"problems" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"problem_count" integer DEFAULT 0 NOT NULL,
	"error" text,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "breach_subjects" (
	"breach_id" bigint NOT NULL,
	"subject_id" bigint NOT NULL,
	"added_via" text NOT NULL,
	"exception" text,
	"exception_reason" text,
	"state" text DEFAULT 'pending' NOT NULL,
	"notified_at" timestamp with time zone,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "breach_subjects_breach_id_subject_id_pk" PRIMARY KEY("breach_id","subject_id")
);
--> statement-breakpoint
CREATE TABLE "breaches" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "breaches_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"established_at" timestamp with time zone NOT NULL,
	"category" text NOT NULL,
	"found_by" text NOT NULL,
	"found_how" text DEFAULT '' NOT NULL,
	"description" text NOT NULL,
	"data_categories" jsonb NOT NULL,
	"system_ids" jsonb NOT NULL,
	"subjects_estimate" integer,
	"subjects_exact" integer,
	"causes" text DEFAULT '' NOT NULL,
	"harm" text DEFAULT '' NOT NULL,
	"measures" text DEFAULT '' NOT NULL,
	"rkn_contact" jsonb NOT NULL,
	"investigation_results" text DEFAULT '' NOT NULL,
	"responsible_persons" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"created_by_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "breach_attachments" ADD CONSTRAINT "breach_attachments_breach_id_breaches_id_fk" FOREIGN KEY ("breach_id") REFERENCES "public"."breaches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breach_attachments" ADD CONSTRAINT "breach_attachments_uploaded_by_id_users_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breach_events" ADD CONSTRAINT "breach_events_breach_id_breaches_id_fk" FOREIGN KEY ("breach_id") REFERENCES "public"."breaches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breach_events" ADD CONSTRAINT "breach_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breach_filings" ADD CONSTRAINT "breach_filings_breach_id_breaches_id_fk" FOREIGN KEY ("breach_id") REFERENCES "public"."breaches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breach_filings" ADD CONSTRAINT "breach_filings_filed_by_id_users_id_fk" FOREIGN KEY ("filed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breach_jobs" ADD CONSTRAINT "breach_jobs_breach_id_breaches_id_fk" FOREIGN KEY ("breach_id") REFERENCES "public"."breaches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breach_jobs" ADD CONSTRAINT "breach_jobs_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breach_subjects" ADD CONSTRAINT "breach_subjects_breach_id_breaches_id_fk" FOREIGN KEY ("breach_id") REFERENCES "public"."breaches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breach_subjects" ADD CONSTRAINT "breach_subjects_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breaches" ADD CONSTRAINT "breaches_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "breach_attachments_breach_id_index" ON "breach_attachments" USING btree ("breach_id");--> statement-breakpoint
CREATE INDEX "breach_events_breach_id_id_index" ON "breach_events" USING btree ("breach_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "breach_filings_breach_id_kind_index" ON "breach_filings" USING btree ("breach_id","kind");--> statement-breakpoint
CREATE INDEX "breach_jobs_breach_id_id_index" ON "breach_jobs" USING btree ("breach_id","id");--> statement-breakpoint
CREATE INDEX "breach_jobs_unfinished_idx" ON "breach_jobs" USING btree ("id") WHERE "breach_jobs"."state" in ('queued', 'running');--> statement-breakpoint
CREATE INDEX "breach_subjects_breach_id_state_index" ON "breach_subjects" USING btree ("breach_id","state");--> statement-breakpoint
CREATE INDEX "breaches_established_idx" ON "breaches" USING btree ("established_at");--> statement-breakpoint
CREATE INDEX "breaches_open_idx" ON "breaches" USING btree ("established_at") WHERE "breaches"."status" <> 'closed';--> statement-breakpoint
CREATE INDEX "pd_records_system_subject_idx" ON "pd_records" USING btree ("system_id","subject_id");--> statement-breakpoint
CREATE INDEX "pd_records_purpose_subject_idx" ON "pd_records" USING btree ("purpose_id","subject_id");