CREATE TYPE "public"."beat_duty" AS ENUM('responsible_officer', 'auxiliary');--> statement-breakpoint
CREATE TABLE "police_beat_areas" (
	"beat_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	CONSTRAINT "police_beat_areas_beat_id_unit_id_pk" PRIMARY KEY("beat_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "police_beat_staff" (
	"beat_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"duty" "beat_duty" NOT NULL,
	CONSTRAINT "police_beat_staff_beat_id_staff_id_pk" PRIMARY KEY("beat_id","staff_id")
);
--> statement-breakpoint
CREATE TABLE "police_beats" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"station_id" uuid NOT NULL,
	"name" text NOT NULL,
	"code" text,
	"office_id" uuid,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
-- Each responsible officer a station named on its grids and villages becomes a beat covering them; the grid
-- duties keep only who serves a place directly (auxiliaries, grid members).
CREATE TEMP TABLE "beat_move" AS
SELECT gen_random_uuid() AS "beat_id", x."station_id", x."staff_id",
       x."display_name" || '责任区' ||
       CASE WHEN count(*) OVER (PARTITION BY x."station_id", x."display_name") > 1
            THEN '（' || row_number() OVER (PARTITION BY x."station_id", x."display_name" ORDER BY x."staff_id") || '）'
            ELSE '' END AS "name"
  FROM (SELECT DISTINCT st."id" AS "station_id", s."id" AS "staff_id", s."display_name"
          FROM "unit_duties" d JOIN "staff" s ON s."id" = d."staff_id" JOIN "units" u ON u."id" = d."unit_id"
          JOIN "units" st ON st."kind" = 'station' AND starts_with(u."path", st."path")
         WHERE d."duty" = 'responsible_officer') x;--> statement-breakpoint
INSERT INTO "police_beats" ("id", "station_id", "name") SELECT "beat_id", "station_id", "name" FROM "beat_move";--> statement-breakpoint
INSERT INTO "police_beat_staff" ("beat_id", "staff_id", "duty")
SELECT "beat_id", "staff_id", 'responsible_officer' FROM "beat_move";--> statement-breakpoint
INSERT INTO "police_beat_areas" ("beat_id", "unit_id")
SELECT DISTINCT m."beat_id", d."unit_id"
  FROM "unit_duties" d JOIN "units" u ON u."id" = d."unit_id" JOIN "units" st ON starts_with(u."path", st."path")
  JOIN "beat_move" m ON m."staff_id" = d."staff_id" AND m."station_id" = st."id"
 WHERE d."duty" = 'responsible_officer';--> statement-breakpoint
DELETE FROM "unit_duties" WHERE "duty" = 'responsible_officer';--> statement-breakpoint
DROP TABLE "beat_move";--> statement-breakpoint
ALTER TABLE "unit_duties" ALTER COLUMN "duty" SET DATA TYPE text;--> statement-breakpoint
DROP TYPE "public"."grid_duty";--> statement-breakpoint
CREATE TYPE "public"."grid_duty" AS ENUM('auxiliary', 'grid_member');--> statement-breakpoint
ALTER TABLE "unit_duties" ALTER COLUMN "duty" SET DATA TYPE "public"."grid_duty" USING "duty"::"public"."grid_duty";--> statement-breakpoint
ALTER TABLE "police_beat_areas" ADD CONSTRAINT "police_beat_areas_beat_id_police_beats_id_fk" FOREIGN KEY ("beat_id") REFERENCES "public"."police_beats"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "police_beat_areas" ADD CONSTRAINT "police_beat_areas_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "police_beat_staff" ADD CONSTRAINT "police_beat_staff_beat_id_police_beats_id_fk" FOREIGN KEY ("beat_id") REFERENCES "public"."police_beats"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "police_beat_staff" ADD CONSTRAINT "police_beat_staff_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "police_beats" ADD CONSTRAINT "police_beats_station_id_units_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "police_beats" ADD CONSTRAINT "police_beats_office_id_units_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "police_beat_areas_unit_idx" ON "police_beat_areas" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "police_beat_staff_staff_idx" ON "police_beat_staff" USING btree ("staff_id");--> statement-breakpoint
CREATE UNIQUE INDEX "police_beat_staff_one_officer_key" ON "police_beat_staff" USING btree ("beat_id") WHERE "police_beat_staff"."duty" = 'responsible_officer';--> statement-breakpoint
CREATE UNIQUE INDEX "police_beats_station_name_key" ON "police_beats" USING btree ("station_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "police_beats_station_code_key" ON "police_beats" USING btree ("station_id","code") WHERE "police_beats"."code" IS NOT NULL;