ALTER TABLE "matters" ADD COLUMN "first_response_breached_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "matters" ADD COLUMN "take_breached_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "matters" ADD COLUMN "resolve_breached_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "matters_first_response_due_idx" ON "matters" USING btree ("first_response_due_at") WHERE first_response_at IS NULL AND first_response_breached_at IS NULL;--> statement-breakpoint
CREATE INDEX "matters_take_due_idx" ON "matters" USING btree ("take_due_at") WHERE status = 'dispatched' AND take_breached_at IS NULL;--> statement-breakpoint
CREATE INDEX "matters_resolve_due_idx" ON "matters" USING btree ("resolve_due_at") WHERE resolved_at IS NULL AND resolve_breached_at IS NULL;