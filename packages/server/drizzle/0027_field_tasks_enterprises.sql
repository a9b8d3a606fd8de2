CREATE TYPE "public"."volunteer_task_status" AS ENUM('sent', 'accepted', 'done', 'declined', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."address_kind" AS ENUM('household', 'enterprise');--> statement-breakpoint
ALTER TYPE "public"."matter_channel" ADD VALUE 'patrol';--> statement-breakpoint
ALTER TYPE "public"."visit_purpose" ADD VALUE 'inspection';--> statement-breakpoint
CREATE TABLE "volunteer_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"station_id" uuid NOT NULL,
	"unit_path" text NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"title" text NOT NULL,
	"detail" text,
	"place" text NOT NULL,
	"household_id" uuid,
	"matter_id" uuid,
	"due_at" timestamp with time zone,
	"status" "volunteer_task_status" DEFAULT 'sent' NOT NULL,
	"sent_by" uuid NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"done_at" timestamp with time zone,
	"done_note" text,
	"declined_at" timestamp with time zone,
	"decline_reason" text,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patrol_session_matters" (
	"session_id" uuid NOT NULL,
	"matter_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "patrol_session_matters_session_id_matter_id_pk" PRIMARY KEY("session_id","matter_id")
);
--> statement-breakpoint
ALTER TABLE "households" ADD COLUMN "kind" "address_kind" DEFAULT 'household' NOT NULL;--> statement-breakpoint
ALTER TABLE "households" ADD COLUMN "name" text;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "household_kind" "address_kind" DEFAULT 'household' NOT NULL;--> statement-breakpoint
ALTER TABLE "volunteer_tasks" ADD CONSTRAINT "volunteer_tasks_station_id_units_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_tasks" ADD CONSTRAINT "volunteer_tasks_volunteer_id_staff_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_tasks" ADD CONSTRAINT "volunteer_tasks_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_tasks" ADD CONSTRAINT "volunteer_tasks_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_tasks" ADD CONSTRAINT "volunteer_tasks_sent_by_staff_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_session_matters" ADD CONSTRAINT "patrol_session_matters_session_id_patrol_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."patrol_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_session_matters" ADD CONSTRAINT "patrol_session_matters_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "volunteer_tasks_volunteer_idx" ON "volunteer_tasks" USING btree ("volunteer_id","sent_at");--> statement-breakpoint
CREATE INDEX "volunteer_tasks_station_idx" ON "volunteer_tasks" USING btree ("station_id","sent_at");--> statement-breakpoint
CREATE INDEX "volunteer_tasks_matter_idx" ON "volunteer_tasks" USING btree ("matter_id") WHERE "volunteer_tasks"."matter_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "patrol_session_matters_matter_key" ON "patrol_session_matters" USING btree ("matter_id");