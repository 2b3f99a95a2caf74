import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileGraph } from "@/lib/engine/compile/compile-graph";
import type { GraphInput } from "@/lib/engine/graph/graph-schema";
import type { Database } from "../../../db/client";
import { datasets, trainedModels } from "../../../db/schema";
import { createUserWithPassword } from "../../../db/seed/users";
import { openTestDatabase } from "../../../testing/test-database";
import { importDataset } from "../../datasets/import-dataset";
import { loadTrainingCases } from "../../models/train-models";
import { createWorkflow } from "../../workflows/create-workflow";
import { saveCriteria } from "../criteria";
import { getRun } from "../queries/get-run";
import { executeBacktest } from "../run-backtest";
import { startBacktest } from "../start-backtest";

/*
 * trigger ─► classify (embedded "animals", threshold 0) ─alpha─► route team-a
 *                                                      └beta──► route team-b
 */
const graph: GraphInput = {
  schemaVersion: 1,
  nodes: [
    {
      id: "trigger",
      type: "trigger",
      position: { x: 0, y: 0 },
      config: {
        fields: [
          { name: "case_id", type: "string", required: true },
          { name: "message", type: "string", required: true },
          { name: "at", type: "date", required: true },
        ],
        textField: "message",
        idField: "case_id",
        occurredAtField: "at",
      },
    },
    {
      id: "classify",
      type: "classify",
      position: { x: 1, y: 0 },
      escalateUnconnected: ["low_confidence"],
      config: { labels: ["alpha", "beta"], model: { kind: "embedded", modelId: "animals" }, threshold: 0 },
    },
    { id: "to_a", type: "route", position: { x: 2, y: 0 }, config: { team: "team-a" } },
    { id: "to_b", type: "route", position: { x: 2, y: 1 }, config: { team: "team-b" } },
  ],
  edges: [
    { id: "e1", source: "trigger", sourceHandle: "out", target: "classify" },
    { id: "e2", source: "classify", sourceHandle: "alpha", target: "to_a" },
    { id: "e3", source: "classify", sourceHandle: "beta", target: "to_b" },
  ],
};

const CUTOFF = Date.UTC(2025, 2, 1);
const HOUR = 3_600_000;

/**
 * Before the cut-off, zebras go to team-a and yaks to team-b; from the cut-off on, history says the opposite.
 * A model that saw any case of the window would learn the new habit; one trained strictly before it cannot.
 */
function csv(): string {
  const lines = ["case_id,message,at,team"];
  for (let i = 0; i < 60; i++) {
    lines.push(
      `old-z${i},zebra crossing report ${i},${new Date(CUTOFF - (120 - i) * HOUR).toISOString()},team-a`,
    );
    lines.push(
      `old-y${i},yak wool order ${i},${new Date(CUTOFF - (120 - i) * HOUR + 1000).toISOString()},team-b`,
    );
  }
  // Exactly at the cut-off: inside the window, so never trained on.
  lines.push(`edge-z,zebra at the edge,${new Date(CUTOFF).toISOString()},team-b`);
  for (let i = 0; i < 40; i++) {
    lines.push(
      `new-z${i},zebra crossing report ${i} leakword,${new Date(CUTOFF + (i + 1) * HOUR).toISOString()},team-b`,
    );
    lines.push(
      `new-y${i},yak wool order ${i} leakword,${new Date(CUTOFF + (i + 1) * HOUR + 1000).toISOString()},team-a`,
    );
  }
  return `${lines.join("\n")}\n`;
}

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

describe("training for a backtest", () => {
  it("uses only cases strictly before the window, and says so", async () => {
    const db = database.db;
    const ownerId = await createUserWithPassword(db, {
      email: "ts@test",
      name: "Tess",
      role: "owner",
      password: "x-password-1",
    });
    const { id: workflowId, versionId } = await createWorkflow(db, ownerId, {
      name: "Animals",
      graph: graph as never,
    });
    await saveCriteria(db, ownerId, {
      workflowId,
      approverId: ownerId,
      minAutoAccuracy: 0.5,
      maxEscalationRate: 0.5,
      minLabelRecall: null,
    });
    const imported = await importDataset(db, {
      name: "animals",
      mapping: { format: "csv", id: "case_id", at: "at", dateFormat: "iso", label: "team", text: "message" },
      source: [csv()],
    });
    expect(imported.report.imported).toBe(201);

    // The loader itself never hands over a case at or after the cut-off.
    const [dataset] = await db.select().from(datasets).where(eq(datasets.id, imported.datasetId));
    const cases = await loadTrainingCases(
      db,
      {
        compiled: compileGraph(graph),
        dataset: {
          id: dataset!.id,
          mapping: dataset!.mapping,
          fieldStats: dataset!.fieldStats,
          rowCount: dataset!.rowCount,
        },
        cutoff: new Date(CUTOFF),
      },
      { labelMap: { "team-a": "alpha", "team-b": "beta" }, textField: "message", featureFields: [] },
    );
    expect(cases).toHaveLength(120);
    expect(cases.every((c) => c.occurredAt!.getTime() < CUTOFF)).toBe(true);
    expect(cases.some((c) => c.text?.includes("leakword"))).toBe(false);

    const { runId } = await startBacktest(
      db,
      ownerId,
      { workflowId, versionId, datasetId: imported.datasetId, from: new Date(CUTOFF) },
      { launch: false },
    );
    expect(await executeBacktest(db, runId)).toBe("done");
    const run = await getRun(db, runId);
    expect(run.trainedModels).toEqual([
      expect.objectContaining({
        modelKey: "animals",
        nodeIds: ["classify"],
        cutoff: new Date(CUTOFF).toISOString(),
        trainingSize: 120,
        reused: false,
      }),
    ]);
    const [stored] = await db
      .select()
      .from(trainedModels)
      .where(eq(trainedModels.id, run.trainedModels[0]!.trainedModelId));
    expect(stored).toMatchObject({
      modelKey: "animals",
      version: 1,
      trainingSize: 120,
      datasetId: imported.datasetId,
    });
    expect(stored!.model.training).toMatchObject({
      cutoff: new Date(CUTOFF).toISOString(),
      excludedAtOrAfterCutoff: 0,
      labelCounts: { alpha: 60, beta: 60 },
    });
    // Trained on the old habit only, so it gets the new one wrong: any leak would have lifted this.
    expect(run.metrics!.items).toBe(81);
    expect(run.metrics!.autoAccuracy!).toBeLessThan(0.1);

    // The same window again reuses the stored model instead of training twice.
    const again = await startBacktest(
      db,
      ownerId,
      { workflowId, versionId, datasetId: imported.datasetId, from: new Date(CUTOFF) },
      { launch: false },
    );
    expect(await executeBacktest(db, again.runId)).toBe("done");
    expect((await getRun(db, again.runId)).trainedModels[0]).toMatchObject({
      reused: true,
      trainedModelId: stored!.id,
    });
  });
});
