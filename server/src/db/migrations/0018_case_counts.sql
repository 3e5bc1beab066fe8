CREATE TABLE "case_counts" (
	"status" text NOT NULL,
	"type" text NOT NULL,
	"channel" text NOT NULL,
	"assignee_id" integer,
	"n" integer NOT NULL
);
--> statement-breakpoint
-- The queue's total comes from case_counts (schema/cases.ts): these triggers add a row of +n / −n per key for every
-- statement that inserts, deletes or changes cases, in the transaction of the change. Statement-level: a bulk change
-- adds one row per key it touched. Only inserts, so concurrent writers never lock one another here; an update that
-- leaves status, type, channel and assignee as they were adds nothing.
CREATE FUNCTION "pd_desk_count_cases"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "case_counts" ("status", "type", "channel", "assignee_id", "n")
      SELECT "status", "type", "channel", "assignee_id", count(*) FROM "counted_after"
      GROUP BY "status", "type", "channel", "assignee_id";
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "case_counts" ("status", "type", "channel", "assignee_id", "n")
      SELECT "status", "type", "channel", "assignee_id", -count(*) FROM "counted_before"
      GROUP BY "status", "type", "channel", "assignee_id";
  ELSE
    INSERT INTO "case_counts" ("status", "type", "channel", "assignee_id", "n")
      SELECT "status", "type", "channel", "assignee_id", sum("n") FROM (
          SELECT "status", "type", "channel", "assignee_id", -1 AS "n" FROM "counted_before"
          UNION ALL
          SELECT "status", "type", "channel", "assignee_id", 1 FROM "counted_after") "moves"
      GROUP BY "status", "type", "channel", "assignee_id" HAVING sum("n") <> 0;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "cases_added_counts" AFTER INSERT ON "cases"
  REFERENCING NEW TABLE AS "counted_after" FOR EACH STATEMENT EXECUTE FUNCTION "pd_desk_count_cases"();--> statement-breakpoint
CREATE TRIGGER "cases_removed_counts" AFTER DELETE ON "cases"
  REFERENCING OLD TABLE AS "counted_before" FOR EACH STATEMENT EXECUTE FUNCTION "pd_desk_count_cases"();--> statement-breakpoint
CREATE TRIGGER "cases_changed_counts" AFTER UPDATE ON "cases"
  REFERENCING OLD TABLE AS "counted_before" NEW TABLE AS "counted_after"
  FOR EACH STATEMENT EXECUTE FUNCTION "pd_desk_count_cases"();--> statement-breakpoint
CREATE FUNCTION "pd_desk_cases_truncated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "case_counts";
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "cases_truncated_counts" AFTER TRUNCATE ON "cases"
  FOR EACH STATEMENT EXECUTE FUNCTION "pd_desk_cases_truncated"();--> statement-breakpoint
INSERT INTO "case_counts" ("status", "type", "channel", "assignee_id", "n")
  SELECT "status", "type", "channel", "assignee_id", count(*) FROM "cases"
  GROUP BY "status", "type", "channel", "assignee_id";
--> statement-breakpoint
-- The queue filters on these four together, and they go together in a clinic (an officer who answers Roskomnadzor
-- takes its inquiries): without the joint statistics the planner multiplies their selectivities, expects a few
-- hundred rows where there are thousands, and sorts them all instead of walking an index in due order.
CREATE STATISTICS "cases_queue_filter_stats" (dependencies, mcv) ON "status", "type", "channel", "assignee_id" FROM "cases";--> statement-breakpoint
ANALYZE "cases";
