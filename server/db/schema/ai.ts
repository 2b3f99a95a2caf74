import {
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { user } from "./auth";
import { workflows } from "./workflows";

export type ModelProviderKind = "openai" | "anthropic" | "openai-compatible";

/**
 * Hosted or local LLM providers an admin configured. The API key is not here: it lives encrypted in `secrets`
 * under scope "model-provider:<id>", so no query on this table can leak it.
 */
export const modelProviders = pgTable("model_providers", {
  id: text("id").primaryKey(),
  name: text("name").notNull().unique("model_providers_name_uq"),
  kind: text("kind").$type<ModelProviderKind>().notNull(),
  /** Required for openai-compatible servers (Ollama, vLLM, LM Studio); optional override for the others. */
  baseUrl: text("base_url"),
  defaultModel: text("default_model").notNull(),
  /** Calls in flight at once, per process. */
  concurrency: integer("concurrency").notNull().default(4),
  requestsPerMinute: integer("requests_per_minute").notNull().default(60),
  timeoutMs: integer("timeout_ms").notNull().default(30_000),
  /** USD per million tokens, for the cost recorded with each call (0 for local servers). */
  inputCostPerMillion: doublePrecision("input_cost_per_million").notNull().default(0),
  outputCostPerMillion: doublePrecision("output_cost_per_million").notNull().default(0),
  createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type ModelCallStatus = "ok" | "cached" | "error";
export type ModelCallPurpose = "classify" | "embed" | "test";

/** One row per provider call (or cache hit): what it cost in tokens, time and money. */
export const modelCalls = pgTable(
  "model_calls",
  {
    id: text("id").primaryKey(),
    providerId: text("provider_id").references(() => modelProviders.id, { onDelete: "set null" }),
    model: text("model").notNull(),
    purpose: text("purpose").$type<ModelCallPurpose>().notNull(),
    status: text("status").$type<ModelCallStatus>().notNull(),
    inputTokens: integer("input_tokens").notNull().default(0),
    outputTokens: integer("output_tokens").notNull().default(0),
    latencyMs: integer("latency_ms").notNull().default(0),
    costUsd: doublePrecision("cost_usd").notNull().default(0),
    /** Why the call failed, with no secret in it (provider error class and status). */
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("model_calls_provider_created_idx").on(t.providerId, t.createdAt)],
);

/**
 * Answers to identical calls, keyed by a SHA-256 of everything that shapes the answer (provider, model, prompt,
 * label set, options), so re-running a backtest does not pay twice.
 */
export const modelCallCache = pgTable("model_call_cache", {
  key: text("key").primaryKey(),
  response: jsonb("response").$type<Record<string, unknown>>().notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export type KnowledgeEntrySource = "manual" | "import" | "dataset";

/** A workflow's knowledge base: articles or resolved past cases, matched by the match node. */
export const knowledgeEntries = pgTable(
  "knowledge_entries",
  {
    id: text("id").primaryKey(),
    workflowId: text("workflow_id")
      .notNull()
      .references(() => workflows.id, { onDelete: "cascade" }),
    /** The id shown to owners and put in the match node's output; unique within the workflow. */
    entryKey: text("entry_key").notNull(),
    title: text("title").notNull(),
    text: text("text").notNull(),
    resolution: text("resolution").notNull(),
    source: text("source").$type<KnowledgeEntrySource>().notNull().default("manual"),
    /** Cached embedding of title + text, and the `providerId/model` that made it. */
    embedding: jsonb("embedding").$type<number[] | null>(),
    embeddingModel: text("embedding_model"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("knowledge_entries_key_uq").on(t.workflowId, t.entryKey)],
);
