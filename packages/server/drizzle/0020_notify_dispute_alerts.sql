ALTER TYPE "public"."notify_reason" ADD VALUE 'session_overdue';--> statement-breakpoint
ALTER TYPE "public"."notify_reason" ADD VALUE 'follow_up_due';--> statement-breakpoint
ALTER TYPE "public"."notify_reason" ADD VALUE 'follow_up_overdue';--> statement-breakpoint
ALTER TYPE "public"."notify_reason" ADD VALUE 'case_transferred';--> statement-breakpoint
ALTER TABLE "notify_deliveries" ADD COLUMN "dispute_id" uuid;--> statement-breakpoint
ALTER TABLE "notify_deliveries" ADD CONSTRAINT "notify_deliveries_dispute_id_dispute_cases_id_fk" FOREIGN KEY ("dispute_id") REFERENCES "public"."dispute_cases"("id") ON DELETE set null ON UPDATE no action;