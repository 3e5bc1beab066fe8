CREATE TABLE "mail_items" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "mail_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"channel" text NOT NULL,
	"case_id" bigint,
	"received_on" date NOT NULL,
	"postmark_on" date,
	"sender_name" text,
	"return_address" text,
	"birth_date" date,
	"phone" text,
	"email" text,
	"signed" boolean NOT NULL,
	"representative" boolean DEFAULT false NOT NULL,
	"authority_document" text,
	"kind" text NOT NULL,
	"withdrawal" boolean NOT NULL,
	"scope_all" boolean DEFAULT true NOT NULL,
	"scope_purposes" text[] DEFAULT '{}'::text[] NOT NULL,
	"subject_id" bigint,
	"match_status" text DEFAULT 'pending' NOT NULL,
	"ocr_fields" jsonb,
	"confirmed_fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"ocr_text" text,
	"message_id" text,
	"content_hash" text,
	"email_subject" text,
	"body_text" text,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mail_scans" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "mail_scans_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"item_id" bigint,
	"case_attachment_id" bigint,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"page_count" integer DEFAULT 1 NOT NULL,
	"source" text,
	"ocr_status" text DEFAULT 'queued' NOT NULL,
	"ocr_progress" real DEFAULT 0 NOT NULL,
	"ocr_text" text,
	"ocr_fields" jsonb,
	"ocr_withdrawal" boolean,
	"ocr_scope" jsonb,
	"uploaded_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mail_items" ADD CONSTRAINT "mail_items_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_items" ADD CONSTRAINT "mail_items_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_items" ADD CONSTRAINT "mail_items_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_scans" ADD CONSTRAINT "mail_scans_item_id_mail_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."mail_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_scans" ADD CONSTRAINT "mail_scans_case_attachment_id_case_attachments_id_fk" FOREIGN KEY ("case_attachment_id") REFERENCES "public"."case_attachments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_scans" ADD CONSTRAINT "mail_scans_uploaded_by_id_users_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mail_items_received_on_id_index" ON "mail_items" USING btree ("received_on","id");--> statement-breakpoint
CREATE INDEX "mail_items_case_id_index" ON "mail_items" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "mail_items_email_index" ON "mail_items" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "mail_items_message_id_uq" ON "mail_items" USING btree ("message_id") WHERE "mail_items"."message_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "mail_items_content_hash_uq" ON "mail_items" USING btree ("content_hash") WHERE "mail_items"."content_hash" is not null;--> statement-breakpoint
CREATE INDEX "mail_items_ocr_text_trgm" ON "mail_items" USING gin ("ocr_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "mail_items_sender_trgm" ON "mail_items" USING gin ("sender_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "mail_scans_item_id_index" ON "mail_scans" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "mail_scans_ocr_queue_idx" ON "mail_scans" USING btree ("id") WHERE "mail_scans"."ocr_status" in ('queued', 'running');--> statement-breakpoint
CREATE UNIQUE INDEX "mail_scans_source_uq" ON "mail_scans" USING btree ("source") WHERE "mail_scans"."source" is not null;