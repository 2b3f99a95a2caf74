import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { user } from "./auth";
import { workflows, workflowVersions } from "./workflows";

/**
 * A credential for the ingest API. Only a SHA-256 of the secret is kept: the secret is shown once, at
 * creation. `prefix` (the secret's first characters) lets people tell keys apart in lists and logs.
 */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    /** When set, the key may only send items to this workflow. */
    workflowId: text("workflow_id").references(() => workflows.id, { onDelete: "cascade" }),
    prefix: text("prefix").notNull(),
    secretHash: text("secret_hash").notNull(),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedBy: text("revoked_by").references(() => user.id, { onDelete: "set null" }),
  },
  (t) => [uniqueIndex("api_keys_secret_hash_uq").on(t.secretHash)],
);

/**
 * The first answer given to a request that carried an `Idempotency-Key`, so a retried request gets the
 * same answer and creates nothing. `requestHash` refuses the same key reused for a different body.
 */
export const ingestRequests = pgTable(
  "ingest_requests",
  {
    id: text("id").primaryKey(),
    apiKeyId: text("api_key_id")
      .notNull()
      .references(() => apiKeys.id, { onDelete: "cascade" }),
    idempotencyKey: text("idempotency_key").notNull(),
    requestHash: text("request_hash").notNull(),
    status: integer("status").notNull(),
    response: jsonb("response").$type<unknown>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("ingest_requests_key_uq").on(t.apiKeyId, t.idempotencyKey)],
);

export type WorkflowStage = "draft" | "validated" | "shadow" | "live" | "paused";
/** `policy`: an admin changed a rule of the road (e.g. the minimum shadow period), not the stage. */
export type StageEventKind = "transition" | "rollback" | "canary" | "auto_rollback" | "policy";

/** Append-only audit of every lifecycle act: who moved the workflow where, with which version, and why. */
export const workflowStageEvents = pgTable(
  "workflow_stage_events",
  {
    id: text("id").primaryKey(),
    workflowId: text("workflow_id")
      .notNull()
      .references(() => workflows.id, { onDelete: "cascade" }),
    kind: text("kind").$type<StageEventKind>().notNull(),
    fromStage: text("from_stage").$type<WorkflowStage>().notNull(),
    toStage: text("to_stage").$type<WorkflowStage>().notNull(),
    versionId: text("version_id").references(() => workflowVersions.id, { onDelete: "set null" }),
    canaryPercent: integer("canary_percent"),
    /** Null when the system acted (the canary guard). */
    actorId: text("actor_id").references(() => user.id, { onDelete: "set null" }),
    reason: text("reason").notNull().default(""),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("workflow_stage_events_workflow_idx").on(t.workflowId, t.at)],
);
