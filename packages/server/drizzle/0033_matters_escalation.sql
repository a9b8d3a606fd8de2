ALTER TYPE "public"."notify_reason" ADD VALUE 'supervised';--> statement-breakpoint
ALTER TABLE "matters" ADD COLUMN "escalated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "matters" ADD COLUMN "escalation_reason" text;--> statement-breakpoint
CREATE INDEX "matter_events_type_at_idx" ON "matter_events" USING btree ("type","at");--> statement-breakpoint
CREATE INDEX "matters_escalated_idx" ON "matters" USING btree ("escalated_at") WHERE escalated_at IS NOT NULL;