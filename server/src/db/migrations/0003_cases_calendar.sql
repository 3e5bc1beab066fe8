CREATE TABLE "calendar_years" (
	"year" integer PRIMARY KEY NOT NULL,
	"verified" boolean NOT NULL,
	"status_note" text,
	"source" text NOT NULL,
	"holidays" jsonb NOT NULL,
	"working_weekends" jsonb NOT NULL,
	"shortened" jsonb NOT NULL,
	"imported_by_id" integer,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"verified_by_id" integer,
	"verified_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "case_attachments" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "case_attachments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"case_id" bigint NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"description" text,
	"content" "bytea" NOT NULL,
	"uploaded_by_id" integer,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "case_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"case_id" bigint NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" integer,
	"kind" text NOT NULL,
	"text" text,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "case_letters" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "case_letters_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"case_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"outgoing_number" text NOT NULL,
	"content" jsonb NOT NULL,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_method" text,
	"sent_on" date,
	"tracking_number" text,
	"sent_note" text,
	CONSTRAINT "case_letters_outgoingNumber_unique" UNIQUE("outgoing_number")
);
--> statement-breakpoint
CREATE TABLE "case_subjects" (
	"case_id" bigint NOT NULL,
	"subject_id" bigint NOT NULL,
	CONSTRAINT "case_subjects_case_id_subject_id_pk" PRIMARY KEY("case_id","subject_id")
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "cases_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"incoming_number" text NOT NULL,
	"type" text NOT NULL,
	"rule" text NOT NULL,
	"channel" text NOT NULL,
	"requester_kind" text NOT NULL,
	"requester_name" text NOT NULL,
	"requester_address" text,
	"requester_email" text,
	"authority_document" text,
	"rkn_inquiry_number" text,
	"summary" text,
	"received_on" date NOT NULL,
	"registered_on" date NOT NULL,
	"due_on" date NOT NULL,
	"due_provisional" boolean NOT NULL,
	"due_on_day_off" boolean,
	"extended" boolean DEFAULT false NOT NULL,
	"extension_reason" text,
	"status" text DEFAULT 'new' NOT NULL,
	"status_reason" text,
	"assignee_id" integer,
	"created_by_id" integer,
	"answered_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cases_incomingNumber_unique" UNIQUE("incoming_number"),
	CONSTRAINT "cases_requester_documents" CHECK (("cases"."requester_kind" <> 'representative' or "cases"."authority_document" is not null)
        and ("cases"."requester_kind" <> 'rkn' or "cases"."rkn_inquiry_number" is not null))
);
--> statement-breakpoint
CREATE TABLE "registration_counters" (
	"series" text NOT NULL,
	"year" integer NOT NULL,
	"last_value" integer NOT NULL,
	CONSTRAINT "registration_counters_series_year_pk" PRIMARY KEY("series","year")
);
--> statement-breakpoint
CREATE TABLE "saved_views" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "saved_views_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"user_id" integer NOT NULL,
	"name" text NOT NULL,
	"filters" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "calendar_years" ADD CONSTRAINT "calendar_years_imported_by_id_users_id_fk" FOREIGN KEY ("imported_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_years" ADD CONSTRAINT "calendar_years_verified_by_id_users_id_fk" FOREIGN KEY ("verified_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_attachments" ADD CONSTRAINT "case_attachments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_attachments" ADD CONSTRAINT "case_attachments_uploaded_by_id_users_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_letters" ADD CONSTRAINT "case_letters_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_letters" ADD CONSTRAINT "case_letters_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_subjects" ADD CONSTRAINT "case_subjects_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_subjects" ADD CONSTRAINT "case_subjects_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_attachments_case_id_index" ON "case_attachments" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_events_case_id_id_index" ON "case_events" USING btree ("case_id","id");--> statement-breakpoint
CREATE INDEX "case_letters_case_id_index" ON "case_letters" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_subjects_subject_id_index" ON "case_subjects" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "cases_open_due_idx" ON "cases" USING btree ("due_on","id") WHERE "cases"."status" in ('new', 'identity_check', 'in_work');--> statement-breakpoint
CREATE INDEX "cases_open_assignee_due_idx" ON "cases" USING btree ("assignee_id","due_on") WHERE "cases"."status" in ('new', 'identity_check', 'in_work');--> statement-breakpoint
CREATE INDEX "cases_registered_on_id_index" ON "cases" USING btree ("registered_on","id");--> statement-breakpoint
CREATE UNIQUE INDEX "saved_views_user_id_name_index" ON "saved_views" USING btree ("user_id","name");