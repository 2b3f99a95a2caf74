CREATE TABLE "items" (
	"id" text PRIMARY KEY NOT NULL,
	"workflow_id" text NOT NULL,
	"version_id" text,
	"external_id" text NOT NULL,
	"payload" jsonb NOT NULL,
	"mode" text NOT NULL,
	"status" text NOT NULL,
	"outcome" jsonb,
	"trace" jsonb,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone,
	"label" jsonb,
	"label_source" text,
	"labeled_by" text,
	"labeled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "review_events" (
	"id" text PRIMARY KEY NOT NULL,
	"task_id" text,
	"workflow_id" text NOT NULL,
	"item_external_id" text NOT NULL,
	"actor_id" text,
	"action" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"shown" jsonb,
	"change" jsonb,
	"comment" text,
	"task_version" integer NOT NULL,
	"undoes" text
);
--> statement-breakpoint
CREATE TABLE "review_queue_members" (
	"queue_id" text NOT NULL,
	"user_id" text NOT NULL,
	"added_by" text,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_queue_members_queue_id_user_id_pk" PRIMARY KEY("queue_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "review_queues" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"team" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"sla_minutes" integer NOT NULL,
	"escalation_contact_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_queues_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "review_tasks" (
	"id" text PRIMARY KEY NOT NULL,
	"queue_id" text NOT NULL,
	"item_id" text NOT NULL,
	"workflow_id" text NOT NULL,
	"version_id" text,
	"node_id" text NOT NULL,
	"reason_type" text NOT NULL,
	"reason" text NOT NULL,
	"title" text NOT NULL,
	"suggested" jsonb,
	"suggested_label" text,
	"decisions" jsonb NOT NULL,
	"idempotency_key" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"assignee_id" text,
	"assigned_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"sla_breached_at" timestamp with time zone,
	"escalated_to_id" text,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	"decision" jsonb
);
--> statement-breakpoint
CREATE TABLE "threshold_changes" (
	"id" text PRIMARY KEY NOT NULL,
	"workflow_id" text NOT NULL,
	"node_id" text NOT NULL,
	"version_id" text,
	"graph_value" double precision NOT NULL,
	"old_value" double precision,
	"new_value" double precision,
	"reason" text NOT NULL,
	"changed_by" text,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "threshold_overrides" (
	"workflow_id" text NOT NULL,
	"node_id" text NOT NULL,
	"value" double precision NOT NULL,
	"reason" text NOT NULL,
	"set_by" text,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "threshold_overrides_workflow_id_node_id_pk" PRIMARY KEY("workflow_id","node_id")
);
--> statement-breakpoint
ALTER TABLE "items" ADD CONSTRAINT "items_workflow_id_workflows_id_fk" FOREIGN KEY ("workflow_id") REFERENCES "public"."workflows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "items" ADD CONSTRAINT "items_version_id_workflow_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."workflow_versions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "items" ADD CONSTRAINT "items_labeled_by_user_id_fk" FOREIGN KEY ("labeled_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_events" ADD CONSTRAINT "review_events_task_id_review_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."review_tasks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_events" ADD CONSTRAINT "review_events_actor_id_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_queue_members" ADD CONSTRAINT "review_queue_members_queue_id_review_queues_id_fk" FOREIGN KEY ("queue_id") REFERENCES "public"."review_queues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_queue_members" ADD CONSTRAINT "review_queue_members_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_queue_members" ADD CONSTRAINT "review_queue_members_added_by_user_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_queues" ADD CONSTRAINT "review_queues_escalation_contact_id_user_id_fk" FOREIGN KEY ("escalation_contact_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_tasks" ADD CONSTRAINT "review_tasks_queue_id_review_queues_id_fk" FOREIGN KEY ("queue_id") REFERENCES "public"."review_queues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_tasks" ADD CONSTRAINT "review_tasks_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_tasks" ADD CONSTRAINT "review_tasks_workflow_id_workflows_id_fk" FOREIGN KEY ("workflow_id") REFERENCES "public"."workflows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_tasks" ADD CONSTRAINT "review_tasks_version_id_workflow_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."workflow_versions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_tasks" ADD CONSTRAINT "review_tasks_assignee_id_user_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_tasks" ADD CONSTRAINT "review_tasks_escalated_to_id_user_id_fk" FOREIGN KEY ("escalated_to_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_tasks" ADD CONSTRAINT "review_tasks_decided_by_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threshold_changes" ADD CONSTRAINT "threshold_changes_workflow_id_workflows_id_fk" FOREIGN KEY ("workflow_id") REFERENCES "public"."workflows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threshold_changes" ADD CONSTRAINT "threshold_changes_version_id_workflow_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."workflow_versions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threshold_changes" ADD CONSTRAINT "threshold_changes_changed_by_user_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threshold_overrides" ADD CONSTRAINT "threshold_overrides_workflow_id_workflows_id_fk" FOREIGN KEY ("workflow_id") REFERENCES "public"."workflows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threshold_overrides" ADD CONSTRAINT "threshold_overrides_set_by_user_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "items_external_uq" ON "items" USING btree ("workflow_id","mode","external_id");--> statement-breakpoint
CREATE INDEX "items_workflow_received_idx" ON "items" USING btree ("workflow_id","received_at");--> statement-breakpoint
CREATE INDEX "review_events_actor_idx" ON "review_events" USING btree ("actor_id","at");--> statement-breakpoint
CREATE INDEX "review_events_task_idx" ON "review_events" USING btree ("task_id","at");--> statement-breakpoint
CREATE INDEX "review_queue_members_user_idx" ON "review_queue_members" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "review_tasks_idempotency_uq" ON "review_tasks" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "review_tasks_open_idx" ON "review_tasks" USING btree ("status","due_at");--> statement-breakpoint
CREATE INDEX "review_tasks_item_idx" ON "review_tasks" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "threshold_changes_workflow_idx" ON "threshold_changes" USING btree ("workflow_id","changed_at");