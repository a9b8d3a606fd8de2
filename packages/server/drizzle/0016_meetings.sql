CREATE TYPE "public"."meeting_type" AS ENUM('security_briefing', 'community_dialogue', 'landlords', 'work_report');--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"station_id" uuid NOT NULL,
	"unit_path" text NOT NULL,
	"type" "meeting_type" NOT NULL,
	"place" text NOT NULL,
	"held_at" timestamp with time zone NOT NULL,
	"host_staff_id" uuid NOT NULL,
	"attendance" integer DEFAULT 0 NOT NULL,
	"qr_code" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_station_id_units_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_host_staff_id_staff_id_fk" FOREIGN KEY ("host_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "meetings_qr_code_key" ON "meetings" USING btree ("qr_code");--> statement-breakpoint
CREATE INDEX "meetings_station_idx" ON "meetings" USING btree ("station_id","held_at");