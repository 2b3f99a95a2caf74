import { TRPCError } from "@trpc/server";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../db/client";
import { backtestResults, backtestRuns, workflowTestCases } from "../../../db/schema";
import { openTestDatabase } from "../../../testing/test-database";
import { resumeInterruptedBacktests, waitForLocalBacktests } from "../background";
import { criteriaHistory, saveCriteria } from "../criteria";
import { DEMO_READS_FIXTURE } from "../demo-history";
import { compareRuns } from "../queries/compare";
import { getRun } from "../queries/get-run";
import { listMismatches } from "../queries/mismatches";
import { sweepRun } from "../queries/sweep";
import { executeBacktest } from "../run-backtest";
import { hasSignedOffPassingBacktest, signOffBacktest } from "../sign-off";
import { cancelBacktest, startBacktest, type StartBacktestInput } from "../start-backtest";
import { mismatchToTestCase } from "../to-test-case";
import { demoFixture } from "./fixtures";

let database: Database;
let fx: Awaited<ReturnType<typeof demoFixture>>;
const FROM = new Date(Date.UTC(2025, 0, 13));

beforeAll(async () => {
  database = await openTestDatabase();
  fx = await demoFixture(database.db);
  await saveCriteria(database.db, fx.ownerId, {
    workflowId: fx.workflowId,
    approverId: fx.adminId,
    minAutoAccuracy: 0.85,
    maxEscalationRate: 0.35,
    minLabelRecall: null,
  });
});
afterAll(() => database.close());

async function runToEnd(input: Partial<StartBacktestInput> = {}, batchSize = 150, sweep = true) {
  const { runId } = await startBacktest(
    database.db,
    fx.ownerId,
    {
      workflowId: fx.workflowId,
      versionId: fx.published.id,
      datasetId: fx.datasetId,
      from: FROM,
      readsFixture: DEMO_READS_FIXTURE,
      ...input,
    },
    { launch: false },
  );
  expect(await executeBacktest(database.db, runId, { batchSize, sweep })).toBe("done");
  return getRun(database.db, runId);
}

/** What must not depend on how a run was executed (speed and latency may). */
function comparable(run: Awaited<ReturnType<typeof getRun>>) {
  const { latency: _l, engineItemsPerSecond: _e, ...metrics } = run.metrics!;
  return { metrics, verdict: run.verdict };
}

describe("a backtest run", () => {
  let baseline: Awaited<ReturnType<typeof getRun>>;

  beforeAll(async () => {
    baseline = await runToEnd();
  });

  it("runs every item of the window once, in time order, and judges it", async () => {
    expect(baseline.status).toBe("done");
    expect(baseline.metrics!.items).toBe(baseline.progress.total);
    const rows = await database.db
      .select({
        n: sql<number>`count(*)::int`,
        distinct: sql<number>`count(distinct ${backtestResults.rowId})::int`,
        maxSeq: sql<number>`max(${backtestResults.seq})`,
      })
      .from(backtestResults)
      .where(eq(backtestResults.runId, baseline.id));
    expect(rows[0]).toEqual({
      n: baseline.progress.total,
      distinct: baseline.progress.total,
      maxSeq: baseline.progress.total - 1,
    });
    expect(baseline.verdict?.criteria.map((c) => c.key)).toEqual(["minAutoAccuracy", "maxEscalationRate"]);
    // Traces are kept for mismatches and escalations only.
    const [kept] = await database.db
      .select({
        withTrace: sql<number>`count(*) filter (where ${backtestResults.trace} is not null)::int`,
        correct: sql<number>`count(*) filter (where ${backtestResults.kind} = 'correct' and ${backtestResults.trace} is not null)::int`,
      })
      .from(backtestResults)
      .where(eq(backtestResults.runId, baseline.id));
    expect(kept!.correct).toBe(0);
    expect(kept!.withTrace).toBe(
      baseline.metrics!.items - Math.round(baseline.metrics!.autoAccuracy! * baseline.metrics!.autoHandled),
    );
  });

  it("sweeps a threshold to the same figures a re-run at that threshold gives", async () => {
    const thresholds = [0.3, 0.6, 0.85];
    const sweep = await sweepRun(database.db, { runId: baseline.id, thresholds });
    for (const nodeId of ["classify", "known_fix"]) {
      const node = sweep.nodes.find((n) => n.nodeId === nodeId)!;
      expect(node.reached).toBeGreaterThan(0);
      for (const [i, threshold] of thresholds.entries()) {
        const rerun = await runToEnd({ thresholdOverrides: { [nodeId]: threshold } }, 400, false);
        const row = node.rows[i]!;
        expect({
          node: nodeId,
          threshold,
          auto: row.autoHandled,
          escalated: row.escalated,
          accuracy: row.autoAccuracy,
        }).toEqual({
          node: nodeId,
          threshold,
          auto: rerun.metrics!.autoHandled,
          escalated: rerun.metrics!.escalated,
          accuracy: rerun.metrics!.autoAccuracy,
        });
      }
    }
  });

  it("resumes after a kill from its last checkpoint, counting nothing twice", async () => {
    const { runId } = await startBacktest(
      database.db,
      fx.ownerId,
      {
        workflowId: fx.workflowId,
        versionId: fx.published.id,
        datasetId: fx.datasetId,
        from: FROM,
        readsFixture: DEMO_READS_FIXTURE,
      },
      { launch: false },
    );
    const killed = new AbortController();
    const status = await executeBacktest(database.db, runId, {
      batchSize: 100,
      signal: killed.signal,
      onCheckpoint: ({ processed }) => {
        if (processed >= 300) killed.abort();
      },
    });
    expect(status).toBe("interrupted");
    const [halfway] = await database.db.select().from(backtestRuns).where(eq(backtestRuns.id, runId));
    expect(halfway).toMatchObject({ status: "running", processedItems: 300 });

    expect(await resumeInterruptedBacktests(database.db, { staleAfterMs: 0, batchSize: 100 })).toEqual([
      runId,
    ]);
    await waitForLocalBacktests();
    const resumed = await getRun(database.db, runId);
    expect(resumed.status).toBe("done");
    const [counts] = await database.db
      .select({
        n: sql<number>`count(*)::int`,
        distinct: sql<number>`count(distinct ${backtestResults.rowId})::int`,
      })
      .from(backtestResults)
      .where(eq(backtestResults.runId, runId));
    expect(counts).toEqual({ n: resumed.progress.total, distinct: resumed.progress.total });
    expect(comparable(resumed)).toEqual(comparable(baseline));
  });

  it("stops at the next checkpoint when cancelled, keeping what it had done", async () => {
    const { runId } = await startBacktest(
      database.db,
      fx.ownerId,
      {
        workflowId: fx.workflowId,
        versionId: fx.published.id,
        datasetId: fx.datasetId,
        from: FROM,
        readsFixture: DEMO_READS_FIXTURE,
      },
      { launch: false },
    );
    let asked = false;
    const status = await executeBacktest(database.db, runId, {
      batchSize: 50,
      onCheckpoint: () => {
        if (!asked) void cancelBacktest(database.db, runId);
        asked = true;
      },
    });
    expect(status).toBe("cancelled");
    const run = await getRun(database.db, runId);
    expect(run.status).toBe("cancelled");
    expect(run.progress.processed).toBeGreaterThan(0);
    expect(run.progress.processed).toBeLessThan(run.progress.total);
    await expect(cancelBacktest(database.db, runId)).rejects.toThrow("already been cancelled");
  });

  it("lets only the named approver sign off, only a passing run, only once", async () => {
    const db = database.db;
    const refuse = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: unknown) => (e instanceof TRPCError ? e.code : String(e)),
      );
    expect(baseline.passed).toBe(true);
    expect(await hasSignedOffPassingBacktest(db, fx.published.id)).toBe(false);
    expect(await refuse(signOffBacktest(db, fx.ownerId, { runId: baseline.id }))).toBe("FORBIDDEN");
    expect(
      await refuse(signOffBacktest(db, fx.adminId, { runId: baseline.id, note: "looked at the mismatches" })),
    ).toBeNull();
    expect(await refuse(signOffBacktest(db, fx.adminId, { runId: baseline.id }))).toBe("CONFLICT");
    expect(await hasSignedOffPassingBacktest(db, fx.published.id)).toBe(true);

    // A stricter bar, recorded after seeing results: the history says so, and the draft fails it.
    await saveCriteria(db, fx.ownerId, {
      workflowId: fx.workflowId,
      approverId: fx.adminId,
      minAutoAccuracy: 0.99,
      maxEscalationRate: 0.1,
      minLabelRecall: null,
    });
    const history = await criteriaHistory(db, fx.workflowId);
    expect(history[0]!.changedAfterResults).not.toBeNull();
    const failing = await runToEnd({ versionId: fx.draft.id }, 400, false);
    expect(failing.passed).toBe(false);
    expect(failing.criteria?.version).toBe(2);
    expect(await refuse(signOffBacktest(db, fx.adminId, { runId: failing.id }))).toBe("PRECONDITION_FAILED");
    expect(await hasSignedOffPassingBacktest(db, fx.draft.id)).toBe(false);
    // The earlier run keeps its verdict under the criteria it started with.
    expect((await getRun(db, baseline.id)).verdict?.criteriaVersion).toBe(1);
  });

  it("turns a mismatch into an edge-case spec test case", async () => {
    const page = await listMismatches(database.db, { runId: baseline.id, kinds: ["wrong"], limit: 5 });
    expect(page.total).toBeGreaterThan(0);
    const first = page.items[0]!;
    expect(first.trace?.steps.length).toBeGreaterThan(0);
    const { id } = await mismatchToTestCase(database.db, { runId: baseline.id, rowId: first.rowId });
    const [testCase] = await database.db
      .select()
      .from(workflowTestCases)
      .where(and(eq(workflowTestCases.id, id)));
    expect(testCase).toMatchObject({ edgeCase: true, workflowId: fx.workflowId });
    expect(testCase!.item.ticket_id).toBe(first.itemId);
    expect(testCase!.notes).toContain(`history says ${first.actualLabel}`);
  });

  it("compares two runs item by item", async () => {
    const stricter = await runToEnd({ thresholdOverrides: { classify: 0.9 } }, 400, false);
    const diff = await compareRuns(database.db, { leftRunId: baseline.id, rightRunId: stricter.id });
    expect(diff.metrics!.escalationRate[2]).toBeGreaterThan(0);
    expect(diff.changes!.counts.newlyEscalated).toBeGreaterThan(0);
    const { changed, fixed, broken, newlyEscalated } = diff.changes!.counts;
    // A stricter classifier only hands more items to a person: nothing it auto-handles changes its answer.
    expect(changed).toBe(newlyEscalated);
    expect(fixed + broken).toBeLessThanOrEqual(changed);
    expect(
      diff.changes!.items.every((c) => c.leftPredicted !== c.rightPredicted || c.leftKind !== c.rightKind),
    ).toBe(true);
  });
});
