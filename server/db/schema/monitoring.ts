import { sql } from "drizzle-orm";
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import type {
  BaselineVolume,
  DriftMetric,
  MonitoringAlertKind,
  VolumeGuardAction,
} from "@/lib/monitoring/types";
import { user } from "./auth";
import { backtestRuns } from "./backtests";
import { connectors } from "./connectors";
import { workflows, workflowVersions } from "./workflows";

/**
 * What a version promised when it entered shadow or live: figures from its signed-off backtest and the input
 * volume per hour-of-week, so every monitored figure has something to stand beside. Append-only: a version
 * entering a stage again records a new row, and the newest row for a version is the one in force.
 */
export const monitoringBaselines = pgTable(
  "monitoring_baselines",
  {
    id: text("id").primaryKey(),
    workflowId: text("workflow_id")
      .notNull()
      .references(() => workflows.id, { onDelete: "cascade" }),
    versionId: text("version_id").references(() => workflowVersions.id, { onDelete: "set null" }),
    /** The stage the version entered when this was recorded. */
    stage: text("stage").$type<"shadow" | "live">().notNull(),
    backtestRunId: text("backtest_run_id").references(() => backtestRuns.id, { onDelete: "set null" }),
    backtestRunNumber: integer("backtest_run_number"),
    autoAccuracy: doublePrecision("auto_accuracy"),
    escalationRate: doublePrecision("escalation_rate"),
    automationRate: doublePrecision("automation_rate"),
    /** Share of all items escalated, by reason type. */
    escalationRateByReason: jsonb("escalation_rate_by_reason").$type<Record<string, number>>().notNull(),
    /** Recall per label on history (the share of items with that truth decided right). */
    labelAccuracy: jsonb("label_accuracy").$type<Record<string, number>>().notNull(),
    latencyP50Ms: doublePrecision("latency_p50_ms"),
    latencyP95Ms: doublePrecision("latency_p95_ms"),
    volume: jsonb("volume").$type<BaselineVolume>().notNull(),
    recordedBy: text("recorded_by").references(() => user.id, { onDelete: "set null" }),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("monitoring_baselines_workflow_idx").on(t.workflowId, t.recordedAt)],
);

/** The admin's bands and the volume guard's configuration; no row means the defaults. */
export const monitoringSettings = pgTable("monitoring_settings", {
  workflowId: text("workflow_id")
    .primaryKey()
    .references(() => workflows.id, { onDelete: "cascade" }),
  /** Accuracy more than this many percentage points below baseline, over the drift window, raises a flag. */
  accuracyDropPoints: doublePrecision("accuracy_drop_points").notNull().default(5),
  escalationRisePoints: doublePrecision("escalation_rise_points").notNull().default(5),
  /** p95 processing time above this multiple of the baseline's p95 raises a flag. */
  latencyP95Multiplier: doublePrecision("latency_p95_multiplier").notNull().default(2),
  /** A node's mean confidence more than this many points below its previous four weeks raises a flag. */
  confidenceDropPoints: doublePrecision("confidence_drop_points").notNull().default(10),
  driftWindowDays: integer("drift_window_days").notNull().default(7),
  /** Fewer labelled items than this in the window: accuracy is not judged (no flag either way). */
  driftMinSample: integer("drift_min_sample").notNull().default(30),
  volumeGuardEnabled: boolean("volume_guard_enabled").notNull().default(true),
  volumeWindowMinutes: integer("volume_window_minutes").notNull().default(60),
  /** Anomalous above this multiple of the baseline for the window's hours of the week. */
  volumeMultiplier: doublePrecision("volume_multiplier").notNull().default(3),
  /** Also anomalous above this robust z-score; null: the multiplier alone decides. */
  volumeZScore: doublePrecision("volume_z_score"),
  /** Below this many items in the window nothing is anomalous (a quiet night's 1 → 4 is not a flood). */
  volumeMinItems: integer("volume_min_items").notNull().default(20),
  volumeAction: text("volume_action").$type<VolumeGuardAction>().notNull().default("escalate"),
  /** A connector write operation volume alerts are also sent to (a webhook); both null: in-app only. */
  alertConnectorId: text("alert_connector_id").references(() => connectors.id, { onDelete: "set null" }),
  alertOperation: text("alert_operation"),
  updatedBy: text("updated_by").references(() => user.id, { onDelete: "set null" }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A figure that left its band: raised once, cleared when it returns; at most one open flag per metric. */
export const driftFlags = pgTable(
  "drift_flags",
  {
    id: text("id").primaryKey(),
    workflowId: text("workflow_id")
      .notNull()
      .references(() => workflows.id, { onDelete: "cascade" }),
    metric: text("metric").$type<DriftMetric>().notNull(),
    baselineValue: doublePrecision("baseline_value").notNull(),
    observedValue: doublePrecision("observed_value").notNull(),
    /** The sentence shown with the flag, e.g. "accuracy 81.0% over 7 days, 8.2 points below baseline". */
    detail: text("detail").notNull(),
    raisedAt: timestamp("raised_at", { withTimezone: true }).notNull(),
    clearedAt: timestamp("cleared_at", { withTimezone: true }),
  },
  (t) => [
    index("drift_flags_workflow_idx").on(t.workflowId, t.raisedAt),
    uniqueIndex("drift_flags_open_uq")
      .on(t.workflowId, t.metric)
      .where(sql`${t.clearedAt} is null`),
  ],
);

/** A stretch of anomalous input volume: opened by the guard, closed by itself when volume is back in band. */
export const volumeEpisodes = pgTable(
  "volume_episodes",
  {
    id: text("id").primaryKey(),
    workflowId: text("workflow_id")
      .notNull()
      .references(() => workflows.id, { onDelete: "cascade" }),
    action: text("action").$type<VolumeGuardAction>().notNull(),
    windowMinutes: integer("window_minutes").notNull(),
    /** The largest window count seen in the episode, what the baseline expected then, and their ratio. */
    peakCount: integer("peak_count").notNull(),
    expectedCount: doublePrecision("expected_count").notNull(),
    peakRatio: doublePrecision("peak_ratio").notNull(),
    /** Whether the guard paused the live workflow (a person resumes it). */
    paused: boolean("paused").notNull().default(false),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (t) => [
    index("volume_episodes_workflow_idx").on(t.workflowId, t.startedAt),
    uniqueIndex("volume_episodes_open_uq")
      .on(t.workflowId)
      .where(sql`${t.endedAt} is null`),
  ],
);

/** In-app alerts for admins (volume episodes, drift flags); read by any admin once. */
export const monitoringAlerts = pgTable(
  "monitoring_alerts",
  {
    id: text("id").primaryKey(),
    workflowId: text("workflow_id")
      .notNull()
      .references(() => workflows.id, { onDelete: "cascade" }),
    kind: text("kind").$type<MonitoringAlertKind>().notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
    readBy: text("read_by").references(() => user.id, { onDelete: "set null" }),
    /** How the webhook delivery went ("sent", or why not); null when no webhook was configured. */
    delivery: text("delivery"),
  },
  (t) => [index("monitoring_alerts_created_idx").on(t.createdAt)],
);
