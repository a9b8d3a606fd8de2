CREATE TYPE "public"."matter_kind" AS ENUM('consult', 'service', 'help', 'report', 'dispute', 'suggestion', 'lost_found', 'other');--> statement-breakpoint
CREATE TYPE "public"."matter_rating" AS ENUM('satisfied', 'basically_satisfied', 'unsatisfied');--> statement-breakpoint
CREATE TYPE "public"."matter_status" AS ENUM('submitted', 'accepted', 'invalid', 'dispatched', 'in_progress', 'resolved', 'rated', 'closed', 'merged');--> statement-breakpoint
CREATE TYPE "public"."matter_urgency" AS ENUM('normal', 'urgent');--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"key" uuid PRIMARY KEY NOT NULL,
	"scope" text NOT NULL,
	"request_hash" text NOT NULL,
	"response" jsonb,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "matter_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"matter_id" uuid NOT NULL,
	"type" text NOT NULL,
	"actor_type" text NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"from_status" "matter_status",
	"to_status" "matter_status",
	"note" text,
	"visibility" text DEFAULT 'public' NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "matters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"household_id" uuid NOT NULL,
	"station_id" uuid NOT NULL,
	"unit_path" text NOT NULL,
	"kind" "matter_kind" NOT NULL,
	"category" text,
	"urgency" "matter_urgency" DEFAULT 'normal' NOT NULL,
	"status" "matter_status" DEFAULT 'submitted' NOT NULL,
	"body" text NOT NULL,
	"location" jsonb,
	"contact_phone_enc" text,
	"contact_phone_masked" text,
	"contact_phone_index" text,
	"tracking_hash" text NOT NULL,
	"notice_version" text NOT NULL,
	"assignee_staff_id" uuid,
	"assignee_team_id" uuid,
	"assignee_department_id" uuid,
	"first_response_due_at" timestamp with time zone,
	"take_due_at" timestamp with time zone,
	"resolve_due_at" timestamp with time zone,
	"first_response_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"dispatched_at" timestamp with time zone,
	"taken_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"outcome" text,
	"rating" "matter_rating",
	"rating_comment" text,
	"rated_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"merged_into_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"topics" text[] NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rate_limits_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
ALTER TABLE "matter_events" ADD CONSTRAINT "matter_events_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matters" ADD CONSTRAINT "matters_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matters" ADD CONSTRAINT "matters_station_id_units_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matters" ADD CONSTRAINT "matters_assignee_staff_id_staff_id_fk" FOREIGN KEY ("assignee_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matters" ADD CONSTRAINT "matters_assignee_team_id_teams_id_fk" FOREIGN KEY ("assignee_team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matters" ADD CONSTRAINT "matters_assignee_department_id_departments_id_fk" FOREIGN KEY ("assignee_department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matters" ADD CONSTRAINT "matters_merged_into_id_matters_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "matter_events_matter_idx" ON "matter_events" USING btree ("matter_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "matters_number_key" ON "matters" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "matters_tracking_hash_key" ON "matters" USING btree ("tracking_hash");--> statement-breakpoint
CREATE INDEX "matters_station_status_idx" ON "matters" USING btree ("station_id","status");--> statement-breakpoint
CREATE INDEX "matters_unit_path_idx" ON "matters" USING btree ("unit_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "matters_assignee_staff_idx" ON "matters" USING btree ("assignee_staff_id","status");--> statement-breakpoint
CREATE INDEX "matters_household_idx" ON "matters" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "matters_phone_index_idx" ON "matters" USING btree ("contact_phone_index");--> statement-breakpoint
CREATE INDEX "matters_created_at_idx" ON "matters" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "outbox_created_at_idx" ON "outbox" USING btree ("created_at");