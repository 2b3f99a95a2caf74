import {
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { user } from "./auth";
import { backtestRuns } from "./backtests";
import { modelProviders } from "./ai";
import { workflows } from "./workflows";

/** One bin of a reliability diagram: how sure the model said it was, and how often it was right. */
export interface ReliabilityBinJson {
  lower: number;
  upper: number;
  count: number;
  meanConfidence: number | null;
  accuracy: number | null;
}

/**
 * Calibrations of an LLM node's confidence, fitted on a backtest run's recorded confidences against whether the
 * outcome the node would have given was right. Versioned per workflow node; a node config names the one in force
 * (with its parameters inline), so a published version never changes when a new calibration is fitted.
 */
export const modelCalibrations = pgTable(
  "model_calibrations",
  {
    id: text("id").primaryKey(),
    workflowId: text("workflow_id")
      .notNull()
      .references(() => workflows.id, { onDelete: "cascade" }),
    nodeId: text("node_id").notNull(),
    version: integer("version").notNull(),
    providerId: text("provider_id").references(() => modelProviders.id, { onDelete: "set null" }),
    model: text("model").notNull(),
    /** "platt": calibrated = sigmoid(slope · logit(raw) + intercept). */
    method: text("method").$type<"platt">().notNull(),
    slope: doublePrecision("slope").notNull(),
    intercept: doublePrecision("intercept").notNull(),
    sourceRunId: text("source_run_id").references(() => backtestRuns.id, { onDelete: "set null" }),
    /** The run's number, kept for display after the run is deleted. */
    sourceRunNumber: integer("source_run_number").notNull(),
    sampleSize: integer("sample_size").notNull(),
    /** Share of the sample whose outcome was right. */
    accuracy: doublePrecision("accuracy").notNull(),
    eceBefore: doublePrecision("ece_before").notNull(),
    /** Cross-fitted: each half scored by the fit on the other half, so it is not flattered by the fit. */
    eceAfter: doublePrecision("ece_after").notNull(),
    binsBefore: jsonb("bins_before").$type<ReliabilityBinJson[]>().notNull(),
    binsAfter: jsonb("bins_after").$type<ReliabilityBinJson[]>().notNull(),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("model_calibrations_version_uq").on(t.workflowId, t.nodeId, t.version),
    index("model_calibrations_run_idx").on(t.sourceRunId),
  ],
);

/** One token bucket per model provider, shared by every process on the Postgres server (as connectors have). */
export const modelProviderRateBuckets = pgTable("model_provider_rate_buckets", {
  providerId: text("provider_id")
    .primaryKey()
    .references(() => modelProviders.id, { onDelete: "cascade" }),
  tokens: doublePrecision("tokens").notNull(),
  refilledAtMs: doublePrecision("refilled_at_ms").notNull(),
});

/**
 * A counter per workflow bumped on every change to its knowledge base, so each process can keep the built
 * index and drop it exactly when the entries change (one primary-key read per item instead of a reload).
 */
export const knowledgeBaseVersions = pgTable("knowledge_base_versions", {
  workflowId: text("workflow_id")
    .primaryKey()
    .references(() => workflows.id, { onDelete: "cascade" }),
  version: integer("version").notNull().default(1),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
