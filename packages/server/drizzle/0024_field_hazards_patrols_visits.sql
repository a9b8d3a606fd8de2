CREATE TYPE "public"."hazard_source" AS ENUM('visit', 'patrol', 'matter', 'inspection', 'report');--> statement-breakpoint
CREATE TYPE "public"."hazard_status" AS ENUM('open', 'rectified', 'verified', 'voided');--> statement-breakpoint
CREATE TYPE "public"."patrol_member_role" AS ENUM('leader', 'member');--> statement-breakpoint
CREATE TYPE "public"."visit_purpose" AS ENUM('routine', 'care', 'follow_up', 'anti_fraud');--> statement-breakpoint
CREATE TABLE "hazards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"station_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"unit_path" text NOT NULL,
	"household_id" uuid,
	"place" text NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"source" "hazard_source" NOT NULL,
	"visit_id" uuid,
	"patrol_session_id" uuid,
	"matter_id" uuid,
	"rectifier" text,
	"responsible_id" uuid NOT NULL,
	"found_by" uuid NOT NULL,
	"found_at" timestamp with time zone NOT NULL,
	"deadline_on" date NOT NULL,
	"status" "hazard_status" DEFAULT 'open' NOT NULL,
	"rectified_at" timestamp with time zone,
	"rectified_by" uuid,
	"rectify_note" text,
	"verified_at" timestamp with time zone,
	"verified_by" uuid,
	"verify_note" text,
	"voided_reason" text,
	"escalated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patrol_checkins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"point_id" uuid NOT NULL,
	"scanned_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patrol_points" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"station_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"unit_path" text NOT NULL,
	"name" text NOT NULL,
	"code" text NOT NULL,
	"place" text,
	"token" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patrol_route_points" (
	"route_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"point_id" uuid NOT NULL,
	CONSTRAINT "patrol_route_points_route_id_seq_pk" PRIMARY KEY("route_id","seq")
);
--> statement-breakpoint
CREATE TABLE "patrol_routes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"station_id" uuid NOT NULL,
	"name" text NOT NULL,
	"note" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patrol_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"station_id" uuid NOT NULL,
	"team_id" uuid,
	"route_id" uuid,
	"started_by" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patrol_team_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"staff_id" uuid,
	"name_sealed" text,
	"role" "patrol_member_role" DEFAULT 'member' NOT NULL,
	"joined_on" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patrol_teams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"station_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"note" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care_visit_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"station_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"unit_path" text NOT NULL,
	"every_days" integer NOT NULL,
	"reason" text,
	"requested_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid,
	"ended_at" timestamp with time zone,
	"ended_by" uuid
);
--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "purpose" "visit_purpose" DEFAULT 'routine' NOT NULL;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "companion_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "other_visitors" text;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "raised_matter_id" uuid;--> statement-breakpoint
ALTER TABLE "visits" ADD COLUMN "raised_dispute_id" uuid;--> statement-breakpoint
ALTER TABLE "hazards" ADD CONSTRAINT "hazards_station_id_units_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazards" ADD CONSTRAINT "hazards_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazards" ADD CONSTRAINT "hazards_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazards" ADD CONSTRAINT "hazards_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazards" ADD CONSTRAINT "hazards_patrol_session_id_patrol_sessions_id_fk" FOREIGN KEY ("patrol_session_id") REFERENCES "public"."patrol_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazards" ADD CONSTRAINT "hazards_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazards" ADD CONSTRAINT "hazards_responsible_id_staff_id_fk" FOREIGN KEY ("responsible_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazards" ADD CONSTRAINT "hazards_found_by_staff_id_fk" FOREIGN KEY ("found_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazards" ADD CONSTRAINT "hazards_rectified_by_staff_id_fk" FOREIGN KEY ("rectified_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazards" ADD CONSTRAINT "hazards_verified_by_staff_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_checkins" ADD CONSTRAINT "patrol_checkins_session_id_patrol_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."patrol_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_checkins" ADD CONSTRAINT "patrol_checkins_point_id_patrol_points_id_fk" FOREIGN KEY ("point_id") REFERENCES "public"."patrol_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_checkins" ADD CONSTRAINT "patrol_checkins_recorded_by_staff_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_points" ADD CONSTRAINT "patrol_points_station_id_units_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_points" ADD CONSTRAINT "patrol_points_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_route_points" ADD CONSTRAINT "patrol_route_points_route_id_patrol_routes_id_fk" FOREIGN KEY ("route_id") REFERENCES "public"."patrol_routes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_route_points" ADD CONSTRAINT "patrol_route_points_point_id_patrol_points_id_fk" FOREIGN KEY ("point_id") REFERENCES "public"."patrol_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_routes" ADD CONSTRAINT "patrol_routes_station_id_units_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_sessions" ADD CONSTRAINT "patrol_sessions_station_id_units_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_sessions" ADD CONSTRAINT "patrol_sessions_team_id_patrol_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."patrol_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_sessions" ADD CONSTRAINT "patrol_sessions_route_id_patrol_routes_id_fk" FOREIGN KEY ("route_id") REFERENCES "public"."patrol_routes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_sessions" ADD CONSTRAINT "patrol_sessions_started_by_staff_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_team_members" ADD CONSTRAINT "patrol_team_members_team_id_patrol_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."patrol_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_team_members" ADD CONSTRAINT "patrol_team_members_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_teams" ADD CONSTRAINT "patrol_teams_station_id_units_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_visit_requests" ADD CONSTRAINT "care_visit_requests_station_id_units_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_visit_requests" ADD CONSTRAINT "care_visit_requests_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_visit_requests" ADD CONSTRAINT "care_visit_requests_recorded_by_staff_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_visit_requests" ADD CONSTRAINT "care_visit_requests_ended_by_staff_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hazards_station_found_idx" ON "hazards" USING btree ("station_id","found_at");--> statement-breakpoint
CREATE INDEX "hazards_open_deadline_idx" ON "hazards" USING btree ("deadline_on") WHERE "hazards"."status" = 'open' AND "hazards"."escalated_at" IS NULL;--> statement-breakpoint
CREATE INDEX "hazards_unit_path_idx" ON "hazards" USING btree ("unit_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "hazards_visit_idx" ON "hazards" USING btree ("visit_id") WHERE "hazards"."visit_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "patrol_checkins_session_point_key" ON "patrol_checkins" USING btree ("session_id","point_id");--> statement-breakpoint
CREATE INDEX "patrol_checkins_point_idx" ON "patrol_checkins" USING btree ("point_id","scanned_at");--> statement-breakpoint
CREATE UNIQUE INDEX "patrol_points_token_key" ON "patrol_points" USING btree ("token");--> statement-breakpoint
CREATE UNIQUE INDEX "patrol_points_station_code_key" ON "patrol_points" USING btree ("station_id","code");--> statement-breakpoint
CREATE INDEX "patrol_points_station_idx" ON "patrol_points" USING btree ("station_id");--> statement-breakpoint
CREATE INDEX "patrol_route_points_point_idx" ON "patrol_route_points" USING btree ("point_id");--> statement-breakpoint
CREATE UNIQUE INDEX "patrol_routes_station_name_key" ON "patrol_routes" USING btree ("station_id","name");--> statement-breakpoint
CREATE INDEX "patrol_sessions_station_idx" ON "patrol_sessions" USING btree ("station_id","started_at");--> statement-breakpoint
CREATE INDEX "patrol_team_members_team_idx" ON "patrol_team_members" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "patrol_team_members_staff_idx" ON "patrol_team_members" USING btree ("staff_id");--> statement-breakpoint
CREATE UNIQUE INDEX "patrol_teams_station_name_key" ON "patrol_teams" USING btree ("station_id","name");--> statement-breakpoint
CREATE INDEX "care_visit_requests_household_idx" ON "care_visit_requests" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "care_visit_requests_station_idx" ON "care_visit_requests" USING btree ("station_id") WHERE "care_visit_requests"."ended_at" IS NULL;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_raised_matter_id_matters_id_fk" FOREIGN KEY ("raised_matter_id") REFERENCES "public"."matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_raised_dispute_id_dispute_cases_id_fk" FOREIGN KEY ("raised_dispute_id") REFERENCES "public"."dispute_cases"("id") ON DELETE no action ON UPDATE no action;