CREATE TYPE "public"."room_host_role" AS ENUM('owner', 'cohost');--> statement-breakpoint
CREATE TYPE "public"."room_kind" AS ENUM('area', 'group');--> statement-breakpoint
CREATE TYPE "public"."room_post_kind" AS ENUM('message', 'announcement', 'lost', 'found');--> statement-breakpoint
CREATE TYPE "public"."room_post_status" AS ENUM('published', 'held', 'hidden', 'deleted');--> statement-breakpoint
ALTER TYPE "public"."matter_channel" ADD VALUE 'room';--> statement-breakpoint
CREATE TABLE "room_hosts" (
	"room_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"role" "room_host_role" NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	CONSTRAINT "room_hosts_room_id_staff_id_pk" PRIMARY KEY("room_id","staff_id")
);
--> statement-breakpoint
CREATE TABLE "room_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"room_id" uuid NOT NULL,
	"phone_index" text NOT NULL,
	"nickname" text NOT NULL,
	"place" text,
	"household_id" uuid,
	"joined_at" timestamp with time zone NOT NULL,
	"left_at" timestamp with time zone,
	"muted_until" timestamp with time zone,
	"mute_reason" text,
	"removed_until" timestamp with time zone,
	"remove_reason" text
);
--> statement-breakpoint
CREATE TABLE "room_posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"room_id" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"kind" "room_post_kind" DEFAULT 'message' NOT NULL,
	"work_type" text,
	"status" "room_post_status" DEFAULT 'published' NOT NULL,
	"member_id" uuid,
	"staff_id" uuid,
	"body" text NOT NULL,
	"reply_to_id" uuid,
	"mentions" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"place" text,
	"pinned_at" timestamp with time zone,
	"held_word" text,
	"hidden_reason" text,
	"hidden_by" uuid,
	"hidden_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"answer_due_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"answered_by" uuid,
	"reminded_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"matter_id" uuid,
	"dispute_id" uuid,
	"request_key" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rooms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"station_id" uuid NOT NULL,
	"kind" "room_kind" NOT NULL,
	"unit_id" uuid,
	"unit_path" text NOT NULL,
	"name" text NOT NULL,
	"about" text DEFAULT '' NOT NULL,
	"invite_token" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"last_seq" bigint DEFAULT 0 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "room_hosts" ADD CONSTRAINT "room_hosts_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_hosts" ADD CONSTRAINT "room_hosts_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_members" ADD CONSTRAINT "room_members_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_members" ADD CONSTRAINT "room_members_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_posts" ADD CONSTRAINT "room_posts_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_posts" ADD CONSTRAINT "room_posts_member_id_room_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."room_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_posts" ADD CONSTRAINT "room_posts_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_posts" ADD CONSTRAINT "room_posts_hidden_by_staff_id_fk" FOREIGN KEY ("hidden_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_posts" ADD CONSTRAINT "room_posts_answered_by_staff_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_posts" ADD CONSTRAINT "room_posts_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_posts" ADD CONSTRAINT "room_posts_dispute_id_dispute_cases_id_fk" FOREIGN KEY ("dispute_id") REFERENCES "public"."dispute_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rooms" ADD CONSTRAINT "rooms_station_id_units_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rooms" ADD CONSTRAINT "rooms_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rooms" ADD CONSTRAINT "rooms_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "room_hosts_staff_idx" ON "room_hosts" USING btree ("staff_id");--> statement-breakpoint
CREATE UNIQUE INDEX "room_members_phone_key" ON "room_members" USING btree ("room_id","phone_index");--> statement-breakpoint
CREATE INDEX "room_members_phone_idx" ON "room_members" USING btree ("phone_index");--> statement-breakpoint
CREATE UNIQUE INDEX "room_posts_seq_key" ON "room_posts" USING btree ("room_id","seq");--> statement-breakpoint
CREATE INDEX "room_posts_open_mentions_idx" ON "room_posts" USING btree ("answer_due_at") WHERE "room_posts"."answered_at" IS NULL AND "room_posts"."answer_due_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "room_posts_reply_idx" ON "room_posts" USING btree ("reply_to_id") WHERE "room_posts"."reply_to_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "room_posts_member_idx" ON "room_posts" USING btree ("member_id","created_at");--> statement-breakpoint
CREATE INDEX "room_posts_created_idx" ON "room_posts" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "room_posts_request_key" ON "room_posts" USING btree ("request_key");--> statement-breakpoint
CREATE UNIQUE INDEX "rooms_invite_key" ON "rooms" USING btree ("invite_token");--> statement-breakpoint
CREATE UNIQUE INDEX "rooms_station_name_key" ON "rooms" USING btree ("station_id","name");--> statement-breakpoint
CREATE INDEX "rooms_unit_path_idx" ON "rooms" USING btree ("unit_path");