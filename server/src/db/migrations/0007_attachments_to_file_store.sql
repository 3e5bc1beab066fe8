-- Attachment bytes move to the file store (ADR 0012). SQL cannot write files, so the contents wait in a
-- holding table that the server (or any pd-desk command) empties into the store at start and then drops.
CREATE TABLE "legacy_attachment_contents" ("attachment_id" bigint PRIMARY KEY NOT NULL, "content" bytea NOT NULL);--> statement-breakpoint
INSERT INTO "legacy_attachment_contents" ("attachment_id", "content") SELECT "id", "content" FROM "case_attachments";--> statement-breakpoint
ALTER TABLE "case_attachments" DROP COLUMN "content";
