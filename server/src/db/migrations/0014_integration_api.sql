CREATE TABLE "api_idempotency" (
	"system_id" integer NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"status" integer NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "api_idempotency_system_id_key_pk" PRIMARY KEY("system_id","key")
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "api_keys_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"system_id" integer NOT NULL,
	"prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"scopes" jsonb NOT NULL,
	"rate_limit" integer NOT NULL,
	"expires_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by_id" integer,
	CONSTRAINT "api_keys_keyHash_unique" UNIQUE("key_hash")
);
--> statement-breakpoint
CREATE TABLE "integration_change_counter" (
	"id" smallint PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "integration_outbox_dispatch" (
	"outbox_id" bigint PRIMARY KEY NOT NULL,
	"dispatched_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "webhook_deliveries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"subscription_id" integer NOT NULL,
	"outbox_id" bigint NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_attempt_at" timestamp with time zone,
	"last_status" integer,
	"last_error" text,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "webhook_deliveries_subscription_outbox" UNIQUE("subscription_id","outbox_id")
);
--> statement-breakpoint
CREATE TABLE "webhook_subscriptions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "webhook_subscriptions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"system_id" integer NOT NULL,
	"url" text NOT NULL,
	"secret" text NOT NULL,
	"event_types" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "api_idempotency" ADD CONSTRAINT "api_idempotency_system_id_processing_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."processing_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_system_id_processing_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."processing_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_revoked_by_id_users_id_fk" FOREIGN KEY ("revoked_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration_outbox_dispatch" ADD CONSTRAINT "integration_outbox_dispatch_outbox_id_integration_outbox_id_fk" FOREIGN KEY ("outbox_id") REFERENCES "public"."integration_outbox"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_subscription_id_webhook_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."webhook_subscriptions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_outbox_id_integration_outbox_id_fk" FOREIGN KEY ("outbox_id") REFERENCES "public"."integration_outbox"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_subscriptions" ADD CONSTRAINT "webhook_subscriptions_system_id_processing_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."processing_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_one_live_per_system" ON "api_keys" USING btree ("system_id") WHERE revoked_at is null;--> statement-breakpoint
CREATE INDEX "webhook_deliveries_due" ON "webhook_deliveries" USING btree ("next_attempt_at") WHERE delivered_at is null;--> statement-breakpoint
CREATE INDEX "consents_withdrawn_purpose_subject_idx" ON "consents" USING btree ("purpose_id","subject_id") WHERE withdrawn_at is not null;--> statement-breakpoint
CREATE INDEX "pd_records_not_active_purpose_subject_idx" ON "pd_records" USING btree ("purpose_id","subject_id") WHERE state <> 'active';--> statement-breakpoint
INSERT INTO "integration_change_counter" ("id", "version") VALUES (1, 1);--> statement-breakpoint
-- The suppression list's ETag: every statement that may change who must not be contacted bumps one number, so an
-- unchanged list is answered 304 without building it. Statement-level: a bulk import bumps it once.
CREATE FUNCTION "pd_desk_bump_integration_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "integration_change_counter" SET "version" = "version" + 1 WHERE "id" = 1;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "pd_records_bump_integration_version" AFTER INSERT OR UPDATE OR DELETE ON "pd_records"
  FOR EACH STATEMENT EXECUTE FUNCTION "pd_desk_bump_integration_version"();--> statement-breakpoint
CREATE TRIGGER "consents_bump_integration_version" AFTER INSERT OR UPDATE OR DELETE ON "consents"
  FOR EACH STATEMENT EXECUTE FUNCTION "pd_desk_bump_integration_version"();--> statement-breakpoint
CREATE TRIGGER "subject_phones_bump_integration_version" AFTER INSERT OR UPDATE OR DELETE ON "subject_phones"
  FOR EACH STATEMENT EXECUTE FUNCTION "pd_desk_bump_integration_version"();--> statement-breakpoint
CREATE TRIGGER "subject_emails_bump_integration_version" AFTER INSERT OR UPDATE OR DELETE ON "subject_emails"
  FOR EACH STATEMENT EXECUTE FUNCTION "pd_desk_bump_integration_version"();--> statement-breakpoint
CREATE TRIGGER "processing_purposes_bump_integration_version" AFTER INSERT OR UPDATE OR DELETE ON "processing_purposes"
  FOR EACH STATEMENT EXECUTE FUNCTION "pd_desk_bump_integration_version"();--> statement-breakpoint
CREATE TRIGGER "blocks_bump_integration_version" AFTER INSERT OR UPDATE OR DELETE ON "blocks"
  FOR EACH STATEMENT EXECUTE FUNCTION "pd_desk_bump_integration_version"();--> statement-breakpoint
CREATE TRIGGER "block_contacts_bump_integration_version" AFTER INSERT OR UPDATE OR DELETE ON "block_contacts"
  FOR EACH STATEMENT EXECUTE FUNCTION "pd_desk_bump_integration_version"();--> statement-breakpoint
CREATE TRIGGER "block_records_bump_integration_version" AFTER INSERT OR UPDATE OR DELETE ON "block_records"
  FOR EACH STATEMENT EXECUTE FUNCTION "pd_desk_bump_integration_version"();--> statement-breakpoint
CREATE TRIGGER "block_targets_bump_integration_version" AFTER INSERT OR UPDATE OR DELETE ON "block_targets"
  FOR EACH STATEMENT EXECUTE FUNCTION "pd_desk_bump_integration_version"();--> statement-breakpoint
-- The webhook dispatcher LISTENs on this channel: a committed event wakes it at once instead of at the next poll.
CREATE FUNCTION "pd_desk_notify_integration_outbox"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('integration_outbox', '');
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "integration_outbox_notify" AFTER INSERT ON "integration_outbox"
  FOR EACH STATEMENT EXECUTE FUNCTION "pd_desk_notify_integration_outbox"();
