import { desc, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { datasets, trainedModels, workflows } from "../../db/schema";

/** The trained embedded models, newest first, without their weights. */
export async function listEmbeddedModels(db: Db, limit = 200) {
  const rows = await db
    .select({
      id: trainedModels.id,
      modelKey: trainedModels.modelKey,
      version: trainedModels.version,
      workflowName: workflows.name,
      datasetName: datasets.name,
      cutoff: trainedModels.cutoff,
      trainingSize: trainedModels.trainingSize,
      labels: trainedModels.labels,
      heldOut: trainedModels.heldOut,
      trainingMs: trainedModels.trainingMs,
      createdAt: trainedModels.createdAt,
    })
    .from(trainedModels)
    .leftJoin(workflows, eq(workflows.id, trainedModels.workflowId))
    .leftJoin(datasets, eq(datasets.id, trainedModels.datasetId))
    .orderBy(desc(trainedModels.createdAt))
    .limit(limit);
  return rows.map(({ heldOut, labels, ...row }) => ({
    ...row,
    labelCount: labels.length,
    heldOut: heldOut
      ? {
          size: heldOut.size,
          accuracy: heldOut.accuracy,
          macroF1: heldOut.macroF1,
          eceBefore: heldOut.eceBeforeCalibration,
          eceAfter: heldOut.eceAfterCalibration,
        }
      : null,
  }));
}
