ALTER TYPE "public"."dispute_source" ADD VALUE 'room';--> statement-breakpoint
ALTER TYPE "public"."room_post_kind" ADD VALUE 'topic';--> statement-breakpoint
CREATE TABLE "room_items" (
	"post_id" uuid PRIMARY KEY NOT NULL,
	"station_id" uuid NOT NULL,
	"room_id" uuid NOT NULL,
	"what" text NOT NULL,
	"place" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"across_station" boolean DEFAULT false NOT NULL,
	"closed_as" text,
	"closed_at" timestamp with time zone,
	"closed_by_member" uuid,
	"closed_by_staff" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "room_post_reports" (
	"post_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"room_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone NOT NULL,
	"resolution" text,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid,
	CONSTRAINT "room_post_reports_post_id_member_id_pk" PRIMARY KEY("post_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "room_topics" (
	"post_id" uuid PRIMARY KEY NOT NULL,
	"question" text NOT NULL,
	"options" text[] NOT NULL,
	"closes_at" timestamp with time zone,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_by" uuid
);
--> statement-breakpoint
CREATE TABLE "room_votes" (
	"post_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"option" integer NOT NULL,
	"voted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "room_votes_post_id_member_id_pk" PRIMARY KEY("post_id","member_id")
);
--> statement-breakpoint
ALTER TABLE "room_items" ADD CONSTRAINT "room_items_post_id_room_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."room_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_items" ADD CONSTRAINT "room_items_station_id_units_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_items" ADD CONSTRAINT "room_items_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_items" ADD CONSTRAINT "room_items_closed_by_member_room_members_id_fk" FOREIGN KEY ("closed_by_member") REFERENCES "public"."room_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_items" ADD CONSTRAINT "room_items_closed_by_staff_staff_id_fk" FOREIGN KEY ("closed_by_staff") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_post_reports" ADD CONSTRAINT "room_post_reports_post_id_room_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."room_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_post_reports" ADD CONSTRAINT "room_post_reports_member_id_room_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."room_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_post_reports" ADD CONSTRAINT "room_post_reports_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_post_reports" ADD CONSTRAINT "room_post_reports_resolved_by_staff_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_topics" ADD CONSTRAINT "room_topics_post_id_room_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."room_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_topics" ADD CONSTRAINT "room_topics_answered_by_staff_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_votes" ADD CONSTRAINT "room_votes_post_id_room_topics_post_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."room_topics"("post_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_votes" ADD CONSTRAINT "room_votes_member_id_room_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."room_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "room_items_room_idx" ON "room_items" USING btree ("room_id","created_at");--> statement-breakpoint
CREATE INDEX "room_items_across_idx" ON "room_items" USING btree ("station_id","created_at") WHERE "room_items"."across_station";--> statement-breakpoint
CREATE INDEX "room_post_reports_open_idx" ON "room_post_reports" USING btree ("room_id","created_at") WHERE "room_post_reports"."resolved_at" IS NULL;