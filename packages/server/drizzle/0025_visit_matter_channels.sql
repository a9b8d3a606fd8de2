ALTER TYPE "public"."matter_channel" ADD VALUE 'visit';--> statement-breakpoint
ALTER TYPE "public"."matter_channel" ADD VALUE 'grid';