import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileGraph } from "@/lib/engine/compile/compile-graph";
import type { Database } from "../../../db/client";
import { backtestResults } from "../../../db/schema";
import { openTestDatabase } from "../../../testing/test-database";
import { createWorkflow } from "../../workflows/create-workflow";
import { DEMO_MAPPING, DEMO_READS_FIXTURE, supportTriageWithEmbeddedModel } from "../demo-history";
import { emptyMetricsState } from "../metrics/accumulate";
import { openBatchRunner, threadCanRun } from "../open-batch-runner";
import { getRun } from "../queries/get-run";
import { executeBacktest } from "../run-backtest";
import { startBacktest } from "../start-backtest";
import { demoFixture } from "./fixtures";

let database: Database;
let fx: Awaited<ReturnType<typeof demoFixture>>;
let workflowId: string;
let versionId: string;
const FROM = new Date(Date.UTC(2025, 0, 20));

beforeAll(async () => {
  database = await openTestDatabase();
  fx = await demoFixture(database.db, { days: 35, weekdayMean: 30 });
  const created = await createWorkflow(database.db, fx.ownerId, {
    name: "Support triage (embedded)",
    graph: supportTriageWithEmbeddedModel(),
  });
  workflowId = created.id;
  versionId = created.versionId;
}, 120_000);
afterAll(() => database.close());

async function backtest(options: Parameters<typeof executeBacktest>[2]) {
  const { runId } = await startBacktest(
    database.db,
    fx.ownerId,
    { workflowId, versionId, datasetId: fx.datasetId, from: FROM, readsFixture: DEMO_READS_FIXTURE },
    { launch: false, requireCriteria: false },
  );
  return { runId, status: await executeBacktest(database.db, runId, { batchSize: 100, ...options }) };
}

async function resultsOf(runId: string) {
  return database.db
    .select({
      seq: backtestResults.seq,
      rowId: backtestResults.rowId,
      kind: backtestResults.kind,
      predicted: backtestResults.predictedLabel,
      reason: backtestResults.reasonType,
      nodeId: backtestResults.nodeId,
      sweep: backtestResults.sweep,
    })
    .from(backtestResults)
    .where(eq(backtestResults.runId, runId))
    .orderBy(asc(backtestResults.seq));
}

async function comparable(runId: string) {
  const run = await getRun(database.db, runId);
  const { latency: _l, engineItemsPerSecond: _e, ...metrics } = run.metrics!;
  return { status: run.status, metrics, results: await resultsOf(runId) };
}

describe("the engine thread", () => {
  it("is chosen for a graph whose models need no database, and not for one with an LLM node", async () => {
    const graph = supportTriageWithEmbeddedModel();
    expect(threadCanRun(graph)).toBe(true);
    const withLlm = {
      ...graph,
      nodes: graph.nodes.map((node) =>
        node.type === "classify"
          ? { ...node, config: { ...node.config, model: { kind: "llm", providerId: "p", model: "m" } } }
          : node,
      ),
    };
    expect(threadCanRun(withLlm)).toBe(false);

    const input = {
      runId: "r",
      workflowId,
      compiled: compileGraph(graph),
      loaded: new Map(),
      readsFixture: DEMO_READS_FIXTURE,
      sweep: true,
      mapping: DEMO_MAPPING,
      state: emptyMetricsState(),
      engineThread: true,
    };
    const threaded = await openBatchRunner(database.db, { ...input, graph });
    const local = await openBatchRunner(database.db, { ...input, graph: withLlm });
    await Promise.all([threaded.close(), local.close()]);
    expect([threaded.where, local.where]).toEqual(["thread", "in-process"]);
  });

  it("gives item for item what the server's thread gives, and resumes after a kill", async () => {
    const inProcess = await backtest({ engineThread: false });
    const threaded = await backtest({ engineThread: true });
    expect([inProcess.status, threaded.status]).toEqual(["done", "done"]);
    const expected = await comparable(inProcess.runId);
    expect(expected.results.length).toBeGreaterThan(300);
    expect(await comparable(threaded.runId)).toEqual(expected);

    const killed = new AbortController();
    const { runId, status } = await backtest({
      engineThread: true,
      signal: killed.signal,
      onCheckpoint: ({ processed }) => {
        if (processed >= 200) killed.abort();
      },
    });
    expect(status).toBe("interrupted");
    expect(await executeBacktest(database.db, runId, { batchSize: 100, engineThread: true })).toBe("done");
    expect(await comparable(runId)).toEqual(expected);
  }, 120_000);
});
