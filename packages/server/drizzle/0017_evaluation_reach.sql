CREATE TYPE "public"."visit_line" AS ENUM('police', 'cadre', 'grid');--> statement-breakpoint
CREATE TABLE "visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"station_id" uuid NOT NULL,
	"unit_path" text NOT NULL,
	"household_id" uuid NOT NULL,
	"line" "visit_line" NOT NULL,
	"staff_id" uuid NOT NULL,
	"visited_at" timestamp with time zone NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "evaluation_answers" ADD COLUMN "device_key_hash" text;--> statement-breakpoint
ALTER TABLE "evaluation_answers" ADD COLUMN "accepted_by" uuid;--> statement-breakpoint
ALTER TABLE "evaluation_answers" ADD COLUMN "accepted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "evaluation_requests" ADD COLUMN "household_id" uuid;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_station_id_units_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "visits_station_idx" ON "visits" USING btree ("station_id","visited_at");--> statement-breakpoint
CREATE INDEX "visits_household_idx" ON "visits" USING btree ("household_id","visited_at");--> statement-breakpoint
ALTER TABLE "evaluation_answers" ADD CONSTRAINT "evaluation_answers_accepted_by_staff_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_requests" ADD CONSTRAINT "evaluation_requests_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evaluation_answers_device_key_idx" ON "evaluation_answers" USING btree ("device_key_hash","created_at");--> statement-breakpoint
CREATE INDEX "evaluation_requests_household_idx" ON "evaluation_requests" USING btree ("household_id","expires_at");