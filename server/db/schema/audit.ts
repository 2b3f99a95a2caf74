import { bigint, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * What an audit row records. One list, so a call site cannot invent a spelling the admin's filter misses.
 * Lifecycle acts carry the stage event's kind (recordStageEvent fails to compile when a kind is missing
 * here); their from/to stages are in `details`.
 */
export const AUDIT_ACTIONS = [
  "auth.sign_in",
  "auth.sign_in_failed",
  "auth.sign_in_throttled",
  "user.role_changed",
  "connector.created",
  "connector.updated",
  "connector.deleted",
  "connector.secret_set",
  "connector.secret_cleared",
  "api_key.created",
  "api_key.revoked",
  "model_provider.created",
  "model_provider.updated",
  "model_provider.deleted",
  "model_provider.key_set",
  "model_provider.key_cleared",
  "threshold.changed",
  "workflow.published",
  "backtest.signed_off",
  "lifecycle.transition",
  "lifecycle.rollback",
  "lifecycle.canary",
  "lifecycle.auto_rollback",
  "lifecycle.policy",
  "review.decided",
  "review.undone",
] as const satisfies readonly string[];
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** "user": a signed-in person; "api_key": a caller of the public API; "system": the app itself (guards, seeds). */
export type AuditActorType = "user" | "api_key" | "system";

/** Facts about the act, never a secret's value (the secrets canary test dumps this table too). */
export type AuditDetailValue = string | number | boolean | null | string[];
export type AuditDetails = Record<string, AuditDetailValue>;

/**
 * The general audit log: one row per security-relevant act. Append-only for the application — a trigger
 * created with the table refuses UPDATE, DELETE and TRUNCATE — and deliberately without foreign keys,
 * so removing a user or a connector neither cascades into nor is blocked by its history.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    /** Increasing in commit order closely enough to page by, and unique where `at` may tie. */
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorType: text("actor_type").$type<AuditActorType>().notNull(),
    /** The user's or API key's id; null for the system. */
    actorId: text("actor_id"),
    /** Readable as it was at the time: the email, "api-key:<prefix>", or "system". */
    actorLabel: text("actor_label").notNull(),
    action: text("action").$type<AuditAction>().notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    details: jsonb("details").$type<AuditDetails>().notNull().default({}),
  },
  (t) => [
    index("audit_events_action_idx").on(t.action, t.id),
    index("audit_events_actor_idx").on(t.actorLabel, t.id),
  ],
);

/**
 * Sign-in attempts per account (keyed by a hash of the normalised email, so unknown addresses leave no
 * readable trace) within a fixed window: the per-account brute-force limit, shared by every process.
 */
export const signInAttempts = pgTable("sign_in_attempts", {
  accountKey: text("account_key").primaryKey(),
  attempts: integer("attempts").notNull(),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull(),
});
