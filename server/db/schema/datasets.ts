import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  index,
  integer,
  json,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import type { RecordedReadsJson } from "../../services/backtests/types";
import type {
  ActualOutcomeType,
  DatasetFields,
  DatasetMapping,
  DatasetStatus,
  FieldStat,
  ImportReport,
} from "../../services/datasets/types";
import { user } from "./auth";

/**
 * Imported historical cases (CSV or JSON Lines) with what actually happened to each. A file imported twice
 * with the same mapping is recognised by its content hash (unique among finished imports).
 */
export const datasets = pgTable(
  "datasets",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    sourceName: text("source_name").notNull().default(""),
    /** sha256 of the file's bytes and the mapping; set when the import finishes. */
    contentHash: text("content_hash"),
    status: text("status").$type<DatasetStatus>().notNull().default("importing"),
    mapping: jsonb("mapping").$type<DatasetMapping>().notNull(),
    columns: jsonb("columns").$type<string[]>().notNull().default([]),
    bytes: bigint("bytes", { mode: "number" }).notNull().default(0),
    rowCount: integer("row_count").notNull().default(0),
    badRowCount: integer("bad_row_count").notNull().default(0),
    firstAt: timestamp("first_at", { withTimezone: true }),
    lastAt: timestamp("last_at", { withTimezone: true }),
    labelCounts: jsonb("label_counts").$type<Record<string, number>>().notNull().default({}),
    fieldStats: jsonb("field_stats").$type<FieldStat[]>().notNull().default([]),
    report: jsonb("report").$type<ImportReport>(),
    error: text("error"),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("datasets_content_hash_uq")
      .on(t.contentHash)
      .where(sql`${t.contentHash} is not null`),
  ],
);

/** One historical case. Rows are written in multi-row batches and read back in time order. */
export const datasetRows = pgTable(
  "dataset_rows",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** No foreign key (its per-row check slows bulk inserts); deleting a dataset deletes its rows first. */
    datasetId: text("dataset_id").notNull(),
    itemId: text("item_id").notNull(),
    /** Line of the file the row came from (its last line, for a quoted multi-line record). */
    line: integer("line").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    /** The actual outcome: its comparable label, and route/resolve/escalate/end when the file said. */
    label: text("label").notNull(),
    outcomeType: text("outcome_type").$type<ActualOutcomeType>(),
    text: text("text"),
    /** `json`, not `jsonb`: stored as written (cheaper to bulk insert), only ever read back whole. */
    fields: json("fields").$type<DatasetFields>().notNull(),
    reads: json("reads").$type<RecordedReadsJson>(),
  },
  (t) => [
    uniqueIndex("dataset_rows_item_uq").on(t.datasetId, t.itemId),
    index("dataset_rows_time_idx").on(t.datasetId, t.occurredAt, t.id),
  ],
);
