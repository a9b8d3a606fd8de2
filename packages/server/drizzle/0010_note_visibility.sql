ALTER TABLE "matter_events" ADD COLUMN "note_visibility" text DEFAULT 'public' NOT NULL;--> statement-breakpoint
-- A note on a staff-only event was never the resident's to read.
UPDATE "matter_events" SET "note_visibility" = 'internal' WHERE "visibility" = 'internal';
