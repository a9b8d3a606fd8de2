-- Photos are keyed by owner instead of a column per domain: owner_type ('household' for a doorplate upload
-- before its matter exists, 'matter'; community rooms and mediation sessions extend the list) and owner_id.
-- The table is renamed and its rows kept: a photo attached to a matter, or uploaded on one, is the matter's;
-- one still pending at a doorplate is its household's.
ALTER TABLE "matter_photos" RENAME TO "photos";--> statement-breakpoint
ALTER TABLE "photos" RENAME CONSTRAINT "matter_photos_pkey" TO "photos_pkey";--> statement-breakpoint
ALTER TABLE "photos" RENAME CONSTRAINT "matter_photos_uploader_staff_id_staff_id_fk" TO "photos_uploader_staff_id_staff_id_fk";--> statement-breakpoint
ALTER INDEX "matter_photos_upload_key_idx" RENAME TO "photos_upload_key_idx";--> statement-breakpoint
ALTER TABLE "photos" ADD COLUMN "owner_type" text;--> statement-breakpoint
ALTER TABLE "photos" ADD COLUMN "owner_id" uuid;--> statement-breakpoint
UPDATE "photos" SET
	"owner_type" = CASE WHEN "matter_id" IS NULL THEN 'household' ELSE 'matter' END,
	"owner_id" = COALESCE("matter_id", "household_id");--> statement-breakpoint
ALTER TABLE "photos" ALTER COLUMN "owner_type" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "photos" ALTER COLUMN "owner_id" SET NOT NULL;--> statement-breakpoint
DROP INDEX "matter_photos_matter_idx";--> statement-breakpoint
DROP INDEX "matter_photos_pending_idx";--> statement-breakpoint
ALTER TABLE "photos" DROP CONSTRAINT "matter_photos_household_id_households_id_fk";--> statement-breakpoint
ALTER TABLE "photos" DROP CONSTRAINT "matter_photos_matter_id_matters_id_fk";--> statement-breakpoint
ALTER TABLE "photos" DROP COLUMN "household_id";--> statement-breakpoint
ALTER TABLE "photos" DROP COLUMN "matter_id";--> statement-breakpoint
CREATE INDEX "photos_owner_idx" ON "photos" USING btree ("owner_type","owner_id");--> statement-breakpoint
CREATE INDEX "photos_pending_idx" ON "photos" USING btree ("created_at") WHERE event_id IS NULL;
