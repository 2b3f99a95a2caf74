import crypto from "node:crypto";
import { createReadStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { graphSchema } from "@/lib/engine/graph/graph-schema";
import { validateGraph } from "@/lib/engine/validate/validate-graph";
import { openDatabase } from "../../db/client";
import { validationCriteria } from "../../db/schema";
import { importDataset } from "../datasets/import-dataset";
import type { DatasetMapping, ImportReport } from "../datasets/types";
import { createWorkflow } from "../workflows/create-workflow";
import { getRun } from "./queries/get-run";
import { executeBacktest } from "./run-backtest";
import { startBacktest } from "./start-backtest";
import type { BacktestMetrics, CriteriaValues, RecordedReadsJson, TrainedModelUse, Verdict } from "./types";

export interface CliBacktestOptions {
  graph: unknown;
  graphName: string;
  dataFile: string;
  mapping: DatasetMapping;
  /** UTC days, the last one included. */
  from?: string;
  to?: string;
  thresholds?: Record<string, number>;
  reads?: RecordedReadsJson;
  criteria: CriteriaValues | null;
  /** A Postgres URL; by default an embedded database in a temporary directory, removed afterwards. */
  databaseUrl?: string;
  progress?: (line: string) => void;
}

export interface CliBacktestReport {
  graph: string;
  data: {
    file: string;
    imported: number;
    badRows: number;
    report: Pick<ImportReport, "badByReason" | "badRows" | "omitted">;
  };
  window: { from: string; to: string };
  status: string;
  error: string | null;
  trainedModels: TrainedModelUse[];
  criteria: CriteriaValues | null;
  verdict: Verdict | null;
  pass: boolean;
  metrics: BacktestMetrics | null;
  seconds: number;
}

/** The graph's own problems, one line each: the CLI prints them and exits 1. */
export class GraphProblemsError extends Error {
  constructor(readonly problems: string[]) {
    super(`the workflow graph is not valid:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

async function sha256File(file: string): Promise<string> {
  const hash = crypto.createHash("sha256");
  await pipeline(createReadStream(file), hash);
  return hash.digest("hex");
}

const DAY_MS = 86_400_000;

/**
 * The `switchboard backtest` command's work, with no server: an embedded database in a temporary directory,
 * the graph saved as a workflow, the file imported, the run executed in this process, the figures returned.
 */
export async function runCliBacktest(options: CliBacktestOptions): Promise<CliBacktestReport> {
  const started = performance.now();
  const validation = validateGraph(options.graph);
  if (!validation.ok)
    throw new GraphProblemsError(
      validation.errors.map((e) => `${e.code}${e.nodeId ? ` [${e.nodeId}]` : ""}: ${e.message}`),
    );
  const { testCases: _cases, ...graph } = graphSchema.parse(options.graph);
  const dir = options.databaseUrl ? null : mkdtempSync(path.join(tmpdir(), "switchboard-backtest-"));
  const database = await openDatabase(
    options.databaseUrl ? { url: options.databaseUrl } : { pgliteDir: path.join(dir!, "pglite") },
  );
  try {
    const db = database.db;
    const { id: workflowId, versionId } = await createWorkflow(db, null, { name: options.graphName, graph });
    if (options.criteria) {
      await db.insert(validationCriteria).values({
        id: crypto.randomUUID(),
        workflowId,
        version: 1,
        minAutoAccuracy: options.criteria.minAutoAccuracy,
        maxEscalationRate: options.criteria.maxEscalationRate,
        minLabelRecall: options.criteria.minLabelRecall,
        note: "from the command line",
      });
    }
    options.progress?.(`importing ${options.dataFile}…`);
    const imported = await importDataset(db, {
      name: path.basename(options.dataFile),
      sourceName: path.basename(options.dataFile),
      mapping: options.mapping,
      source: createReadStream(options.dataFile),
      fileHash: await sha256File(options.dataFile),
      onProgress: (p) => options.progress?.(`  ${p.imported} rows imported`),
    });
    if (imported.status !== "ready") {
      const first = imported.report.badRows[0];
      throw new Error(
        `no row of ${options.dataFile} could be imported${first ? ` (line ${first.line}: ${first.message})` : ""}`,
      );
    }
    const { runId } = await startBacktest(
      db,
      null,
      {
        workflowId,
        versionId,
        datasetId: imported.datasetId,
        from: options.from ? new Date(`${options.from}T00:00:00.000Z`) : undefined,
        to: options.to ? new Date(new Date(`${options.to}T00:00:00.000Z`).getTime() + DAY_MS) : undefined,
        thresholdOverrides: options.thresholds,
        readsFixture: options.reads,
      },
      { launch: false, requireCriteria: false },
    );
    options.progress?.("running the backtest…");
    await executeBacktest(db, runId, {
      batchSize: 4000,
      onCheckpoint: ({ processed, total }) => options.progress?.(`  ${processed} / ${total} items`),
    });
    const run = await getRun(db, runId);
    return {
      graph: options.graphName,
      data: {
        file: options.dataFile,
        imported: imported.report.imported,
        badRows: imported.report.rowsRead - imported.report.imported,
        report: {
          badByReason: imported.report.badByReason,
          badRows: imported.report.badRows.slice(0, 20),
          omitted: imported.report.omitted + Math.max(0, imported.report.badRows.length - 20),
        },
      },
      window: {
        from: run.windowFrom.toISOString().slice(0, 10),
        to: new Date(run.windowTo.getTime() - 1).toISOString().slice(0, 10),
      },
      status: run.status,
      error: run.error,
      trainedModels: run.trainedModels,
      criteria: options.criteria,
      verdict: run.verdict,
      pass: run.status === "done" && run.passed !== false,
      metrics: run.metrics,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await database.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
