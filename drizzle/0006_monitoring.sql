CREATE TABLE "drift_flags" (
	"id" text PRIMARY KEY NOT NULL,
	"workflow_id" text NOT NULL,
	"metric" text NOT NULL,
	"baseline_value" double precision NOT NULL,
	"observed_value" double precision NOT NULL,
	"detail" text NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"cleared_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "monitoring_alerts" (
	"id" text PRIMARY KEY NOT NULL,
	"workflow_id" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	"read_by" text
);
--> statement-breakpoint
CREATE TABLE "monitoring_baselines" (
	"id" text PRIMARY KEY NOT NULL,
	"workflow_id" text NOT NULL,
	"version_id" text,
	"stage" text NOT NULL,
	"backtest_run_id" text,
	"backtest_run_number" integer,
	"auto_accuracy" double precision,
	"escalation_rate" double precision,
	"automation_rate" double precision,
	"escalation_rate_by_reason" jsonb NOT NULL,
	"label_accuracy" jsonb NOT NULL,
	"latency_p50_ms" double precision,
	"latency_p95_ms" double precision,
	"volume" jsonb NOT NULL,
	"recorded_by" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitoring_settings" (
	"workflow_id" text PRIMARY KEY NOT NULL,
	"accuracy_drop_points" double precision DEFAULT 5 NOT NULL,
	"escalation_rise_points" double precision DEFAULT 5 NOT NULL,
	"latency_p95_multiplier" double precision DEFAULT 2 NOT NULL,
	"drift_window_days" integer DEFAULT 7 NOT NULL,
	"drift_min_sample" integer DEFAULT 30 NOT NULL,
	"volume_guard_enabled" boolean DEFAULT true NOT NULL,
	"volume_window_minutes" integer DEFAULT 60 NOT NULL,
	"volume_multiplier" double precision DEFAULT 3 NOT NULL,
	"volume_z_score" double precision,
	"volume_min_items" integer DEFAULT 20 NOT NULL,
	"volume_action" text DEFAULT 'escalate' NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "volume_episodes" (
	"id" text PRIMARY KEY NOT NULL,
	"workflow_id" text NOT NULL,
	"action" text NOT NULL,
	"window_minutes" integer NOT NULL,
	"peak_count" integer NOT NULL,
	"expected_count" double precision NOT NULL,
	"peak_ratio" double precision NOT NULL,
	"paused" boolean DEFAULT false NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "drift_flags" ADD CONSTRAINT "drift_flags_workflow_id_workflows_id_fk" FOREIGN KEY ("workflow_id") REFERENCES "public"."workflows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_alerts" ADD CONSTRAINT "monitoring_alerts_workflow_id_workflows_id_fk" FOREIGN KEY ("workflow_id") REFERENCES "public"."workflows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_alerts" ADD CONSTRAINT "monitoring_alerts_read_by_user_id_fk" FOREIGN KEY ("read_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_baselines" ADD CONSTRAINT "monitoring_baselines_workflow_id_workflows_id_fk" FOREIGN KEY ("workflow_id") REFERENCES "public"."workflows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_baselines" ADD CONSTRAINT "monitoring_baselines_version_id_workflow_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."workflow_versions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_baselines" ADD CONSTRAINT "monitoring_baselines_backtest_run_id_backtest_runs_id_fk" FOREIGN KEY ("backtest_run_id") REFERENCES "public"."backtest_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_baselines" ADD CONSTRAINT "monitoring_baselines_recorded_by_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_settings" ADD CONSTRAINT "monitoring_settings_workflow_id_workflows_id_fk" FOREIGN KEY ("workflow_id") REFERENCES "public"."workflows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_settings" ADD CONSTRAINT "monitoring_settings_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volume_episodes" ADD CONSTRAINT "volume_episodes_workflow_id_workflows_id_fk" FOREIGN KEY ("workflow_id") REFERENCES "public"."workflows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "drift_flags_workflow_idx" ON "drift_flags" USING btree ("workflow_id","raised_at");--> statement-breakpoint
CREATE UNIQUE INDEX "drift_flags_open_uq" ON "drift_flags" USING btree ("workflow_id","metric") WHERE "drift_flags"."cleared_at" is null;--> statement-breakpoint
CREATE INDEX "monitoring_alerts_created_idx" ON "monitoring_alerts" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "monitoring_baselines_workflow_idx" ON "monitoring_baselines" USING btree ("workflow_id","recorded_at");--> statement-breakpoint
CREATE INDEX "volume_episodes_workflow_idx" ON "volume_episodes" USING btree ("workflow_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "volume_episodes_open_uq" ON "volume_episodes" USING btree ("workflow_id") WHERE "volume_episodes"."ended_at" is null;