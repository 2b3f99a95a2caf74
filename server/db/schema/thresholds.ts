import { doublePrecision, index, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { user } from "./auth";
import { workflows, workflowVersions } from "./workflows";

/**
 * The value in force for a thresholded node when an admin changed it without publishing a new graph
 * version. No row: the published graph's own threshold applies.
 */
export const thresholdOverrides = pgTable(
  "threshold_overrides",
  {
    workflowId: text("workflow_id")
      .notNull()
      .references(() => workflows.id, { onDelete: "cascade" }),
    nodeId: text("node_id").notNull(),
    value: doublePrecision("value").notNull(),
    reason: text("reason").notNull(),
    setBy: text("set_by").references(() => user.id, { onDelete: "set null" }),
    setAt: timestamp("set_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workflowId, t.nodeId] })],
);

/** Append-only: every change of a value in force, with who, when, old, new and why. */
export const thresholdChanges = pgTable(
  "threshold_changes",
  {
    id: text("id").primaryKey(),
    workflowId: text("workflow_id")
      .notNull()
      .references(() => workflows.id, { onDelete: "cascade" }),
    nodeId: text("node_id").notNull(),
    /** The published version the change was made against, and that node's threshold in it. */
    versionId: text("version_id").references(() => workflowVersions.id, { onDelete: "set null" }),
    graphValue: doublePrecision("graph_value").notNull(),
    /** Null: the graph's value was in force before (or is again after a reset). */
    oldValue: doublePrecision("old_value"),
    newValue: doublePrecision("new_value"),
    reason: text("reason").notNull(),
    changedBy: text("changed_by").references(() => user.id, { onDelete: "set null" }),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("threshold_changes_workflow_idx").on(t.workflowId, t.changedAt)],
);
