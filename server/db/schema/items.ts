import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import type { Outcome, Trace } from "@/lib/engine/run/outcome";
import { user } from "./auth";
import { workflows, workflowVersions } from "./workflows";

export type ItemMode = "live" | "shadow";
/**
 * `queued` until a worker takes it, `processing` while a synchronous run is under way; then `completed`
 * (the graph handled it, or a shadow run recorded what it would have done), `awaiting_review` (a live
 * escalation has an open task), `reviewed` (a person decided), `needs_info` (a reviewer sent it back),
 * `deferred` or `error` (the graph's own error outcome). `dead_letter`: our runs kept failing; an admin
 * retries or `discarded` it.
 */
export type ItemStatus =
  | "queued"
  | "processing"
  | "completed"
  | "awaiting_review"
  | "reviewed"
  | "needs_info"
  | "deferred"
  | "error"
  | "dead_letter"
  | "discarded";

/** The ground truth for an item: what should have happened, as one comparable label plus its parts. */
export interface ItemLabel {
  type: "route" | "resolve" | "end";
  /** The team, the resolution, or "end": what monitoring and backtests compare. */
  label: string;
  team?: string;
  queue?: string;
  resolution?: string;
  /** The terminal node of the published graph that produces this outcome, when one does. */
  nodeId?: string;
}
export type LabelSource = "reviewer_approved" | "reviewer_override" | "imported" | "reported";

/** One item a workflow received (live or shadow) with what the graph did and, once known, the truth. */
export const items = pgTable(
  "items",
  {
    id: text("id").primaryKey(),
    workflowId: text("workflow_id")
      .notNull()
      .references(() => workflows.id, { onDelete: "cascade" }),
    versionId: text("version_id").references(() => workflowVersions.id, { onDelete: "set null" }),
    /** The item's own id (the trigger's id field), unique per workflow and mode. */
    externalId: text("external_id").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    mode: text("mode").$type<ItemMode>().notNull(),
    status: text("status").$type<ItemStatus>().notNull(),
    outcome: jsonb("outcome").$type<Outcome>(),
    trace: jsonb("trace").$type<Trace>(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp("processed_at", { withTimezone: true }),
    label: jsonb("label").$type<ItemLabel>(),
    labelSource: text("label_source").$type<LabelSource>(),
    labeledBy: text("labeled_by").references(() => user.id, { onDelete: "set null" }),
    labeledAt: timestamp("labeled_at", { withTimezone: true }),
    /** Runs that failed with an error of ours (not the graph's), and the last such error. */
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    /**
     * Fencing token: bumped each time a worker takes the item. A worker commits an outcome, or sends a
     * connector write, only while the token is still the one it took, so a worker that stalled past its
     * lease (and whose item another worker took over) can do neither.
     */
    claim: integer("claim").notNull().default(0),
    /** The API key the item came in with; null for items sent from the app. */
    apiKeyId: text("api_key_id"),
  },
  (t) => [
    uniqueIndex("items_external_uq").on(t.workflowId, t.mode, t.externalId),
    index("items_workflow_received_idx").on(t.workflowId, t.receivedAt),
    index("items_workflow_status_idx").on(t.workflowId, t.status),
  ],
);
