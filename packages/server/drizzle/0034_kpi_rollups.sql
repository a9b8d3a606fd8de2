CREATE TABLE "kpi_matters" (
	"matter_id" uuid PRIMARY KEY NOT NULL,
	"station_id" uuid NOT NULL,
	"parts" integer[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kpi_rollup" (
	"station_id" uuid NOT NULL,
	"grain" smallint NOT NULL,
	"b" integer NOT NULL,
	"key" smallint NOT NULL,
	"a" integer NOT NULL,
	"c" integer NOT NULL,
	"e" integer NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "kpi_rollup_station_id_grain_b_key_a_c_e_pk" PRIMARY KEY("station_id","grain","b","key","a","c","e")
);
--> statement-breakpoint
CREATE TABLE "kpi_state" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"seq" bigint DEFAULT 0 NOT NULL,
	"ready" boolean DEFAULT false NOT NULL,
	"backfill_after" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "evaluation_requests_expires_idx" ON "evaluation_requests" USING btree ("expires_at");