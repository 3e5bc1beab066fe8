CREATE TABLE "subject_addresses" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "subject_addresses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"subject_id" bigint NOT NULL,
	"address" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subject_emails" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "subject_emails_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"subject_id" bigint NOT NULL,
	"raw" text NOT NULL,
	"normalised" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subject_emails_subject_normalised" UNIQUE("subject_id","normalised")
);
--> statement-breakpoint
CREATE TABLE "subject_former_names" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "subject_former_names_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"subject_id" bigint NOT NULL,
	"last_name" text NOT NULL,
	"last_stem" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subject_former_names_subject_last_name" UNIQUE("subject_id","last_name")
);
--> statement-breakpoint
CREATE TABLE "subject_import_jobs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "subject_import_jobs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"status" text DEFAULT 'queued' NOT NULL,
	"file_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"content" text,
	"skip_invalid" boolean NOT NULL,
	"total_rows" integer,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"invalid_rows" integer DEFAULT 0 NOT NULL,
	"problems" jsonb,
	"message" text,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"heartbeat_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "subject_name_words" (
	"word" text PRIMARY KEY NOT NULL,
	"stem" text NOT NULL,
	"skeleton" text NOT NULL,
	"roles" smallint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subject_phones" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "subject_phones_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"subject_id" bigint NOT NULL,
	"raw" text NOT NULL,
	"digits" text NOT NULL,
	"digits_reversed" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subject_phones_subject_digits" UNIQUE("subject_id","digits")
);
--> statement-breakpoint
CREATE TABLE "subjects" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "subjects_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"external_id" text,
	"last_name" text NOT NULL,
	"first_name" text NOT NULL,
	"middle_name" text,
	"birth_date" date,
	"category" text NOT NULL,
	"last_stem" text NOT NULL,
	"first_stem" text NOT NULL,
	"middle_stem" text,
	"merged_into_id" bigint,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subjects_externalId_unique" UNIQUE("external_id")
);
--> statement-breakpoint
ALTER TABLE "subject_addresses" ADD CONSTRAINT "subject_addresses_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_emails" ADD CONSTRAINT "subject_emails_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_former_names" ADD CONSTRAINT "subject_former_names_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_import_jobs" ADD CONSTRAINT "subject_import_jobs_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_phones" ADD CONSTRAINT "subject_phones_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "subject_addresses_subject_id" ON "subject_addresses" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "subject_emails_normalised" ON "subject_emails" USING btree ("normalised");--> statement-breakpoint
CREATE INDEX "subject_former_names_last_stem" ON "subject_former_names" USING btree ("last_stem" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "subject_import_jobs_status" ON "subject_import_jobs" USING btree ("status");--> statement-breakpoint
CREATE INDEX "subject_name_words_stem" ON "subject_name_words" USING btree ("stem");--> statement-breakpoint
CREATE INDEX "subject_name_words_skeleton" ON "subject_name_words" USING btree ("skeleton");--> statement-breakpoint
CREATE INDEX "subject_name_words_trgm" ON "subject_name_words" USING gin ("word" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "subject_name_words_initial_length" ON "subject_name_words" USING btree (left("word", 1),length("word"));--> statement-breakpoint
CREATE INDEX "subject_phones_digits" ON "subject_phones" USING btree ("digits");--> statement-breakpoint
CREATE INDEX "subject_phones_digits_reversed" ON "subject_phones" USING btree ("digits_reversed" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "subjects_search_last_first_middle" ON "subjects" USING btree ("last_stem" text_pattern_ops,"first_stem" text_pattern_ops,"middle_stem" text_pattern_ops) WHERE merged_into_id is null;--> statement-breakpoint
CREATE INDEX "subjects_search_first_middle" ON "subjects" USING btree ("first_stem" text_pattern_ops,"middle_stem" text_pattern_ops) WHERE merged_into_id is null;--> statement-breakpoint
CREATE INDEX "subjects_birth_date" ON "subjects" USING btree ("birth_date") WHERE merged_into_id is null;--> statement-breakpoint
CREATE INDEX "subjects_merged_into_id" ON "subjects" USING btree ("merged_into_id");