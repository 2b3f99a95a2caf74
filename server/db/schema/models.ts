import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import type { HeldOutMetrics, SerializedEmbeddedModel } from "@/lib/models";
import { user } from "./auth";
import { datasets } from "./datasets";
import { workflows } from "./workflows";

/**
 * Embedded models trained on a dataset's history before a cut-off, versioned per model key (the `modelId` a
 * classify node names). `trainingKey` identifies the exact inputs, so the same training is never done twice.
 */
export const trainedModels = pgTable(
  "trained_models",
  {
    id: text("id").primaryKey(),
    modelKey: text("model_key").notNull(),
    version: integer("version").notNull(),
    workflowId: text("workflow_id").references(() => workflows.id, { onDelete: "set null" }),
    datasetId: text("dataset_id").references(() => datasets.id, { onDelete: "set null" }),
    trainingKey: text("training_key").notNull(),
    /** Only cases strictly before this were used. */
    cutoff: timestamp("cutoff", { withTimezone: true }).notNull(),
    trainingSize: integer("training_size").notNull(),
    labels: jsonb("labels").$type<string[]>().notNull(),
    /** Outcome label in history → the node's label it teaches. */
    labelMap: jsonb("label_map").$type<Record<string, string>>().notNull(),
    /** The item field read as text, and the fields used as structured features. */
    textField: text("text_field").notNull(),
    featureFields: jsonb("feature_fields").$type<string[]>().notNull(),
    heldOut: jsonb("held_out").$type<HeldOutMetrics | null>(),
    model: jsonb("model").$type<SerializedEmbeddedModel>().notNull(),
    trainingMs: integer("training_ms").notNull().default(0),
    createdBy: text("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("trained_models_version_uq").on(t.modelKey, t.version),
    index("trained_models_training_key_idx").on(t.trainingKey),
  ],
);
