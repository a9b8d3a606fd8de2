CREATE TABLE "dispute_party_phones" (
	"case_id" uuid NOT NULL,
	"phone_index" text NOT NULL,
	"station_id" uuid NOT NULL,
	"accepted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "dispute_party_phones_case_id_phone_index_pk" PRIMARY KEY("case_id","phone_index")
);
--> statement-breakpoint
DROP INDEX "dispute_cases_station_accepted_idx";--> statement-breakpoint
ALTER TABLE "dispute_party_phones" ADD CONSTRAINT "dispute_party_phones_case_id_dispute_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."dispute_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_party_phones" ADD CONSTRAINT "dispute_party_phones_station_id_units_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dispute_party_phones_station_idx" ON "dispute_party_phones" USING btree ("station_id","accepted_at","phone_index");--> statement-breakpoint
CREATE INDEX "dispute_cases_station_failed_idx" ON "dispute_cases" USING btree ("station_id","failed_at") WHERE "dispute_cases"."failed_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "dispute_cases_station_overridden_idx" ON "dispute_cases" USING btree ("station_id","closed_at") WHERE "dispute_cases"."close_override_reason" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "dispute_cases_station_accepted_idx" ON "dispute_cases" USING btree ("station_id","accepted_at","closed_at","household_id");--> statement-breakpoint
INSERT INTO "dispute_party_phones" ("case_id", "phone_index", "station_id", "accepted_at")
SELECT DISTINCT p."case_id", p."phone_index", c."station_id", c."accepted_at"
  FROM "dispute_parties" p JOIN "dispute_cases" c ON c."id" = p."case_id"
 WHERE p."phone_index" IS NOT NULL;
