CREATE TABLE "dataset_rows" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"dataset_id" text NOT NULL,
	"item_id" text NOT NULL,
	"line" integer NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"label" text NOT NULL,
	"outcome_type" text,
	"text" text,
	"fields" json NOT NULL,
	"reads" json
);
--> statement-breakpoint
CREATE TABLE "datasets" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"source_name" text DEFAULT '' NOT NULL,
	"content_hash" text,
	"status" text DEFAULT 'importing' NOT NULL,
	"mapping" jsonb NOT NULL,
	"columns" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"bytes" bigint DEFAULT 0 NOT NULL,
	"row_count" integer DEFAULT 0 NOT NULL,
	"bad_row_count" integer DEFAULT 0 NOT NULL,
	"first_at" timestamp with time zone,
	"last_at" timestamp with time zone,
	"label_counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"field_stats" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"report" jsonb,
	"error" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "backtest_results" (
	"run_id" text NOT NULL,
	"row_id" bigint NOT NULL,
	"seq" integer NOT NULL,
	"actual_label" text NOT NULL,
	"predicted_label" text NOT NULL,
	"kind" text NOT NULL,
	"reason_type" text,
	"node_id" text,
	"duration_ms" real DEFAULT 0 NOT NULL,
	"trace" json,
	"sweep" json,
	CONSTRAINT "backtest_results_run_id_row_id_pk" PRIMARY KEY("run_id","row_id")
);
--> statement-breakpoint
CREATE TABLE "backtest_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"number" integer NOT NULL,
	"workflow_id" text NOT NULL,
	"version_id" text NOT NULL,
	"dataset_id" text NOT NULL,
	"criteria_id" text,
	"window_from" timestamp with time zone NOT NULL,
	"window_to" timestamp with time zone NOT NULL,
	"threshold_overrides" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"reads_fixture" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"cancel_requested" boolean DEFAULT false NOT NULL,
	"total_items" integer DEFAULT 0 NOT NULL,
	"processed_items" integer DEFAULT 0 NOT NULL,
	"cursor_at" timestamp with time zone,
	"cursor_row_id" bigint,
	"state" jsonb,
	"metrics" jsonb,
	"verdict" jsonb,
	"passed" boolean,
	"trained_models" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error" text,
	"elapsed_seconds" real DEFAULT 0 NOT NULL,
	"lease_id" text,
	"heartbeat_at" timestamp with time zone,
	"started_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "backtest_sign_offs" (
	"id" text PRIMARY KEY NOT NULL,
	"run_id" text NOT NULL,
	"version_id" text NOT NULL,
	"criteria_id" text,
	"user_id" text,
	"user_name" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "validation_criteria" (
	"id" text PRIMARY KEY NOT NULL,
	"workflow_id" text NOT NULL,
	"version" integer NOT NULL,
	"min_auto_accuracy" double precision NOT NULL,
	"max_escalation_rate" double precision NOT NULL,
	"min_label_recall" jsonb,
	"approver_id" text,
	"note" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trained_models" (
	"id" text PRIMARY KEY NOT NULL,
	"model_key" text NOT NULL,
	"version" integer NOT NULL,
	"workflow_id" text,
	"dataset_id" text,
	"training_key" text NOT NULL,
	"cutoff" timestamp with time zone NOT NULL,
	"training_size" integer NOT NULL,
	"labels" jsonb NOT NULL,
	"label_map" jsonb NOT NULL,
	"text_field" text NOT NULL,
	"feature_fields" jsonb NOT NULL,
	"held_out" jsonb,
	"model" jsonb NOT NULL,
	"training_ms" integer DEFAULT 0 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "datasets" ADD CONSTRAINT "datasets_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backtest_results" ADD CONSTRAINT "backtest_results_run_id_backtest_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."backtest_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backtest_runs" ADD CONSTRAINT "backtest_runs_workflow_id_workflows_id_fk" FOREIGN KEY ("workflow_id") REFERENCES "public"."workflows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backtest_runs" ADD CONSTRAINT "backtest_runs_version_id_workflow_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."workflow_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backtest_runs" ADD CONSTRAINT "backtest_runs_dataset_id_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."datasets"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backtest_runs" ADD CONSTRAINT "backtest_runs_criteria_id_validation_criteria_id_fk" FOREIGN KEY ("criteria_id") REFERENCES "public"."validation_criteria"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backtest_runs" ADD CONSTRAINT "backtest_runs_started_by_user_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backtest_sign_offs" ADD CONSTRAINT "backtest_sign_offs_run_id_backtest_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."backtest_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backtest_sign_offs" ADD CONSTRAINT "backtest_sign_offs_version_id_workflow_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."workflow_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backtest_sign_offs" ADD CONSTRAINT "backtest_sign_offs_criteria_id_validation_criteria_id_fk" FOREIGN KEY ("criteria_id") REFERENCES "public"."validation_criteria"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backtest_sign_offs" ADD CONSTRAINT "backtest_sign_offs_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "validation_criteria" ADD CONSTRAINT "validation_criteria_workflow_id_workflows_id_fk" FOREIGN KEY ("workflow_id") REFERENCES "public"."workflows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "validation_criteria" ADD CONSTRAINT "validation_criteria_approver_id_user_id_fk" FOREIGN KEY ("approver_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "validation_criteria" ADD CONSTRAINT "validation_criteria_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trained_models" ADD CONSTRAINT "trained_models_workflow_id_workflows_id_fk" FOREIGN KEY ("workflow_id") REFERENCES "public"."workflows"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trained_models" ADD CONSTRAINT "trained_models_dataset_id_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."datasets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trained_models" ADD CONSTRAINT "trained_models_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dataset_rows_item_uq" ON "dataset_rows" USING btree ("dataset_id","item_id");--> statement-breakpoint
CREATE INDEX "dataset_rows_time_idx" ON "dataset_rows" USING btree ("dataset_id","occurred_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "datasets_content_hash_uq" ON "datasets" USING btree ("content_hash") WHERE "datasets"."content_hash" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "backtest_runs_number_uq" ON "backtest_runs" USING btree ("workflow_id","number");--> statement-breakpoint
CREATE INDEX "backtest_runs_version_idx" ON "backtest_runs" USING btree ("version_id");--> statement-breakpoint
CREATE INDEX "backtest_runs_status_idx" ON "backtest_runs" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "backtest_sign_offs_run_uq" ON "backtest_sign_offs" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "backtest_sign_offs_version_idx" ON "backtest_sign_offs" USING btree ("version_id");--> statement-breakpoint
CREATE UNIQUE INDEX "validation_criteria_version_uq" ON "validation_criteria" USING btree ("workflow_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "trained_models_version_uq" ON "trained_models" USING btree ("model_key","version");--> statement-breakpoint
CREATE INDEX "trained_models_training_key_idx" ON "trained_models" USING btree ("training_key");