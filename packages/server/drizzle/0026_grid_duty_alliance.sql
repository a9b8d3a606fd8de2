CREATE TABLE "volunteer_profiles" (
	"staff_id" uuid PRIMARY KEY NOT NULL,
	"station_id" uuid NOT NULL,
	"phone_index" text NOT NULL,
	"kind" text NOT NULL,
	"duties" text[] DEFAULT '{}'::text[] NOT NULL,
	"applied_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approved_at" timestamp with time zone,
	"approved_by" uuid,
	"suspended_at" timestamp with time zone,
	"suspended_by" uuid,
	"suspend_reason" text
);
--> statement-breakpoint
CREATE TABLE "household_group_members" (
	"group_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	CONSTRAINT "household_group_members_group_id_household_id_pk" PRIMARY KEY("group_id","household_id")
);
--> statement-breakpoint
CREATE TABLE "household_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"station_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"unit_path" text NOT NULL,
	"name" text NOT NULL,
	"leader_household_id" uuid,
	"leader_name_enc" text,
	"leader_name_masked" text,
	"leader_phone_enc" text,
	"leader_phone_masked" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_responsibilities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"station_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"unit_path" text NOT NULL,
	"role_key" text NOT NULL,
	"staff_id" uuid,
	"holder_name_enc" text,
	"holder_name_masked" text,
	"holder_phone_enc" text,
	"holder_phone_masked" text,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "unit_responsibilities_holder_check" CHECK ("unit_responsibilities"."staff_id" IS NOT NULL OR "unit_responsibilities"."holder_name_enc" IS NOT NULL)
);
--> statement-breakpoint
ALTER TABLE "volunteer_profiles" ADD CONSTRAINT "volunteer_profiles_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_profiles" ADD CONSTRAINT "volunteer_profiles_station_id_units_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_profiles" ADD CONSTRAINT "volunteer_profiles_approved_by_staff_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_profiles" ADD CONSTRAINT "volunteer_profiles_suspended_by_staff_id_fk" FOREIGN KEY ("suspended_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_group_members" ADD CONSTRAINT "household_group_members_group_id_household_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."household_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_group_members" ADD CONSTRAINT "household_group_members_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_groups" ADD CONSTRAINT "household_groups_station_id_units_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_groups" ADD CONSTRAINT "household_groups_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_groups" ADD CONSTRAINT "household_groups_leader_household_id_households_id_fk" FOREIGN KEY ("leader_household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_responsibilities" ADD CONSTRAINT "unit_responsibilities_station_id_units_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_responsibilities" ADD CONSTRAINT "unit_responsibilities_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_responsibilities" ADD CONSTRAINT "unit_responsibilities_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_responsibilities" ADD CONSTRAINT "unit_responsibilities_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "volunteer_profiles_phone_key" ON "volunteer_profiles" USING btree ("phone_index");--> statement-breakpoint
CREATE INDEX "volunteer_profiles_station_idx" ON "volunteer_profiles" USING btree ("station_id");--> statement-breakpoint
CREATE UNIQUE INDEX "household_group_members_household_key" ON "household_group_members" USING btree ("household_id");--> statement-breakpoint
CREATE UNIQUE INDEX "household_groups_unit_name_key" ON "household_groups" USING btree ("unit_id","name");--> statement-breakpoint
CREATE INDEX "household_groups_station_idx" ON "household_groups" USING btree ("station_id");--> statement-breakpoint
CREATE INDEX "unit_responsibilities_unit_idx" ON "unit_responsibilities" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "unit_responsibilities_station_idx" ON "unit_responsibilities" USING btree ("station_id");--> statement-breakpoint
CREATE UNIQUE INDEX "unit_responsibilities_staff_key" ON "unit_responsibilities" USING btree ("unit_id","role_key","staff_id") WHERE "unit_responsibilities"."staff_id" IS NOT NULL;