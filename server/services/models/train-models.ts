import crypto from "node:crypto";
import { and, asc, desc, eq, inArray, lt, sql, type SQL } from "drizzle-orm";
import type { CompiledGraph } from "@/lib/engine/compile/compile-graph";
import {
  deserializeEmbeddedModel,
  serializeEmbeddedModel,
  trainEmbeddedModel,
  trainEmbeddedModelSplit,
  type FieldValue,
  type TrainingCase,
} from "@/lib/models";
import type { Db } from "../../db/client";
import { datasetRows, trainedModels } from "../../db/schema";
import type { LoadedEmbeddedModel } from "../../adapters/models/embedded-models";
import { createItemBuilder } from "../backtests/build-item";
import type { TrainedModelUse } from "../backtests/types";
import { categoricalFields } from "../datasets/field-stats";
import type { DatasetMapping, FieldStat } from "../datasets/types";
import { findEmbeddedNodes, type EmbeddedNode } from "./embedded-nodes";
import { refitInThread } from "./refit-thread/refit-thread";

/** Below this many cases a training takes less than a thread takes to start (~0.5 s). */
const REFIT_THREAD_MIN_CASES = 4000;

export interface PrepareModelsInput {
  compiled: CompiledGraph;
  dataset: { id: string; mapping: DatasetMapping; fieldStats: FieldStat[]; rowCount: number };
  /** Only cases strictly before this are used: the backtest window's start. */
  cutoff: Date;
  workflowId: string | null;
  createdBy: string | null;
}

export interface PreparedModels {
  uses: TrainedModelUse[];
  loaded: Map<string, LoadedEmbeddedModel>;
}

const TRAINING_BATCH = 5000;
/** Bumped when what goes into training changes, so older trained models are not reused by mistake. */
const TRAINING_RECIPE = 2; // 2: top-label scaling after the temperature

interface ModelSpec {
  modelKey: string;
  nodeIds: string[];
  labels: string[];
  labelMap: Record<string, string>;
  textField: string;
  featureFields: string[];
}

function specsFor(nodes: EmbeddedNode[], featureFields: string[]): ModelSpec[] {
  const byKey = new Map<string, ModelSpec>();
  for (const node of nodes) {
    const spec = byKey.get(node.modelKey);
    if (!spec) {
      byKey.set(node.modelKey, {
        modelKey: node.modelKey,
        nodeIds: [node.nodeId],
        labels: [...node.labels],
        labelMap: { ...node.labelMap },
        textField: node.textField,
        featureFields: featureFields.filter((f) => f !== node.textField),
      });
      continue;
    }
    spec.nodeIds.push(node.nodeId);
    for (const label of node.labels) if (!spec.labels.includes(label)) spec.labels.push(label);
    for (const [outcome, label] of Object.entries(node.labelMap)) spec.labelMap[outcome] ??= label;
  }
  return [...byKey.values()];
}

function trainingKeyOf(datasetId: string, cutoff: Date, spec: ModelSpec): string {
  const canonical = JSON.stringify({
    recipe: TRAINING_RECIPE,
    datasetId,
    cutoff: cutoff.toISOString(),
    modelKey: spec.modelKey,
    labels: [...spec.labels].sort(),
    labelMap: Object.entries(spec.labelMap).sort(([a], [b]) => a.localeCompare(b)),
    textField: spec.textField,
    featureFields: [...spec.featureFields].sort(),
  });
  return crypto.createHash("sha256").update(canonical).digest("hex");
}

/**
 * Every case of the dataset strictly before the cut-off, as the model will see it at run time (the same item
 * builder, the same text field, the same structured fields), labelled with the node label its outcome maps
 * to. Cases whose outcome no label leads to (a compliance escalation, a rare team) are left out.
 */
export async function loadTrainingCases(
  db: Db,
  input: Pick<PrepareModelsInput, "compiled" | "dataset" | "cutoff">,
  spec: Pick<ModelSpec, "labelMap" | "textField" | "featureFields">,
): Promise<TrainingCase[]> {
  const build = createItemBuilder(input.compiled.itemShape, input.dataset.mapping);
  const cases: TrainingCase[] = [];
  let cursor: { at: Date; id: number } | null = null;
  for (;;) {
    const rows = await fetchBefore(db, input.dataset.id, input.cutoff, cursor);
    for (const row of rows) {
      const label = spec.labelMap[row.label];
      if (label === undefined) continue;
      const item = build(row);
      const text = item[spec.textField];
      const fields: Record<string, FieldValue> = {};
      for (const name of spec.featureFields) {
        const value = item[name];
        fields[name] =
          value === undefined || value === null
            ? null
            : typeof value === "object"
              ? JSON.stringify(value)
              : (value as FieldValue);
      }
      cases.push({ text: typeof text === "string" ? text : "", fields, label, occurredAt: row.occurredAt });
    }
    if (rows.length < TRAINING_BATCH) break;
    const last = rows[rows.length - 1]!;
    cursor = { at: last.occurredAt, id: last.id };
  }
  return cases;
}

function fetchBefore(db: Db, datasetId: string, cutoff: Date, cursor: { at: Date; id: number } | null) {
  const after: SQL | undefined = cursor
    ? sql`(${datasetRows.occurredAt}, ${datasetRows.id}) > (${cursor.at.toISOString()}::timestamptz, ${cursor.id}::bigint)`
    : undefined;
  return db
    .select({
      id: datasetRows.id,
      itemId: datasetRows.itemId,
      occurredAt: datasetRows.occurredAt,
      label: datasetRows.label,
      text: datasetRows.text,
      fields: datasetRows.fields,
    })
    .from(datasetRows)
    .where(and(eq(datasetRows.datasetId, datasetId), lt(datasetRows.occurredAt, cutoff), after))
    .orderBy(asc(datasetRows.occurredAt), asc(datasetRows.id))
    .limit(TRAINING_BATCH);
}

/**
 * Trains (or reuses, when the same training was done before) the embedded model of every node that asks
 * one, on the dataset's cases before the cut-off only, and stores each as a new version in trained_models.
 */
export async function prepareEmbeddedModels(db: Db, input: PrepareModelsInput): Promise<PreparedModels> {
  const nodes = findEmbeddedNodes(input.compiled);
  const uses: TrainedModelUse[] = [];
  const loaded = new Map<string, LoadedEmbeddedModel>();
  if (nodes.length === 0) return { uses, loaded };
  const specs = specsFor(nodes, categoricalFields(input.dataset.fieldStats, input.dataset.rowCount));
  for (const spec of specs) {
    const trainingKey = trainingKeyOf(input.dataset.id, input.cutoff, spec);
    const [existing] = await db
      .select()
      .from(trainedModels)
      .where(eq(trainedModels.trainingKey, trainingKey))
      .orderBy(desc(trainedModels.version))
      .limit(1);
    if (existing) {
      loaded.set(spec.modelKey, {
        model: deserializeEmbeddedModel(existing.model),
        featureFields: existing.featureFields,
      });
      uses.push(modelUse(existing, spec, true));
      continue;
    }
    const cases = await loadTrainingCases(db, input, spec);
    if (cases.length === 0) {
      throw new Error(
        `Nothing to train the embedded model "${spec.modelKey}" on: no case before ${input.cutoff.toISOString().slice(0, 10)} has an outcome its labels lead to. Start the window later, or import more history.`,
      );
    }
    const started = performance.now();
    // The final refit runs in a thread beside the held-out fit (the same model, on two cores) when the
    // training is long enough to repay starting a thread.
    const model =
      cases.length >= REFIT_THREAD_MIN_CASES
        ? await trainEmbeddedModelSplit({ cases, cutoff: input.cutoff }, refitInThread)
        : trainEmbeddedModel({ cases, cutoff: input.cutoff });
    const trainingMs = Math.round(performance.now() - started);
    const row = await insertVersion(db, {
      id: crypto.randomUUID(),
      modelKey: spec.modelKey,
      workflowId: input.workflowId,
      datasetId: input.dataset.id,
      trainingKey,
      cutoff: input.cutoff,
      trainingSize: model.training.size,
      labels: model.labels,
      labelMap: spec.labelMap,
      textField: spec.textField,
      featureFields: spec.featureFields,
      heldOut: model.heldOut,
      model: serializeEmbeddedModel(model),
      trainingMs,
      createdBy: input.createdBy,
    });
    // Predict with the stored form, so a resumed run (which loads it) decides exactly as this one.
    loaded.set(spec.modelKey, {
      model: deserializeEmbeddedModel(row.model),
      featureFields: spec.featureFields,
    });
    uses.push(modelUse(row, spec, false));
  }
  return { uses, loaded };
}

type NewTrainedModel = Omit<typeof trainedModels.$inferInsert, "version">;

async function insertVersion(db: Db, values: NewTrainedModel) {
  for (let attempt = 0; ; attempt++) {
    const [{ next } = { next: 1 }] = await db
      .select({ next: sql<number>`coalesce(max(${trainedModels.version}), 0)::int + 1` })
      .from(trainedModels)
      .where(eq(trainedModels.modelKey, values.modelKey));
    try {
      const [row] = await db
        .insert(trainedModels)
        .values({ ...values, version: next })
        .returning();
      return row!;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

function modelUse(row: typeof trainedModels.$inferSelect, spec: ModelSpec, reused: boolean): TrainedModelUse {
  return {
    modelKey: spec.modelKey,
    trainedModelId: row.id,
    nodeIds: spec.nodeIds,
    cutoff: row.cutoff.toISOString(),
    trainingSize: row.trainingSize,
    heldOutAccuracy: row.heldOut?.accuracy ?? null,
    reused,
  };
}

/** The models a run trained, loaded again (a resumed run never retrains). */
export async function loadTrainedModels(
  db: Db,
  uses: readonly TrainedModelUse[],
): Promise<Map<string, LoadedEmbeddedModel>> {
  const loaded = new Map<string, LoadedEmbeddedModel>();
  if (uses.length === 0) return loaded;
  const rows = await db
    .select()
    .from(trainedModels)
    .where(
      inArray(
        trainedModels.id,
        uses.map((u) => u.trainedModelId),
      ),
    );
  for (const use of uses) {
    const row = rows.find((r) => r.id === use.trainedModelId);
    if (!row)
      throw new Error(
        `The trained model of "${use.modelKey}" used by this run was deleted; start a new run.`,
      );
    loaded.set(use.modelKey, {
      model: deserializeEmbeddedModel(row.model),
      featureFields: row.featureFields,
    });
  }
  return loaded;
}
