CREATE TYPE "public"."dispute_follow_up_kind" AS ENUM('after_agreement', 'next_attempt');--> statement-breakpoint
CREATE TYPE "public"."mediation_channel" AS ENUM('police', 'people', 'professional', 'judicial', 'joint');--> statement-breakpoint
CREATE TYPE "public"."dispute_satisfaction_via" AS ENUM('in_person', 'evaluation');--> statement-breakpoint
CREATE TYPE "public"."dispute_session_result" AS ENUM('agreement', 'partial', 'none', 'adjourned');--> statement-breakpoint
CREATE TYPE "public"."dispute_transfer_status" AS ENUM('pending', 'accepted', 'returned', 'done');--> statement-breakpoint
CREATE TABLE "dispute_agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"session_id" uuid,
	"number" text NOT NULL,
	"channel" "mediation_channel" NOT NULL,
	"facts" text NOT NULL,
	"dispute_points" text NOT NULL,
	"responsibilities" text NOT NULL,
	"performance_method" text NOT NULL,
	"performance_place" text NOT NULL,
	"performance_by" date NOT NULL,
	"mediating_body" text NOT NULL,
	"mediator_name" text NOT NULL,
	"copies" integer NOT NULL,
	"signed_on" date NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dispute_duties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"party_id" uuid,
	"description" text NOT NULL,
	"amount_yuan" numeric(14, 2),
	"due_on" date NOT NULL,
	"performed_at" timestamp with time zone,
	"performed_note" text,
	"recorded_by" uuid
);
--> statement-breakpoint
CREATE TABLE "dispute_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"agreement_id" uuid,
	"kind" "dispute_follow_up_kind" NOT NULL,
	"due_on" date NOT NULL,
	"responsible_id" uuid NOT NULL,
	"done_at" timestamp with time zone,
	"performed" boolean,
	"hazard_cleared" boolean,
	"note" text,
	"reminded_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"recorded_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dispute_satisfaction" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"follow_up_id" uuid,
	"party_id" uuid NOT NULL,
	"via" "dispute_satisfaction_via" NOT NULL,
	"evaluation_request_id" uuid,
	"satisfied" boolean,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid
);
--> statement-breakpoint
CREATE TABLE "dispute_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"channel" "mediation_channel" NOT NULL,
	"planned_at" timestamp with time zone NOT NULL,
	"place" text NOT NULL,
	"mediator_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"outside_mediators" text,
	"attendee_party_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"other_attendees" text,
	"notes" text,
	"result" "dispute_session_result",
	"held_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dispute_transfer_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"transfer_id" uuid NOT NULL,
	"text" text NOT NULL,
	"by" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dispute_transfers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"note" text NOT NULL,
	"status" "dispute_transfer_status" DEFAULT 'pending' NOT NULL,
	"sent_by" uuid NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	"return_reason" text,
	"resolved" boolean,
	"result" text,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"unit_path" text NOT NULL,
	"period" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"figures" jsonb NOT NULL,
	"commentary" text DEFAULT '' NOT NULL,
	"generated_at" timestamp with time zone NOT NULL,
	"generated_by" uuid,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dispute_cases" ADD COLUMN "channel" "mediation_channel";--> statement-breakpoint
ALTER TABLE "dispute_cases" ADD COLUMN "receiving_body" text;--> statement-breakpoint
ALTER TABLE "dispute_cases" ADD COLUMN "handler_id" uuid;--> statement-breakpoint
ALTER TABLE "dispute_cases" ADD COLUMN "session_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dispute_cases" ADD COLUMN "session_escalated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dispute_cases" ADD COLUMN "next_attempt_on" date;--> statement-breakpoint
ALTER TABLE "dispute_cases" ADD COLUMN "failed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dispute_cases" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dispute_cases" ADD COLUMN "closed_by" uuid;--> statement-breakpoint
ALTER TABLE "dispute_cases" ADD COLUMN "close_override_reason" text;--> statement-breakpoint
ALTER TABLE "dispute_parties" ADD COLUMN "phone_index" text;--> statement-breakpoint
ALTER TABLE "dispute_parties" ADD COLUMN "guardian_of_id" uuid;--> statement-breakpoint
ALTER TABLE "dispute_agreements" ADD CONSTRAINT "dispute_agreements_case_id_dispute_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."dispute_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_agreements" ADD CONSTRAINT "dispute_agreements_session_id_dispute_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."dispute_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_agreements" ADD CONSTRAINT "dispute_agreements_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_duties" ADD CONSTRAINT "dispute_duties_agreement_id_dispute_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."dispute_agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_duties" ADD CONSTRAINT "dispute_duties_case_id_dispute_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."dispute_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_duties" ADD CONSTRAINT "dispute_duties_party_id_dispute_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."dispute_parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_duties" ADD CONSTRAINT "dispute_duties_recorded_by_staff_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_follow_ups" ADD CONSTRAINT "dispute_follow_ups_case_id_dispute_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."dispute_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_follow_ups" ADD CONSTRAINT "dispute_follow_ups_agreement_id_dispute_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."dispute_agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_follow_ups" ADD CONSTRAINT "dispute_follow_ups_responsible_id_staff_id_fk" FOREIGN KEY ("responsible_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_follow_ups" ADD CONSTRAINT "dispute_follow_ups_recorded_by_staff_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_satisfaction" ADD CONSTRAINT "dispute_satisfaction_case_id_dispute_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."dispute_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_satisfaction" ADD CONSTRAINT "dispute_satisfaction_follow_up_id_dispute_follow_ups_id_fk" FOREIGN KEY ("follow_up_id") REFERENCES "public"."dispute_follow_ups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_satisfaction" ADD CONSTRAINT "dispute_satisfaction_party_id_dispute_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."dispute_parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_satisfaction" ADD CONSTRAINT "dispute_satisfaction_evaluation_request_id_evaluation_requests_id_fk" FOREIGN KEY ("evaluation_request_id") REFERENCES "public"."evaluation_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_satisfaction" ADD CONSTRAINT "dispute_satisfaction_recorded_by_staff_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_sessions" ADD CONSTRAINT "dispute_sessions_case_id_dispute_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."dispute_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_sessions" ADD CONSTRAINT "dispute_sessions_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_sessions" ADD CONSTRAINT "dispute_sessions_recorded_by_staff_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_transfer_updates" ADD CONSTRAINT "dispute_transfer_updates_transfer_id_dispute_transfers_id_fk" FOREIGN KEY ("transfer_id") REFERENCES "public"."dispute_transfers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_transfer_updates" ADD CONSTRAINT "dispute_transfer_updates_by_staff_id_fk" FOREIGN KEY ("by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_transfers" ADD CONSTRAINT "dispute_transfers_case_id_dispute_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."dispute_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_transfers" ADD CONSTRAINT "dispute_transfers_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_transfers" ADD CONSTRAINT "dispute_transfers_sent_by_staff_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_transfers" ADD CONSTRAINT "dispute_transfers_answered_by_staff_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_generated_by_staff_id_fk" FOREIGN KEY ("generated_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_published_by_staff_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dispute_agreements_number_key" ON "dispute_agreements" USING btree ("number");--> statement-breakpoint
CREATE INDEX "dispute_agreements_case_idx" ON "dispute_agreements" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "dispute_duties_case_idx" ON "dispute_duties" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "dispute_duties_due_idx" ON "dispute_duties" USING btree ("due_on");--> statement-breakpoint
CREATE INDEX "dispute_follow_ups_case_idx" ON "dispute_follow_ups" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "dispute_follow_ups_due_idx" ON "dispute_follow_ups" USING btree ("due_on");--> statement-breakpoint
CREATE INDEX "dispute_satisfaction_case_idx" ON "dispute_satisfaction" USING btree ("case_id","party_id","recorded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "dispute_sessions_case_seq_key" ON "dispute_sessions" USING btree ("case_id","seq");--> statement-breakpoint
CREATE INDEX "dispute_transfer_updates_transfer_idx" ON "dispute_transfer_updates" USING btree ("transfer_id","at");--> statement-breakpoint
CREATE INDEX "dispute_transfers_case_idx" ON "dispute_transfers" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "dispute_transfers_department_idx" ON "dispute_transfers" USING btree ("department_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "reports_kind_unit_period_key" ON "reports" USING btree ("kind","unit_id","period");--> statement-breakpoint
CREATE INDEX "reports_unit_idx" ON "reports" USING btree ("unit_id","kind","period");--> statement-breakpoint
ALTER TABLE "dispute_cases" ADD CONSTRAINT "dispute_cases_handler_id_staff_id_fk" FOREIGN KEY ("handler_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_cases" ADD CONSTRAINT "dispute_cases_closed_by_staff_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_parties" ADD CONSTRAINT "dispute_parties_guardian_of_id_dispute_parties_id_fk" FOREIGN KEY ("guardian_of_id") REFERENCES "public"."dispute_parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dispute_cases_handler_idx" ON "dispute_cases" USING btree ("handler_id");--> statement-breakpoint
CREATE INDEX "dispute_cases_station_accepted_idx" ON "dispute_cases" USING btree ("station_id","accepted_at");--> statement-breakpoint
CREATE INDEX "dispute_cases_station_closed_idx" ON "dispute_cases" USING btree ("station_id","closed_at");--> statement-breakpoint
CREATE INDEX "dispute_cases_session_due_idx" ON "dispute_cases" USING btree ("session_due_at");--> statement-breakpoint
CREATE INDEX "dispute_parties_phone_idx" ON "dispute_parties" USING btree ("phone_index");