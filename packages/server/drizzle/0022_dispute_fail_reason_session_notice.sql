ALTER TABLE "dispute_cases" ADD COLUMN "fail_reason" text;--> statement-breakpoint
ALTER TABLE "dispute_sessions" ADD COLUMN "parties_notified" integer;