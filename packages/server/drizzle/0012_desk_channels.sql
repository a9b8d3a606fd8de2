CREATE TYPE "public"."matter_channel" AS ENUM('doorplate', 'phone', 'counter', 'police_110', 'hotline_12345');--> statement-breakpoint
ALTER TABLE "matters" ALTER COLUMN "household_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "matters" ADD COLUMN "channel" "matter_channel" DEFAULT 'doorplate' NOT NULL;--> statement-breakpoint
ALTER TABLE "matters" ADD COLUMN "external_no" text;--> statement-breakpoint
ALTER TABLE "matters" ADD COLUMN "place_note" text;--> statement-breakpoint
ALTER TABLE "matters" ADD COLUMN "recorded_by_staff_id" uuid;--> statement-breakpoint
ALTER TABLE "matters" ADD COLUMN "sms_consent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "matters" ADD COLUMN "receipt_sms" text;--> statement-breakpoint
ALTER TABLE "matters" ADD CONSTRAINT "matters_recorded_by_staff_id_staff_id_fk" FOREIGN KEY ("recorded_by_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "matters_external_no_key" ON "matters" USING btree ("channel","external_no") WHERE external_no IS NOT NULL;--> statement-breakpoint
CREATE INDEX "matters_channel_idx" ON "matters" USING btree ("station_id","channel");--> statement-breakpoint
ALTER TABLE "matters" ADD CONSTRAINT "matters_place_check" CHECK (household_id IS NOT NULL OR channel <> 'doorplate');