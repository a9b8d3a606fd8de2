CREATE TYPE "public"."dispute_category" AS ENUM('land_demolition', 'labour', 'public_order', 'safety', 'other');--> statement-breakpoint
CREATE TYPE "public"."dispute_level" AS ENUM('extreme', 'major', 'serious', 'ordinary', 'simple');--> statement-breakpoint
CREATE TYPE "public"."dispute_source" AS ENUM('matter', 'walk_in', 'phone', 'police_110', 'proactive');--> statement-breakpoint
CREATE TYPE "public"."dispute_status" AS ENUM('accepted', 'mediating', 'transferred', 'following_up', 'failed', 'closed');--> statement-breakpoint
CREATE TYPE "public"."dispute_party_kind" AS ENUM('person', 'organisation');--> statement-breakpoint
CREATE TYPE "public"."dispute_party_role" AS ENUM('applicant', 'respondent', 'other');--> statement-breakpoint
CREATE TABLE "dispute_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"level" "dispute_level" NOT NULL,
	"factors" jsonb NOT NULL,
	"note" text,
	"assessed_by" uuid NOT NULL,
	"assessed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dispute_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"station_id" uuid NOT NULL,
	"unit_path" text NOT NULL,
	"household_id" uuid,
	"matter_id" uuid,
	"source" "dispute_source" NOT NULL,
	"category" "dispute_category" NOT NULL,
	"subcategory" text,
	"title" text NOT NULL,
	"facts" text NOT NULL,
	"level" "dispute_level",
	"colour_scheme" text NOT NULL,
	"colour" text,
	"status" "dispute_status" DEFAULT 'accepted' NOT NULL,
	"collective" boolean DEFAULT false NOT NULL,
	"accepted_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dispute_colour_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"scheme" text NOT NULL,
	"from_colour" text,
	"to_colour" text NOT NULL,
	"reason" text NOT NULL,
	"changed_by" uuid NOT NULL,
	"changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dispute_parties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" "dispute_party_kind" NOT NULL,
	"role" "dispute_party_role" NOT NULL,
	"name_enc" text NOT NULL,
	"name_masked" text NOT NULL,
	"relation" text,
	"phone_enc" text,
	"phone_masked" text,
	"id_number_enc" text,
	"id_number_masked" text,
	"birth_date" text,
	"household_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dispute_assessments" ADD CONSTRAINT "dispute_assessments_case_id_dispute_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."dispute_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_assessments" ADD CONSTRAINT "dispute_assessments_assessed_by_staff_id_fk" FOREIGN KEY ("assessed_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_cases" ADD CONSTRAINT "dispute_cases_station_id_units_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_cases" ADD CONSTRAINT "dispute_cases_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_cases" ADD CONSTRAINT "dispute_cases_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_cases" ADD CONSTRAINT "dispute_cases_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_colour_changes" ADD CONSTRAINT "dispute_colour_changes_case_id_dispute_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."dispute_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_colour_changes" ADD CONSTRAINT "dispute_colour_changes_changed_by_staff_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_parties" ADD CONSTRAINT "dispute_parties_case_id_dispute_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."dispute_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_parties" ADD CONSTRAINT "dispute_parties_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dispute_assessments_case_idx" ON "dispute_assessments" USING btree ("case_id","assessed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "dispute_cases_number_key" ON "dispute_cases" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "dispute_cases_matter_key" ON "dispute_cases" USING btree ("matter_id");--> statement-breakpoint
CREATE INDEX "dispute_cases_station_idx" ON "dispute_cases" USING btree ("station_id","status","accepted_at");--> statement-breakpoint
CREATE INDEX "dispute_colour_changes_case_idx" ON "dispute_colour_changes" USING btree ("case_id","changed_at");--> statement-breakpoint
CREATE INDEX "dispute_parties_case_idx" ON "dispute_parties" USING btree ("case_id");--> statement-breakpoint
CREATE SEQUENCE dispute_number_seq;
