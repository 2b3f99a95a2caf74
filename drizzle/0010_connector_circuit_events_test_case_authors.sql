CREATE TABLE "connector_circuit_events" (
	"id" text PRIMARY KEY NOT NULL,
	"connector_id" text NOT NULL,
	"from_state" text NOT NULL,
	"to_state" text NOT NULL,
	"cooldown_ms" integer,
	"process" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workflow_test_case_authors" (
	"test_case_id" text PRIMARY KEY NOT NULL,
	"added_by" text,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "monitoring_settings" ADD COLUMN "confidence_drop_points" double precision DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "connector_circuit_events" ADD CONSTRAINT "connector_circuit_events_connector_id_connectors_id_fk" FOREIGN KEY ("connector_id") REFERENCES "public"."connectors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_test_case_authors" ADD CONSTRAINT "workflow_test_case_authors_test_case_id_workflow_test_cases_id_fk" FOREIGN KEY ("test_case_id") REFERENCES "public"."workflow_test_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_test_case_authors" ADD CONSTRAINT "workflow_test_case_authors_added_by_user_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "connector_circuit_events_connector_idx" ON "connector_circuit_events" USING btree ("connector_id","at");