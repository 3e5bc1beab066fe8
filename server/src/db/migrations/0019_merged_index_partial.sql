DROP INDEX "subjects_merged_into_id";--> statement-breakpoint
CREATE INDEX "subjects_merged_into_id" ON "subjects" USING btree ("merged_into_id") WHERE merged_into_id is not null;