import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import type { CircuitStateName } from "@/lib/monitoring/circuit-timeline";
import { user } from "./auth";
import { connectors } from "./connectors";
import { workflowTestCases } from "./workflows";

/**
 * Every change of a connector's circuit breaker (closed → open → half-open → closed), as the gateway made it.
 * Breakers live in each process's memory; this is their durable history, for the health chart over time.
 */
export const connectorCircuitEvents = pgTable(
  "connector_circuit_events",
  {
    id: text("id").primaryKey(),
    connectorId: text("connector_id")
      .notNull()
      .references(() => connectors.id, { onDelete: "cascade" }),
    fromState: text("from_state").$type<CircuitStateName>().notNull(),
    toState: text("to_state").$type<CircuitStateName>().notNull(),
    /** For an opening: how long the breaker refuses calls before it lets a probe through. */
    cooldownMs: integer("cooldown_ms"),
    /** Which process's breaker changed (host:pid): each worker keeps its own. */
    process: text("process").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [index("connector_circuit_events_connector_idx").on(t.connectorId, t.at)],
);

/** Who added a spec test case (the test case table predates it; cases without a row were added before). */
export const workflowTestCaseAuthors = pgTable("workflow_test_case_authors", {
  testCaseId: text("test_case_id")
    .primaryKey()
    .references(() => workflowTestCases.id, { onDelete: "cascade" }),
  addedBy: text("added_by").references(() => user.id, { onDelete: "set null" }),
  addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
});
