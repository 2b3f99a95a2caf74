CREATE TABLE "knowledge_base_versions" (
	"workflow_id" text PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "model_calibrations" (
	"id" text PRIMARY KEY NOT NULL,
	"workflow_id" text NOT NULL,
	"node_id" text NOT NULL,
	"version" integer NOT NULL,
	"provider_id" text,
	"model" text NOT NULL,
	"method" text NOT NULL,
	"slope" double precision NOT NULL,
	"intercept" double precision NOT NULL,
	"source_run_id" text,
	"source_run_number" integer NOT NULL,
	"sample_size" integer NOT NULL,
	"accuracy" double precision NOT NULL,
	"ece_before" double precision NOT NULL,
	"ece_after" double precision NOT NULL,
	"bins_before" jsonb NOT NULL,
	"bins_after" jsonb NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "model_provider_rate_buckets" (
	"provider_id" text PRIMARY KEY NOT NULL,
	"tokens" double precision NOT NULL,
	"refilled_at_ms" double precision NOT NULL
);
--> statement-breakpoint
ALTER TABLE "knowledge_base_versions" ADD CONSTRAINT "knowledge_base_versions_workflow_id_workflows_id_fk" FOREIGN KEY ("workflow_id") REFERENCES "public"."workflows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_calibrations" ADD CONSTRAINT "model_calibrations_workflow_id_workflows_id_fk" FOREIGN KEY ("workflow_id") REFERENCES "public"."workflows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_calibrations" ADD CONSTRAINT "model_calibrations_provider_id_model_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."model_providers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_calibrations" ADD CONSTRAINT "model_calibrations_source_run_id_backtest_runs_id_fk" FOREIGN KEY ("source_run_id") REFERENCES "public"."backtest_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_calibrations" ADD CONSTRAINT "model_calibrations_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "model_provider_rate_buckets" ADD CONSTRAINT "model_provider_rate_buckets_provider_id_model_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."model_providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "model_calibrations_version_uq" ON "model_calibrations" USING btree ("workflow_id","node_id","version");--> statement-breakpoint
CREATE INDEX "model_calibrations_run_idx" ON "model_calibrations" USING btree ("source_run_id");