CREATE TYPE "public"."fraud_contact_method" AS ENUM('phone', 'visit', 'family', 'bank');--> statement-breakpoint
CREATE TYPE "public"."fraud_feedback_mode" AS ENUM('webhook', 'pull');--> statement-breakpoint
CREATE TYPE "public"."fraud_feedback_status" AS ENUM('none', 'pending', 'sent', 'failed');--> statement-breakpoint
CREATE TYPE "public"."fraud_level" AS ENUM('high', 'medium', 'low');--> statement-breakpoint
CREATE TYPE "public"."fraud_outcome" AS ENUM('dissuaded', 'defrauded', 'unreachable', 'false_alarm');--> statement-breakpoint
CREATE TYPE "public"."fraud_status" AS ENUM('open', 'verified');--> statement-breakpoint
CREATE TYPE "public"."fraud_type" AS ENUM('rebate', 'investment', 'shopping', 'customer_service', 'loan', 'credit', 'acquaintance', 'authority', 'romance', 'game', 'ai_imitation', 'other');--> statement-breakpoint
CREATE TYPE "public"."warning_priority" AS ENUM('urgent', 'advisory', 'community');--> statement-breakpoint
CREATE TYPE "public"."warning_status" AS ENUM('draft', 'in_review', 'scheduled', 'sent', 'withdrawn');--> statement-breakpoint
CREATE TABLE "media_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_type" text,
	"owner_id" uuid,
	"kind" text NOT NULL,
	"mime" text NOT NULL,
	"bytes" integer NOT NULL,
	"digest" text NOT NULL,
	"data" "bytea" NOT NULL,
	"uploader_staff_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fraud_instructions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"station_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"unit_path" text NOT NULL,
	"household_id" uuid,
	"upstream_id" uuid,
	"external_id" text,
	"content_digest" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"name_enc" text,
	"name_masked" text NOT NULL,
	"phone_enc" text,
	"phone_masked" text NOT NULL,
	"address_enc" text,
	"detail_enc" text,
	"fraud_type" "fraud_type" NOT NULL,
	"level" "fraud_level" NOT NULL,
	"deadline_at" timestamp with time zone NOT NULL,
	"status" "fraud_status" DEFAULT 'open' NOT NULL,
	"assignee_id" uuid,
	"routed_to" text NOT NULL,
	"warned_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"method" "fraud_contact_method",
	"contacted_at" timestamp with time zone,
	"outcome" "fraud_outcome",
	"amount_lost" integer,
	"amount_prevented" integer,
	"attempts" integer,
	"follow_ups" text[] DEFAULT '{}'::text[] NOT NULL,
	"note_enc" text,
	"verified_at" timestamp with time zone,
	"verified_by" uuid,
	"feedback_status" "fraud_feedback_status" DEFAULT 'none' NOT NULL,
	"feedback_sent_at" timestamp with time zone,
	"feedback_attempts" integer DEFAULT 0 NOT NULL,
	"feedback_next_at" timestamp with time zone,
	"feedback_error" text,
	"feedback_seq" bigint,
	"purged_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fraud_upstreams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"unit_path" text NOT NULL,
	"name" text NOT NULL,
	"key_prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"allowed_ips" text[] NOT NULL,
	"feedback" "fraud_feedback_mode" NOT NULL,
	"webhook_url" text,
	"webhook_secret_enc" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"last_used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "warning_reach" (
	"warning_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"opened" integer DEFAULT 0 NOT NULL,
	"acknowledged" integer DEFAULT 0 NOT NULL,
	"thanks" integer DEFAULT 0 NOT NULL,
	"likes" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "warning_reach_warning_id_unit_id_pk" PRIMARY KEY("warning_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "warning_receipts" (
	"warning_id" uuid NOT NULL,
	"device_hash" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"opened_at" timestamp with time zone,
	"acked_at" timestamp with time zone,
	"thanked_at" timestamp with time zone,
	"liked_at" timestamp with time zone,
	CONSTRAINT "warning_receipts_warning_id_device_hash_pk" PRIMARY KEY("warning_id","device_hash")
);
--> statement-breakpoint
CREATE TABLE "warning_replies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"warning_id" uuid NOT NULL,
	"phone_index" text NOT NULL,
	"unit_id" uuid,
	"body" text NOT NULL,
	"answer" text,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "warning_sms_days" (
	"station_id" uuid NOT NULL,
	"day" date NOT NULL,
	"sent" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "warning_sms_days_station_id_day_pk" PRIMARY KEY("station_id","day")
);
--> statement-breakpoint
CREATE TABLE "warning_subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"station_id" uuid NOT NULL,
	"phone_index" text NOT NULL,
	"phone_enc" text NOT NULL,
	"household_id" uuid NOT NULL,
	"unit_path" text NOT NULL,
	"categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"sms" boolean DEFAULT false NOT NULL,
	"sms_opted_at" timestamp with time zone,
	"sms_stopped_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "warnings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"station_id" uuid NOT NULL,
	"station_path" text NOT NULL,
	"category" text NOT NULL,
	"priority" "warning_priority" NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"ack_required" boolean DEFAULT false NOT NULL,
	"expires_at" timestamp with time zone,
	"status" "warning_status" DEFAULT 'draft' NOT NULL,
	"target_unit_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"target_paths" text[] DEFAULT '{}'::text[] NOT NULL,
	"target_room_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"target_subscribers" boolean DEFAULT false NOT NULL,
	"sms" boolean DEFAULT false NOT NULL,
	"sms_text" text,
	"sms_sent" integer DEFAULT 0 NOT NULL,
	"sms_cursor" uuid,
	"sms_done_at" timestamp with time zone,
	"delivered_households" integer DEFAULT 0 NOT NULL,
	"scheduled_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"correction" text,
	"receipts_purged_at" timestamp with time zone,
	"author_id" uuid NOT NULL,
	"reviewer_id" uuid,
	"reviewed_at" timestamp with time zone,
	"review_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "households" ADD COLUMN "first_scanned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "media_files" ADD CONSTRAINT "media_files_uploader_staff_id_staff_id_fk" FOREIGN KEY ("uploader_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fraud_instructions" ADD CONSTRAINT "fraud_instructions_station_id_units_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fraud_instructions" ADD CONSTRAINT "fraud_instructions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fraud_instructions" ADD CONSTRAINT "fraud_instructions_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fraud_instructions" ADD CONSTRAINT "fraud_instructions_upstream_id_fraud_upstreams_id_fk" FOREIGN KEY ("upstream_id") REFERENCES "public"."fraud_upstreams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fraud_instructions" ADD CONSTRAINT "fraud_instructions_assignee_id_staff_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fraud_instructions" ADD CONSTRAINT "fraud_instructions_verified_by_staff_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fraud_instructions" ADD CONSTRAINT "fraud_instructions_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fraud_upstreams" ADD CONSTRAINT "fraud_upstreams_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fraud_upstreams" ADD CONSTRAINT "fraud_upstreams_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warning_reach" ADD CONSTRAINT "warning_reach_warning_id_warnings_id_fk" FOREIGN KEY ("warning_id") REFERENCES "public"."warnings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warning_reach" ADD CONSTRAINT "warning_reach_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warning_receipts" ADD CONSTRAINT "warning_receipts_warning_id_warnings_id_fk" FOREIGN KEY ("warning_id") REFERENCES "public"."warnings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warning_replies" ADD CONSTRAINT "warning_replies_warning_id_warnings_id_fk" FOREIGN KEY ("warning_id") REFERENCES "public"."warnings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warning_replies" ADD CONSTRAINT "warning_replies_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warning_replies" ADD CONSTRAINT "warning_replies_answered_by_staff_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warning_sms_days" ADD CONSTRAINT "warning_sms_days_station_id_units_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warning_subscriptions" ADD CONSTRAINT "warning_subscriptions_station_id_units_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warning_subscriptions" ADD CONSTRAINT "warning_subscriptions_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warnings" ADD CONSTRAINT "warnings_station_id_units_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warnings" ADD CONSTRAINT "warnings_author_id_staff_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warnings" ADD CONSTRAINT "warnings_reviewer_id_staff_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "media_files_owner_idx" ON "media_files" USING btree ("owner_type","owner_id");--> statement-breakpoint
CREATE INDEX "media_files_pending_idx" ON "media_files" USING btree ("created_at") WHERE owner_id IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "fraud_instructions_number_key" ON "fraud_instructions" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "fraud_instructions_external_key" ON "fraud_instructions" USING btree ("upstream_id","external_id") WHERE "fraud_instructions"."upstream_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "fraud_instructions_station_idx" ON "fraud_instructions" USING btree ("station_id","received_at");--> statement-breakpoint
CREATE INDEX "fraud_instructions_assignee_idx" ON "fraud_instructions" USING btree ("assignee_id","status");--> statement-breakpoint
CREATE INDEX "fraud_instructions_open_idx" ON "fraud_instructions" USING btree ("deadline_at") WHERE "fraud_instructions"."status" = 'open';--> statement-breakpoint
CREATE INDEX "fraud_instructions_feedback_idx" ON "fraud_instructions" USING btree ("feedback_next_at") WHERE "fraud_instructions"."feedback_status" IN ('pending', 'failed');--> statement-breakpoint
CREATE INDEX "fraud_instructions_pull_idx" ON "fraud_instructions" USING btree ("upstream_id","feedback_seq");--> statement-breakpoint
CREATE UNIQUE INDEX "fraud_upstreams_key_prefix_key" ON "fraud_upstreams" USING btree ("key_prefix");--> statement-breakpoint
CREATE INDEX "fraud_upstreams_unit_idx" ON "fraud_upstreams" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "warning_replies_warning_idx" ON "warning_replies" USING btree ("warning_id","created_at");--> statement-breakpoint
CREATE INDEX "warning_replies_phone_idx" ON "warning_replies" USING btree ("phone_index");--> statement-breakpoint
CREATE UNIQUE INDEX "warning_subscriptions_phone_key" ON "warning_subscriptions" USING btree ("station_id","phone_index");--> statement-breakpoint
CREATE INDEX "warning_subscriptions_path_idx" ON "warning_subscriptions" USING btree ("unit_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "warning_subscriptions_phone_idx" ON "warning_subscriptions" USING btree ("phone_index");--> statement-breakpoint
CREATE INDEX "warnings_station_created_idx" ON "warnings" USING btree ("station_id","created_at");--> statement-breakpoint
CREATE INDEX "warnings_live_idx" ON "warnings" USING btree ("station_id","sent_at") WHERE "warnings"."status" IN ('sent', 'withdrawn');--> statement-breakpoint
CREATE INDEX "warnings_scheduled_idx" ON "warnings" USING btree ("scheduled_at") WHERE "warnings"."status" = 'scheduled';--> statement-breakpoint
CREATE SEQUENCE IF NOT EXISTS "fraud_number_seq";--> statement-breakpoint
CREATE SEQUENCE IF NOT EXISTS "fraud_feedback_seq";
