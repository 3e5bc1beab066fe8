CREATE TABLE "destruction_acts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "destruction_acts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"number" text NOT NULL,
	"case_id" bigint NOT NULL,
	"plan_id" bigint NOT NULL,
	"subject_id" bigint NOT NULL,
	"destroyed_on" date NOT NULL,
	"entries" jsonb NOT NULL,
	"reason" text NOT NULL,
	"method" text NOT NULL,
	"destruction_tool" text,
	"destroyed_by_id" integer,
	"keep_until" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "destruction_acts_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "withdrawal_plan_lines" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "withdrawal_plan_lines_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"plan_id" bigint NOT NULL,
	"record_id" bigint NOT NULL,
	"proposed_action" text NOT NULL,
	"action" text NOT NULL,
	"basis_text" text NOT NULL,
	"note" text,
	"confirmed" boolean DEFAULT false NOT NULL,
	"done_at" timestamp with time zone,
	"done_by_id" integer,
	"destruction_act_id" bigint
);
--> statement-breakpoint
CREATE TABLE "withdrawal_plans" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "withdrawal_plans_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"case_id" bigint NOT NULL,
	"subject_id" bigint NOT NULL,
	"scope_purpose_ids" jsonb,
	"status" text DEFAULT 'draft' NOT NULL,
	"due_on" date NOT NULL,
	"due_on_day_off" boolean,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_by_id" integer,
	"confirmed_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"answer_letter_id" bigint,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "withdrawal_plans_caseId_unique" UNIQUE("case_id")
);
--> statement-breakpoint
ALTER TABLE "destruction_acts" ADD CONSTRAINT "destruction_acts_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "destruction_acts" ADD CONSTRAINT "destruction_acts_plan_id_withdrawal_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."withdrawal_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "destruction_acts" ADD CONSTRAINT "destruction_acts_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "destruction_acts" ADD CONSTRAINT "destruction_acts_destroyed_by_id_users_id_fk" FOREIGN KEY ("destroyed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "withdrawal_plan_lines" ADD CONSTRAINT "withdrawal_plan_lines_plan_id_withdrawal_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."withdrawal_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "withdrawal_plan_lines" ADD CONSTRAINT "withdrawal_plan_lines_record_id_pd_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."pd_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "withdrawal_plan_lines" ADD CONSTRAINT "withdrawal_plan_lines_done_by_id_users_id_fk" FOREIGN KEY ("done_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "withdrawal_plan_lines" ADD CONSTRAINT "withdrawal_plan_lines_destruction_act_id_destruction_acts_id_fk" FOREIGN KEY ("destruction_act_id") REFERENCES "public"."destruction_acts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "withdrawal_plans" ADD CONSTRAINT "withdrawal_plans_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "withdrawal_plans" ADD CONSTRAINT "withdrawal_plans_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "withdrawal_plans" ADD CONSTRAINT "withdrawal_plans_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "withdrawal_plans" ADD CONSTRAINT "withdrawal_plans_confirmed_by_id_users_id_fk" FOREIGN KEY ("confirmed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "withdrawal_plans" ADD CONSTRAINT "withdrawal_plans_answer_letter_id_case_letters_id_fk" FOREIGN KEY ("answer_letter_id") REFERENCES "public"."case_letters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "destruction_acts_destroyed_on_id_index" ON "destruction_acts" USING btree ("destroyed_on","id");--> statement-breakpoint
CREATE INDEX "destruction_acts_case_id_index" ON "destruction_acts" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "withdrawal_plan_lines_plan_id_record_id_index" ON "withdrawal_plan_lines" USING btree ("plan_id","record_id");--> statement-breakpoint
CREATE INDEX "withdrawal_plan_lines_record_id_index" ON "withdrawal_plan_lines" USING btree ("record_id");