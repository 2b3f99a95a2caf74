import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import type { EscalationReasonType } from "@/lib/engine/graph/test-case-schema";
import type { DecisionSummary, SuggestedOutcome } from "@/lib/engine/run/outcome";
import { user } from "./auth";
import { items, type ItemLabel } from "./items";
import { workflows, workflowVersions } from "./workflows";

/** A review queue, named as graphs name it (an escalate node's `queue`), owned by a team. */
export const reviewQueues = pgTable("review_queues", {
  id: text("id").primaryKey(),
  name: text("name").notNull().unique(),
  team: text("team").notNull(),
  description: text("description").notNull().default(""),
  /** A task is due this long after it was created. */
  slaMinutes: integer("sla_minutes").notNull(),
  /** Who an overdue task is re-escalated to. */
  escalationContactId: text("escalation_contact_id").references(() => user.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const reviewQueueMembers = pgTable(
  "review_queue_members",
  {
    queueId: text("queue_id")
      .notNull()
      .references(() => reviewQueues.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    addedBy: text("added_by").references(() => user.id, { onDelete: "set null" }),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.queueId, t.userId] }),
    index("review_queue_members_user_idx").on(t.userId),
  ],
);

export type ReviewTaskStatus = "open" | "decided" | "sent_back";
export type ReviewAction = "approve" | "override" | "send_back";

/** What a reviewer decided, as stored on the task (the full record is its review_events row). */
export interface ReviewTaskDecision {
  action: ReviewAction;
  label?: ItemLabel;
  comment?: string;
  eventId: string;
}

/**
 * A human wait: the item is parked here until a reviewer decides. Every change is a compare-and-set on
 * `version`, so two reviewers can never both decide the same task.
 */
export const reviewTasks = pgTable(
  "review_tasks",
  {
    id: text("id").primaryKey(),
    queueId: text("queue_id")
      .notNull()
      .references(() => reviewQueues.id),
    itemId: text("item_id")
      .notNull()
      .references(() => items.id, { onDelete: "cascade" }),
    workflowId: text("workflow_id")
      .notNull()
      .references(() => workflows.id, { onDelete: "cascade" }),
    versionId: text("version_id").references(() => workflowVersions.id, { onDelete: "set null" }),
    /** The node that escalated. */
    nodeId: text("node_id").notNull(),
    reasonType: text("reason_type").$type<EscalationReasonType>().notNull(),
    reason: text("reason").notNull(),
    /** A line to recognise the item by in a list (its subject, or the start of its text). */
    title: text("title").notNull(),
    suggested: jsonb("suggested").$type<SuggestedOutcome>(),
    /** The suggested outcome's comparable label, for filtering. */
    suggestedLabel: text("suggested_label"),
    decisions: jsonb("decisions").$type<DecisionSummary[]>().notNull(),
    /** `${runKey}:${nodeId}` from the engine: the same escalation twice creates one task. */
    idempotencyKey: text("idempotency_key").notNull(),
    status: text("status").$type<ReviewTaskStatus>().notNull().default("open"),
    version: integer("version").notNull().default(1),
    assigneeId: text("assignee_id").references(() => user.id, { onDelete: "set null" }),
    assignedAt: timestamp("assigned_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    /** Set once by the SLA sweep when the task went past its due time, with who it was re-escalated to. */
    slaBreachedAt: timestamp("sla_breached_at", { withTimezone: true }),
    escalatedToId: text("escalated_to_id").references(() => user.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedBy: text("decided_by").references(() => user.id, { onDelete: "set null" }),
    decision: jsonb("decision").$type<ReviewTaskDecision>(),
  },
  (t) => [
    uniqueIndex("review_tasks_idempotency_uq").on(t.idempotencyKey),
    index("review_tasks_open_idx").on(t.status, t.dueAt),
    index("review_tasks_item_idx").on(t.itemId),
  ],
);

export type ReviewEventAction = ReviewAction | "undo" | "claim" | "release" | "assign" | "sla_breach";

/** What the reviewer had in front of them when deciding. */
export interface ReviewShown {
  reasonType: EscalationReasonType;
  reason: string;
  suggested?: SuggestedOutcome;
  decisions: DecisionSummary[];
}
/** What the event changed. */
export interface ReviewEventChange {
  label?: ItemLabel;
  /** The item's label before a decision (restored by an undo). */
  previousLabel?: ItemLabel | null;
  assigneeId?: string | null;
  escalatedToId?: string | null;
}

/**
 * The append-only audit trail of every task: claims, assignments, decisions, undos and SLA breaches, with
 * who, when, what was shown and what was decided. Rows are only ever inserted.
 */
export const reviewEvents = pgTable(
  "review_events",
  {
    id: text("id").primaryKey(),
    /** Kept (as null) if the task is ever deleted with its workflow: the trail outlives it. */
    taskId: text("task_id").references(() => reviewTasks.id, { onDelete: "set null" }),
    workflowId: text("workflow_id").notNull(),
    itemExternalId: text("item_external_id").notNull(),
    /** Null for the system (the SLA sweep). */
    actorId: text("actor_id").references(() => user.id, { onDelete: "set null" }),
    action: text("action").$type<ReviewEventAction>().notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    shown: jsonb("shown").$type<ReviewShown>(),
    change: jsonb("change").$type<ReviewEventChange>(),
    comment: text("comment"),
    /** The task's version after this event. */
    taskVersion: integer("task_version").notNull(),
    /** For an undo: the decision event it reverses. */
    undoes: text("undoes"),
  },
  (t) => [
    index("review_events_actor_idx").on(t.actorId, t.at),
    index("review_events_task_idx").on(t.taskId, t.at),
  ],
);
