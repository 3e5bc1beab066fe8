ALTER TABLE "subject_emails" ALTER COLUMN "normalised" SET DATA TYPE text collate "C";--> statement-breakpoint
ALTER TABLE "subject_phones" ALTER COLUMN "digits" SET DATA TYPE text collate "C";--> statement-breakpoint
ALTER TABLE "subjects" ALTER COLUMN "external_id" SET DATA TYPE text collate "C";