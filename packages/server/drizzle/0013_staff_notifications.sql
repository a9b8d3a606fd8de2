CREATE TYPE "public"."notify_channel" AS ENUM('wecom', 'sms', 'browser', 'log');--> statement-breakpoint
CREATE TYPE "public"."notify_delivery_status" AS ENUM('pending', 'sent', 'failed', 'skipped');--> statement-breakpoint
CREATE TYPE "public"."notify_reason" AS ENUM('dispatched', 'transferred', 'chased', 'deadline_near', 'breached', 'reopened', 'test');--> statement-breakpoint
CREATE TABLE "notify_cursors" (
	"name" text PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notify_deliveries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"event_seq" bigint,
	"reason" "notify_reason" NOT NULL,
	"matter_id" uuid,
	"staff_id" uuid NOT NULL,
	"channel" "notify_channel" NOT NULL,
	"urgent" boolean DEFAULT false NOT NULL,
	"status" "notify_delivery_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notify_preferences" (
	"staff_id" uuid PRIMARY KEY NOT NULL,
	"channels" text[] DEFAULT '{}'::text[] NOT NULL,
	"quiet_start_minute" integer,
	"quiet_end_minute" integer,
	"wecom_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notify_preferences_quiet_hours" CHECK (("notify_preferences"."quiet_start_minute" IS NULL) = ("notify_preferences"."quiet_end_minute" IS NULL)
        AND coalesce("notify_preferences"."quiet_start_minute" BETWEEN 0 AND 1439, true) AND coalesce("notify_preferences"."quiet_end_minute" BETWEEN 0 AND 1439, true))
);
--> statement-breakpoint
ALTER TABLE "notify_deliveries" ADD CONSTRAINT "notify_deliveries_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notify_deliveries" ADD CONSTRAINT "notify_deliveries_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notify_preferences" ADD CONSTRAINT "notify_preferences_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "notify_deliveries_event_staff_channel_key" ON "notify_deliveries" USING btree ("event_seq","staff_id","channel");--> statement-breakpoint
CREATE INDEX "notify_deliveries_due_idx" ON "notify_deliveries" USING btree ("next_attempt_at") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "notify_deliveries_staff_idx" ON "notify_deliveries" USING btree ("staff_id","created_at");