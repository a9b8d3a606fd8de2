CREATE TYPE "public"."evaluation_callback_outcome" AS ENUM('explained', 'still_unsatisfied', 'rectification');--> statement-breakpoint
CREATE TYPE "public"."evaluation_review_status" AS ENUM('open', 'callback_assigned', 'closed');--> statement-breakpoint
CREATE TABLE "check_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sample_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"knows_officer" boolean,
	"officer_knows" boolean,
	"method" text,
	"answered_at" timestamp with time zone,
	"answered_by" uuid
);
--> statement-breakpoint
CREATE TABLE "check_samples" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"station_id" uuid NOT NULL,
	"station_path" text NOT NULL,
	"officer_staff_id" uuid NOT NULL,
	"inspector_staff_id" uuid NOT NULL,
	"grant_id" uuid NOT NULL,
	"seed" text NOT NULL,
	"population" integer NOT NULL,
	"drawn_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"answer_id" uuid NOT NULL,
	"station_id" uuid NOT NULL,
	"unit_path" text NOT NULL,
	"status" "evaluation_review_status" DEFAULT 'open' NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"callback_staff_id" uuid,
	"assigned_by" uuid,
	"assigned_at" timestamp with time zone,
	"outcome" "evaluation_callback_outcome",
	"outcome_note" text,
	"rectification_due_at" timestamp with time zone,
	"closed_by" uuid,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scope_grant_households" (
	"grant_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	CONSTRAINT "scope_grant_households_grant_id_household_id_pk" PRIMARY KEY("grant_id","household_id")
);
--> statement-breakpoint
ALTER TABLE "evaluation_requests" ADD COLUMN "subject_round" integer;--> statement-breakpoint
ALTER TABLE "evaluation_requests" ADD COLUMN "rated_staff_id" uuid;--> statement-breakpoint
ALTER TABLE "check_items" ADD CONSTRAINT "check_items_sample_id_check_samples_id_fk" FOREIGN KEY ("sample_id") REFERENCES "public"."check_samples"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_items" ADD CONSTRAINT "check_items_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_items" ADD CONSTRAINT "check_items_answered_by_staff_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_samples" ADD CONSTRAINT "check_samples_station_id_units_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_samples" ADD CONSTRAINT "check_samples_officer_staff_id_staff_id_fk" FOREIGN KEY ("officer_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_samples" ADD CONSTRAINT "check_samples_inspector_staff_id_staff_id_fk" FOREIGN KEY ("inspector_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_samples" ADD CONSTRAINT "check_samples_grant_id_scope_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."scope_grants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_samples" ADD CONSTRAINT "check_samples_drawn_by_staff_id_fk" FOREIGN KEY ("drawn_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_reviews" ADD CONSTRAINT "evaluation_reviews_request_id_evaluation_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."evaluation_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_reviews" ADD CONSTRAINT "evaluation_reviews_answer_id_evaluation_answers_id_fk" FOREIGN KEY ("answer_id") REFERENCES "public"."evaluation_answers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_reviews" ADD CONSTRAINT "evaluation_reviews_station_id_units_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_reviews" ADD CONSTRAINT "evaluation_reviews_callback_staff_id_staff_id_fk" FOREIGN KEY ("callback_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_reviews" ADD CONSTRAINT "evaluation_reviews_assigned_by_staff_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_reviews" ADD CONSTRAINT "evaluation_reviews_closed_by_staff_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scope_grant_households" ADD CONSTRAINT "scope_grant_households_grant_id_scope_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."scope_grants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scope_grant_households" ADD CONSTRAINT "scope_grant_households_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "check_items_sample_household_key" ON "check_items" USING btree ("sample_id","household_id");--> statement-breakpoint
CREATE INDEX "check_samples_station_idx" ON "check_samples" USING btree ("station_id");--> statement-breakpoint
CREATE INDEX "check_samples_inspector_idx" ON "check_samples" USING btree ("inspector_staff_id");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_reviews_request_key" ON "evaluation_reviews" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "evaluation_reviews_station_idx" ON "evaluation_reviews" USING btree ("station_id","status","due_at");--> statement-breakpoint
ALTER TABLE "evaluation_requests" ADD CONSTRAINT "evaluation_requests_rated_staff_id_staff_id_fk" FOREIGN KEY ("rated_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;