DROP INDEX "cases_open_assignee_due_idx";--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "subject_names" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
CREATE INDEX "cases_open_assignee_due_idx" ON "cases" USING btree ("assignee_id","due_on","type","channel") WHERE "cases"."status" in ('new', 'identity_check', 'in_work');--> statement-breakpoint
-- The queue shows each case's people from cases.subject_names (no lookup per row among a million subjects). These
-- triggers keep it in step, in the transaction of the change, whichever path writes: a link added or removed
-- (registration, edit, mail match, block), a link moved (merge, unmerge), a subject renamed or rectified (edit,
-- import). Statement-level: a bulk statement refreshes its cases once. The locks order concurrent writers (subjects
-- before cases, as a rename does) so a link and a rename racing each other cannot leave a stale name behind.
CREATE FUNCTION "pd_desk_refresh_case_subject_names"("case_ids" bigint[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM "case_subjects" cs JOIN "subjects" s ON s."id" = cs."subject_id"
    WHERE cs."case_id" = ANY("case_ids") ORDER BY s."id" FOR SHARE OF s;
  PERFORM 1 FROM "cases" WHERE "id" = ANY("case_ids") ORDER BY "id" FOR UPDATE;
  UPDATE "cases" c SET "subject_names" = coalesce((
      SELECT array_agg(s."last_name" || ' ' || s."first_name" || coalesce(' ' || s."middle_name", '') ORDER BY s."id")
      FROM "case_subjects" cs JOIN "subjects" s ON s."id" = cs."subject_id" WHERE cs."case_id" = c."id"), '{}')
    WHERE c."id" = ANY("case_ids");
END $$;--> statement-breakpoint
CREATE FUNCTION "pd_desk_case_links_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "pd_desk_refresh_case_subject_names"(ARRAY(SELECT DISTINCT "case_id" FROM "changed_links"));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "case_subjects_added_names" AFTER INSERT ON "case_subjects"
  REFERENCING NEW TABLE AS "changed_links" FOR EACH STATEMENT EXECUTE FUNCTION "pd_desk_case_links_changed"();--> statement-breakpoint
CREATE TRIGGER "case_subjects_removed_names" AFTER DELETE ON "case_subjects"
  REFERENCING OLD TABLE AS "changed_links" FOR EACH STATEMENT EXECUTE FUNCTION "pd_desk_case_links_changed"();--> statement-breakpoint
CREATE FUNCTION "pd_desk_case_links_moved"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "pd_desk_refresh_case_subject_names"(ARRAY(
    SELECT "case_id" FROM "moved_from" UNION SELECT "case_id" FROM "moved_to"));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "case_subjects_moved_names" AFTER UPDATE ON "case_subjects"
  REFERENCING OLD TABLE AS "moved_from" NEW TABLE AS "moved_to"
  FOR EACH STATEMENT EXECUTE FUNCTION "pd_desk_case_links_moved"();--> statement-breakpoint
CREATE FUNCTION "pd_desk_subjects_renamed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Most updates of a subject (version, search stems, merge marks) keep the name: those cost one join, no write.
  PERFORM "pd_desk_refresh_case_subject_names"(ARRAY(
    SELECT DISTINCT cs."case_id" FROM "renamed_new" n JOIN "renamed_old" o ON o."id" = n."id"
      JOIN "case_subjects" cs ON cs."subject_id" = n."id"
    WHERE (n."last_name", n."first_name", n."middle_name") IS DISTINCT FROM (o."last_name", o."first_name", o."middle_name")));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "subjects_renamed_case_names" AFTER UPDATE ON "subjects"
  REFERENCING OLD TABLE AS "renamed_old" NEW TABLE AS "renamed_new"
  FOR EACH STATEMENT EXECUTE FUNCTION "pd_desk_subjects_renamed"();--> statement-breakpoint
UPDATE "cases" c SET "subject_names" = names."all"
  FROM (SELECT cs."case_id",
          array_agg(s."last_name" || ' ' || s."first_name" || coalesce(' ' || s."middle_name", '') ORDER BY s."id") AS "all"
        FROM "case_subjects" cs JOIN "subjects" s ON s."id" = cs."subject_id" GROUP BY cs."case_id") names
  WHERE names."case_id" = c."id";
