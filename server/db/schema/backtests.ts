import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  json,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import type {
  BacktestMetrics,
  BacktestStatus,
  LabelRecallCriterion,
  MetricsState,
  RecordedReadsJson,
  StoredTrace,
  SweepPoint,
  TrainedModelUse,
  Verdict,
} from "../../services/backtests/types";
import { user } from "./auth";
import { datasets } from "./datasets";
import { workflows, workflowVersions } from "./workflows";

/**
 * What a workflow must achieve on history before it may go further, and who signs off. Versioned: a change
 * is a new row, so a run is judged against the version in force when it started, and later edits show.
 */
export const validationCriteria = pgTable(
  "validation_criteria",
  {
    id: text("id").primaryKey(),
    workflowId: text("workflow_id")
      .notNull()
      .references(() => workflows.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    minAutoAccuracy: doublePrecision("min_auto_accuracy").notNull(),
    maxEscalationRate: doublePrecision("max_escalation_rate").notNull(),
    minLabelRecall: jsonb("min_label_recall").$type<LabelRecallCriterion>(),
    approverId: text("approver_id").references(() => user.id, { onDelete: "set null" }),
    note: text("note").notNull().default(""),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("validation_criteria_version_uq").on(t.workflowId, t.version)],
);

/** One backtest: a version over a dataset window, checkpointed in batches so it survives a restart. */
export const backtestRuns = pgTable(
  "backtest_runs",
  {
    id: text("id").primaryKey(),
    /** 1, 2, 3… per workflow, for people. */
    number: integer("number").notNull(),
    workflowId: text("workflow_id")
      .notNull()
      .references(() => workflows.id, { onDelete: "cascade" }),
    versionId: text("version_id")
      .notNull()
      .references(() => workflowVersions.id, { onDelete: "cascade" }),
    datasetId: text("dataset_id")
      .notNull()
      .references(() => datasets.id, { onDelete: "restrict" }),
    criteriaId: text("criteria_id").references(() => validationCriteria.id, { onDelete: "restrict" }),
    windowFrom: timestamp("window_from", { withTimezone: true }).notNull(),
    /** Exclusive. */
    windowTo: timestamp("window_to", { withTimezone: true }).notNull(),
    thresholdOverrides: jsonb("threshold_overrides").$type<Record<string, number>>().notNull().default({}),
    /** Reads answered for every item (a fixture), unless the item carries its own recording. */
    readsFixture: jsonb("reads_fixture").$type<RecordedReadsJson>().notNull().default({}),
    status: text("status").$type<BacktestStatus>().notNull().default("queued"),
    cancelRequested: boolean("cancel_requested").notNull().default(false),
    totalItems: integer("total_items").notNull().default(0),
    processedItems: integer("processed_items").notNull().default(0),
    /** The last row done, in (occurred_at, id) order: where a resumed run picks up. */
    cursorAt: timestamp("cursor_at", { withTimezone: true }),
    cursorRowId: bigint("cursor_row_id", { mode: "number" }),
    state: jsonb("state").$type<MetricsState>(),
    metrics: jsonb("metrics").$type<BacktestMetrics>(),
    verdict: jsonb("verdict").$type<Verdict>(),
    passed: boolean("passed"),
    trainedModels: jsonb("trained_models").$type<TrainedModelUse[]>().notNull().default([]),
    error: text("error"),
    /** Seconds of processing so far (excluding time the server was down). */
    elapsedSeconds: real("elapsed_seconds").notNull().default(0),
    leaseId: text("lease_id"),
    heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }),
    startedBy: text("started_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("backtest_runs_number_uq").on(t.workflowId, t.number),
    index("backtest_runs_version_idx").on(t.versionId),
    index("backtest_runs_status_idx").on(t.status),
  ],
);

/** Per-item results, keyed (run, row): a batch written twice after a crash is still counted once. */
export const backtestResults = pgTable(
  "backtest_results",
  {
    runId: text("run_id")
      .notNull()
      .references(() => backtestRuns.id, { onDelete: "cascade" }),
    /** A dataset_rows id (no foreign key: the run already pins its dataset, and inserts stay cheap). */
    rowId: bigint("row_id", { mode: "number" }).notNull(),
    /** Position in time order within the run (the item id and time are on the dataset row). */
    seq: integer("seq").notNull(),
    actualLabel: text("actual_label").notNull(),
    predictedLabel: text("predicted_label").notNull(),
    kind: text("kind").$type<"correct" | "wrong" | "escalated" | "error" | "deferred">().notNull(),
    reasonType: text("reason_type"),
    /** The terminal node, or the node that escalated or failed. */
    nodeId: text("node_id"),
    durationMs: real("duration_ms").notNull().default(0),
    /** `json`, not `jsonb`: written in bulk, only ever read back whole. */
    trace: json("trace").$type<StoredTrace>(),
    sweep: json("sweep").$type<SweepPoint[]>(),
  },
  // The primary key is the only index: mismatch pages filter one run's rows, and inserts stay cheap.
  (t) => [primaryKey({ columns: [t.runId, t.rowId] })],
);

/** The named approver's sign-off of a passing run: an audited act, never edited. */
export const backtestSignOffs = pgTable(
  "backtest_sign_offs",
  {
    id: text("id").primaryKey(),
    runId: text("run_id")
      .notNull()
      .references(() => backtestRuns.id, { onDelete: "cascade" }),
    versionId: text("version_id")
      .notNull()
      .references(() => workflowVersions.id, { onDelete: "cascade" }),
    criteriaId: text("criteria_id").references(() => validationCriteria.id, { onDelete: "set null" }),
    userId: text("user_id").references(() => user.id, { onDelete: "set null" }),
    /** Kept as text too, so the record reads the same if the account is removed. */
    userName: text("user_name").notNull(),
    note: text("note").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("backtest_sign_offs_run_uq").on(t.runId),
    index("backtest_sign_offs_version_idx").on(t.versionId),
  ],
);
