ALTER TABLE "monitoring_alerts" ADD COLUMN "delivery" text;--> statement-breakpoint
ALTER TABLE "monitoring_settings" ADD COLUMN "alert_connector_id" text;--> statement-breakpoint
ALTER TABLE "monitoring_settings" ADD COLUMN "alert_operation" text;--> statement-breakpoint
ALTER TABLE "monitoring_settings" ADD CONSTRAINT "monitoring_settings_alert_connector_id_connectors_id_fk" FOREIGN KEY ("alert_connector_id") REFERENCES "public"."connectors"("id") ON DELETE set null ON UPDATE no action;