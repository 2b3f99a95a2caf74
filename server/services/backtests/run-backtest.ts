import crypto from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { compileGraph } from "@/lib/engine/compile/compile-graph";
import type { Db } from "../../db/client";
import { backtestRuns, datasets, validationCriteria, workflowVersions } from "../../db/schema";
import { pgArray } from "../datasets/pg-array";
import { findEmbeddedNodes } from "../models/embedded-nodes";
import { loadTrainedModels, prepareEmbeddedModels } from "../models/train-models";
import { LeaseLostError } from "./errors";
import { emptyMetricsState } from "./metrics/accumulate";
import { finalizeMetrics } from "./metrics/finalize";
import { judge } from "./metrics/verdict";
import type { BacktestStatus, MetricsState } from "./types";
import type { BatchResult, BatchRunner, ResultRow } from "./batch-evaluator";
import { openBatchRunner } from "./open-batch-runner";
import { fetchWindowRows, type WindowCursor } from "./window-rows";

// Item evaluation lives in batch-evaluator.ts (this thread; LLM graphs) and engine-thread/ (a thread of its
// own), chosen by open-batch-runner.ts; this file reads batches, checkpoints them and finishes the run.

export interface ExecuteOptions {
  /** Who holds the run; a fresh one by default. */
  leaseId?: string;
  /** Stops between batches without finishing the run (a simulated kill, or the process shutting down). */
  signal?: AbortSignal;
  /** Items per checkpoint. */
  batchSize?: number;
  /** Record each thresholded node's other side for the threshold sweep (on by default). */
  sweep?: boolean;
  /** Read the next batch and write the last while this one runs (default); off inside a caller's transaction. */
  prefetch?: boolean;
  /**
   * Run the engine in a thread of its own when the graph allows it. Off by default: on 2 cores the thread
   * measured no faster (backtest.e2e, 100,000 cases: 15.8 s against 15.3 s on PGlite, 12.5 s against 11.2 s
   * on a Postgres server) and ~120 MB heavier. SWITCHBOARD_BACKTEST_THREAD=1 turns it on for runs of 5,000
   * items or more (machines with more cores); true and false decide for this run.
   */
  engineThread?: boolean;
  /** Called after each checkpoint is committed. */
  onCheckpoint?: (progress: { processed: number; total: number }) => void;
}

const DEFAULT_BATCH = 1000;
/** Below this many items a thread costs more to start than it saves. */
const THREAD_MIN_ITEMS = 5000;

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Claims the run for this process; answers the row, or null when it is finished or held by someone else. */
async function claim(db: Db, runId: string, leaseId: string) {
  const [row] = await db
    .update(backtestRuns)
    .set({ leaseId, heartbeatAt: sql`now()` })
    .where(and(eq(backtestRuns.id, runId), inArray(backtestRuns.status, ["queued", "training", "running"])))
    .returning();
  return row ?? null;
}

async function setStatus(
  db: Db,
  runId: string,
  leaseId: string,
  values: Partial<typeof backtestRuns.$inferInsert>,
) {
  const updated = await db
    .update(backtestRuns)
    .set({ ...values, heartbeatAt: sql`now()` })
    .where(and(eq(backtestRuns.id, runId), eq(backtestRuns.leaseId, leaseId)))
    .returning({ cancelRequested: backtestRuns.cancelRequested });
  if (updated.length === 0) throw new LeaseLostError();
  return updated[0]!;
}

/**
 * Runs (or resumes) one backtest to its end in this process: trains the embedded models on the cases before
 * the window (once; a resumed run loads them), then runs the window's items in time order through the engine
 * in backtest mode, checkpointing results and running totals together in one transaction per batch, so a run
 * stopped at any point resumes from its last checkpoint and counts nothing twice.
 */
export async function executeBacktest(
  db: Db,
  runId: string,
  options: ExecuteOptions = {},
): Promise<BacktestStatus | "interrupted"> {
  const leaseId = options.leaseId ?? crypto.randomUUID();
  const run = await claim(db, runId, leaseId);
  if (!run) {
    const [current] = await db
      .select({ status: backtestRuns.status })
      .from(backtestRuns)
      .where(eq(backtestRuns.id, runId));
    return current?.status ?? "failed";
  }
  try {
    const [[version], [dataset], [criteria]] = await Promise.all([
      db.select().from(workflowVersions).where(eq(workflowVersions.id, run.versionId)),
      db.select().from(datasets).where(eq(datasets.id, run.datasetId)),
      run.criteriaId
        ? db.select().from(validationCriteria).where(eq(validationCriteria.id, run.criteriaId))
        : Promise.resolve([]),
    ]);
    if (!version) throw new Error("the workflow version was deleted");
    if (!dataset || dataset.status !== "ready") throw new Error("the dataset is not available");
    const compiled = compileGraph(version.graph);

    let uses = run.trainedModels;
    let loaded;
    if (uses.length === 0 && findEmbeddedNodes(compiled).length > 0) {
      await setStatus(db, runId, leaseId, { status: "training", startedAt: run.startedAt ?? new Date() });
      const prepared = await prepareEmbeddedModels(db, {
        compiled,
        dataset: {
          id: dataset.id,
          mapping: dataset.mapping,
          fieldStats: dataset.fieldStats,
          rowCount: dataset.rowCount,
        },
        cutoff: run.windowFrom,
        workflowId: run.workflowId,
        createdBy: run.startedBy,
      });
      uses = prepared.uses;
      loaded = prepared.loaded;
      await setStatus(db, runId, leaseId, { trainedModels: uses });
    } else {
      loaded = await loadTrainedModels(db, uses);
    }

    await setStatus(db, runId, leaseId, { status: "running", startedAt: run.startedAt ?? new Date() });
    let state: MetricsState = run.state ?? emptyMetricsState();
    const runner = await openBatchRunner(db, {
      runId,
      workflowId: run.workflowId,
      graph: version.graph,
      compiled,
      loaded,
      readsFixture: run.readsFixture,
      overrides: Object.keys(run.thresholdOverrides).length > 0 ? run.thresholdOverrides : undefined,
      sweep: options.sweep !== false,
      mapping: dataset.mapping,
      state,
      engineThread:
        options.engineThread ??
        (process.env.SWITCHBOARD_BACKTEST_THREAD === "1" &&
          run.totalItems - run.processedItems >= THREAD_MIN_ITEMS),
    });
    try {
      const outcome = await runBatches(runner);
      if (outcome !== "finished") return outcome;
    } finally {
      await runner.close();
    }

    const metrics = finalizeMetrics(
      state,
      compiled.nodes.map((n) => ({ id: n.id, type: n.type, name: n.name })),
    );
    const verdict = criteria
      ? judge(
          {
            id: criteria.id,
            version: criteria.version,
            minAutoAccuracy: criteria.minAutoAccuracy,
            maxEscalationRate: criteria.maxEscalationRate,
            minLabelRecall: criteria.minLabelRecall ?? null,
          },
          metrics,
        )
      : null;
    await setStatus(db, runId, leaseId, {
      status: "done",
      metrics,
      verdict,
      passed: verdict?.pass ?? null,
      finishedAt: new Date(),
      leaseId: null,
    });
    return "done";

    /** Runs the window's remaining batches, each checkpointed; "finished" when the window is done. */
    async function runBatches(runner: BatchRunner): Promise<"finished" | "cancelled" | "interrupted"> {
      let processed = run!.processedItems;
      const elapsed = run!.elapsedSeconds;
      let cursor: WindowCursor | null =
        run!.cursorAt && run!.cursorRowId !== null ? { at: run!.cursorAt, rowId: run!.cursorRowId } : null;
      const batchSize = options.batchSize ?? DEFAULT_BATCH;
      const prefetch = options.prefetch !== false;
      const fetch = (after: WindowCursor | null) =>
        fetchWindowRows(db, dataset!.id, run!.windowFrom, run!.windowTo, after, batchSize);

      // Checkpoints are pipelined: batch k is written while batch k+1 runs (in the engine thread, or on a
      // Postgres server), and batch k+1 is written only once batch k has committed, so the order never changes.
      let pending: Promise<boolean> | null = null;
      let evaluating: Promise<BatchResult> | null = null;
      const cancelled = async () => {
        await setStatus(db, runId, leaseId, { status: "cancelled", finishedAt: new Date(), leaseId: null });
        return "cancelled" as const;
      };
      const resumedAt = performance.now();
      let rows = await fetch(cursor);
      while (rows.length > 0) {
        const last = rows[rows.length - 1]!;
        const next = { at: last.occurredAt, rowId: last.id };
        const more = rows.length === batchSize;
        const evaluation = evaluating ?? runner.evaluate(rows, processed);
        const prefetched = more && prefetch ? fetch(next) : null;
        prefetched?.catch(() => undefined);
        const batch = await evaluation;
        evaluating = null;
        processed += batch.results.length;
        state = { ...batch.state, runner: runner.where };
        cursor = next;
        const progress = {
          processed,
          cursor,
          state,
          elapsed: elapsed + (performance.now() - resumedAt) / 1000,
        };
        if (pending && (await pending)) return cancelled();
        // Stopped (a kill, a shutdown): this batch is dropped, and a resumed run computes it again.
        if (options.signal?.aborted) return "interrupted";
        pending = checkpoint(db, runId, leaseId, batch.results, progress).then((cancelRequested) => {
          options.onCheckpoint?.({ processed: progress.processed, total: run!.totalItems });
          return cancelRequested;
        });
        pending.catch(() => undefined);
        if (!prefetch) {
          // Inside a caller's transaction every query waits for the one before.
          if (await pending) return cancelled();
          rows = more ? await fetch(next) : [];
          continue;
        }
        rows = prefetched ? await prefetched : [];
        if (rows.length > 0 && runner.where === "thread") {
          // The engine thread goes on with the next batch while this thread writes the last one.
          evaluating = runner.evaluate(rows, processed);
          evaluating.catch(() => undefined);
        }
      }
      if (pending && (await pending)) return cancelled();
      if (options.signal?.aborted) return "interrupted";
      return "finished";
    }
  } catch (error) {
    if (error instanceof LeaseLostError) return "interrupted";
    await db
      .update(backtestRuns)
      .set({ status: "failed", error: message(error), finishedAt: new Date(), leaseId: null })
      .where(and(eq(backtestRuns.id, runId), eq(backtestRuns.leaseId, leaseId)));
    return "failed";
  }
}

/** Results and running totals in one transaction: after a crash either both are there or neither. */
async function checkpoint(
  db: Db,
  runId: string,
  leaseId: string,
  results: ResultRow[],
  progress: { processed: number; cursor: WindowCursor; state: MetricsState; elapsed: number },
): Promise<boolean> {
  const json = (value: unknown) => (value === null ? null : JSON.stringify(value));
  return db.transaction(async (tx) => {
    await tx.execute(sql`
      insert into backtest_results (run_id, row_id, seq, actual_label, predicted_label, kind, reason_type, node_id, duration_ms, trace, sweep)
      select ${runId}, * from unnest(
        ${pgArray(results.map((r) => r.rowId))}::bigint[],
        ${pgArray(results.map((r) => r.seq))}::int[],
        ${pgArray(results.map((r) => r.actualLabel))}::text[],
        ${pgArray(results.map((r) => r.predictedLabel))}::text[],
        ${pgArray(results.map((r) => r.kind))}::text[],
        ${pgArray(results.map((r) => r.reasonType))}::text[],
        ${pgArray(results.map((r) => r.nodeId))}::text[],
        ${pgArray(results.map((r) => Math.round(r.durationMs * 1000) / 1000))}::real[],
        ${pgArray(results.map((r) => json(r.trace)))}::json[],
        ${pgArray(results.map((r) => json(r.sweep)))}::json[])
      on conflict (run_id, row_id) do nothing`);
    const [updated] = await tx
      .update(backtestRuns)
      .set({
        processedItems: progress.processed,
        cursorAt: progress.cursor.at,
        cursorRowId: progress.cursor.rowId,
        state: progress.state,
        elapsedSeconds: progress.elapsed,
        heartbeatAt: sql`now()`,
      })
      .where(and(eq(backtestRuns.id, runId), eq(backtestRuns.leaseId, leaseId)))
      .returning({ cancelRequested: backtestRuns.cancelRequested });
    if (!updated) throw new LeaseLostError();
    return updated.cancelRequested;
  });
}
