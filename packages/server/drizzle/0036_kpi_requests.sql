CREATE TABLE "kpi_requests" (
	"request_id" uuid PRIMARY KEY NOT NULL,
	"station_id" uuid NOT NULL,
	"parts" integer[] NOT NULL
);
--> statement-breakpoint
-- The rollups gained the evaluation requests (the 评价 tab): counted again from every matter and request. The job
-- finds no state, empties the rollups and counts station by station; until it is done, figures are counted directly.
DELETE FROM kpi_state;
