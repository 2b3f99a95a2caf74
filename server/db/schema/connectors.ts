import { doublePrecision, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import type {
  ConnectorAuth,
  ConnectorOperation,
  ResilienceOverrides,
} from "../../integrations/connector-schema";
import type { IntegrationProfileDraft } from "../../integrations/profile-schema";
import { user } from "./auth";

/** HTTP/JSON systems workflows may call; their credentials live in `secrets`, never in these columns. */
export const connectors = pgTable("connectors", {
  id: text("id").primaryKey(),
  name: text("name").notNull().unique("connectors_name_uq"),
  description: text("description").notNull().default(""),
  baseUrl: text("base_url").notNull(),
  auth: jsonb("auth").$type<ConnectorAuth>().notNull(),
  defaultHeaders: jsonb("default_headers").$type<Record<string, string>>().notNull().default({}),
  operations: jsonb("operations").$type<ConnectorOperation[]>().notNull().default([]),
  profile: jsonb("profile").$type<IntegrationProfileDraft>().notNull().default({}),
  resilience: jsonb("resilience").$type<ResilienceOverrides>().notNull().default({}),
  allowedHosts: jsonb("allowed_hosts").$type<string[]>().notNull().default([]),
  createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Encrypted secrets (AES-256-GCM, see server/secrets), addressed by scope and name — "connector:<id>" /
 * "apiKey" — so other features (model-provider API keys) store theirs here too.
 */
export const secrets = pgTable(
  "secrets",
  {
    scope: text("scope").notNull(),
    name: text("name").notNull(),
    ciphertext: text("ciphertext").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.name] })],
);

/** One token bucket per connector, shared by every worker (see integrations/rate-limit/database-rate-limiter.ts). */
export const connectorRateBuckets = pgTable("connector_rate_buckets", {
  connectorId: text("connector_id")
    .primaryKey()
    .references(() => connectors.id, { onDelete: "cascade" }),
  tokens: doublePrecision("tokens").notNull(),
  refilledAtMs: doublePrecision("refilled_at_ms").notNull(),
});
