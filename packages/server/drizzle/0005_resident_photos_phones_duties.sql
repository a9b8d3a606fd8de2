CREATE TYPE "public"."grid_duty" AS ENUM('responsible_officer', 'auxiliary', 'grid_member');--> statement-breakpoint
CREATE TABLE "matter_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid,
	"matter_id" uuid,
	"event_id" bigint,
	"uploader_type" text NOT NULL,
	"uploader_staff_id" uuid,
	"upload_key" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"mime" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"bytes" integer NOT NULL,
	"digest" text NOT NULL,
	"data" "bytea" NOT NULL,
	"thumb" "bytea" NOT NULL,
	"location" jsonb,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "phone_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"phone_index" text NOT NULL,
	"code_hash" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"consumed_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "phone_sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"phone_index" text NOT NULL,
	"phone_enc" text NOT NULL,
	"phone_masked" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_duties" (
	"unit_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"duty" "grid_duty" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "unit_duties_unit_id_staff_id_duty_pk" PRIMARY KEY("unit_id","staff_id","duty")
);
--> statement-breakpoint
ALTER TABLE "matters" ADD COLUMN "version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "matters" ADD COLUMN "intake_key" uuid;--> statement-breakpoint
ALTER TABLE "matter_photos" ADD CONSTRAINT "matter_photos_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_photos" ADD CONSTRAINT "matter_photos_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_photos" ADD CONSTRAINT "matter_photos_uploader_staff_id_staff_id_fk" FOREIGN KEY ("uploader_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_duties" ADD CONSTRAINT "unit_duties_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_duties" ADD CONSTRAINT "unit_duties_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "matter_photos_matter_idx" ON "matter_photos" USING btree ("matter_id");--> statement-breakpoint
CREATE INDEX "matter_photos_upload_key_idx" ON "matter_photos" USING btree ("upload_key","ordinal");--> statement-breakpoint
CREATE INDEX "matter_photos_pending_idx" ON "matter_photos" USING btree ("created_at") WHERE matter_id IS NULL;--> statement-breakpoint
CREATE INDEX "phone_codes_phone_idx" ON "phone_codes" USING btree ("phone_index","created_at");--> statement-breakpoint
CREATE INDEX "phone_sessions_expires_idx" ON "phone_sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "unit_duties_staff_idx" ON "unit_duties" USING btree ("staff_id");--> statement-breakpoint
CREATE UNIQUE INDEX "matters_intake_key_key" ON "matters" USING btree ("intake_key");