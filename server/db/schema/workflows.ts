import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import type { WorkflowStage } from "./runtime";
import type {
  GraphDocument,
  TestCaseExpectation,
  TestCaseItem,
  TestCaseRecordedReads,
  TestCaseThresholdOverrides,
  ValidationSnapshot,
} from "./json-types";
import { user } from "./auth";

export const workflows = pgTable("workflows", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  description: text("description").notNull().default(""),
  /** The owner's free notes on the workflow map (what the graph cannot say by itself). */
  mapNotes: text("map_notes").notNull().default(""),
  createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  /** Where the workflow is on the road to production; see workflow_stage_events for how it got there. */
  stage: text("stage").$type<WorkflowStage>().notNull().default("draft"),
  /** The version answering live items (live or paused), the one before it (for rollback), and the one in shadow. */
  liveVersionId: text("live_version_id"),
  previousLiveVersionId: text("previous_live_version_id"),
  shadowVersionId: text("shadow_version_id"),
  shadowStartedAt: timestamp("shadow_started_at", { withTimezone: true }),
  /** Share of items (by a stable hash of their id) the live version acts on; the rest run in shadow. */
  canaryPercent: integer("canary_percent").notNull().default(100),
  /** The shortest shadow period before cut-over; shorter needs an admin's recorded reason. */
  shadowMinDays: integer("shadow_min_days").notNull().default(7),
});

/**
 * Immutable snapshots of a workflow's graph. Only `published` / `published_*` ever change after insert;
 * a partial unique index keeps at most one published version per workflow.
 */
export const workflowVersions = pgTable(
  "workflow_versions",
  {
    id: text("id").primaryKey(),
    workflowId: text("workflow_id")
      .notNull()
      .references(() => workflows.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    graph: jsonb("graph").$type<GraphDocument>().notNull(),
    note: text("note").notNull().default(""),
    authorId: text("author_id").references(() => user.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    validation: jsonb("validation").$type<ValidationSnapshot>().notNull(),
    published: boolean("published").notNull().default(false),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    publishedBy: text("published_by").references(() => user.id, { onDelete: "set null" }),
    /** Why it was published (or rolled back to), written at publish time. */
    publishNote: text("publish_note"),
  },
  (t) => [
    uniqueIndex("workflow_versions_number_uq").on(t.workflowId, t.version),
    uniqueIndex("workflow_versions_one_published_uq")
      .on(t.workflowId)
      .where(sql`${t.published}`),
  ],
);

/** The workflow's written specification: an input item and the route it must take. */
export const workflowTestCases = pgTable(
  "workflow_test_cases",
  {
    id: text("id").primaryKey(),
    workflowId: text("workflow_id")
      .notNull()
      .references(() => workflows.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    item: jsonb("item").$type<TestCaseItem>().notNull(),
    expected: jsonb("expected").$type<TestCaseExpectation>().notNull(),
    /** Per-case threshold overrides and recorded connector reads, as exported with the graph. */
    thresholdOverrides: jsonb("threshold_overrides").$type<TestCaseThresholdOverrides>(),
    recordedReads: jsonb("recorded_reads").$type<TestCaseRecordedReads>(),
    knownFailure: boolean("known_failure").notNull().default(false),
    /** Edge cases are listed on the workflow map, with their notes. */
    edgeCase: boolean("edge_case").notNull().default(false),
    notes: text("notes").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("workflow_test_cases_workflow_idx").on(t.workflowId)],
);
