import crypto from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { compileGraph } from "@/lib/engine/compile/compile-graph";
import { backtestPorts } from "@/lib/engine/modes/backtest-ports";
import type { ConnectorRequest } from "@/lib/engine/ports";
import type { Db } from "../../db/client";
import { backtestRuns, datasets, validationCriteria, workflowVersions } from "../../db/schema";
import { embeddedModelsPort } from "../../adapters/models/embedded-models";
import { pgArray } from "../datasets/pg-array";
import { findEmbeddedNodes } from "../models/embedded-nodes";
import { workflowKnowledge } from "../knowledge/knowledge-entries";
import { runModels } from "../models/run-models";
import { loadTrainedModels, prepareEmbeddedModels } from "../models/train-models";
import { createItemBuilder } from "./build-item";
import { LeaseLostError } from "./errors";
import { ItemEvaluator, storedTrace } from "./evaluate-item";
import { addItem, emptyMetricsState } from "./metrics/accumulate";
import { finalizeMetrics } from "./metrics/finalize";
import { judge } from "./metrics/verdict";
import { resultKind } from "./outcome-key";
import type {
  BacktestStatus,
  MetricsState,
  RecordedReadsJson,
  ResultKind,
  StoredTrace,
  SweepPoint,
} from "./types";
import { fetchWindowRows, type WindowCursor, type WindowRow } from "./window-rows";

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
  /** Called after each checkpoint is committed. */
  onCheckpoint?: (progress: { processed: number; total: number }) => void;
}

interface ResultRow {
  rowId: number;
  seq: number;
  actualLabel: string;
  predictedLabel: string;
  kind: ResultKind;
  reasonType: string | null;
  nodeId: string | null;
  durationMs: number;
  trace: StoredTrace | null;
  sweep: SweepPoint[] | null;
}

const DEFAULT_BATCH = 1000;
const YIELD_EVERY = 200;

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
const KEEP_TRACE: ReadonlySet<ResultKind> = new Set(["wrong", "escalated", "error", "deferred"]);

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

    const embedded = embeddedModelsPort(loaded);
    let itemReads: RecordedReadsJson | null = null;
    const fixture = run.readsFixture;
    const ports = backtestPorts({
      models: runModels(db, { embedded, cacheCalls: true }),
      // Loaded once for the whole backtest, on the first match node that reads it.
      knowledge: workflowKnowledge(db, run.workflowId),
      recordedReads: (request: ConnectorRequest) => {
        const key = `${request.connectorId}.${request.operation}`;
        return itemReads?.[key] ?? fixture[key];
      },
      timer: () => performance.now(),
    });
    const overrides = Object.keys(run.thresholdOverrides).length > 0 ? run.thresholdOverrides : undefined;
    const evaluator = new ItemEvaluator(compiled, ports, overrides, options.sweep !== false);
    const build = createItemBuilder(compiled.itemShape, dataset.mapping);

    await setStatus(db, runId, leaseId, { status: "running", startedAt: run.startedAt ?? new Date() });
    const state: MetricsState = run.state ?? emptyMetricsState();
    let processed = run.processedItems;
    const elapsed = run.elapsedSeconds;
    let cursor: WindowCursor | null =
      run.cursorAt && run.cursorRowId !== null ? { at: run.cursorAt, rowId: run.cursorRowId } : null;
    const batchSize = options.batchSize ?? DEFAULT_BATCH;
    const fetch = (after: WindowCursor | null) =>
      fetchWindowRows(db, dataset.id, run.windowFrom, run.windowTo, after, batchSize);

    // Checkpoints are pipelined: batch k is written while batch k+1 runs (on a Postgres server the two
    // overlap), and batch k+1 is written only once batch k has committed, so the order never changes.
    let pending: Promise<boolean> | null = null;
    const cancelled = async () => {
      await setStatus(db, runId, leaseId, { status: "cancelled", finishedAt: new Date(), leaseId: null });
      return "cancelled" as const;
    };
    const resumedAt = performance.now();
    let rows = await fetch(cursor);
    while (rows.length > 0) {
      const last = rows[rows.length - 1]!;
      const more = rows.length === batchSize;
      const prefetched =
        more && options.prefetch !== false ? fetch({ at: last.occurredAt, rowId: last.id }) : null;
      prefetched?.catch(() => undefined);
      const results: ResultRow[] = [];
      for (const row of rows) {
        results.push(await evaluateRow(row, processed + results.length));
        // Let the server answer requests between slices of work: awaiting only settled promises never would.
        if (results.length % YIELD_EVERY === 0) await yieldToEventLoop();
      }
      processed += results.length;
      cursor = { at: last.occurredAt, rowId: last.id };
      const progress = {
        processed,
        cursor,
        state: structuredClone(state),
        elapsed: elapsed + (performance.now() - resumedAt) / 1000,
      };
      if (pending && (await pending)) return cancelled();
      // Stopped (a kill, a shutdown): this batch is dropped, and a resumed run computes it again.
      if (options.signal?.aborted) return "interrupted";
      pending = checkpoint(db, runId, leaseId, results, progress).then((cancelRequested) => {
        options.onCheckpoint?.({ processed: progress.processed, total: run.totalItems });
        return cancelRequested;
      });
      pending.catch(() => undefined);
      // Inside a caller's transaction (prefetch off) every query waits for the one before.
      if (options.prefetch === false && (await pending)) return cancelled();
      rows = prefetched ? await prefetched : more ? await fetch({ at: last.occurredAt, rowId: last.id }) : [];
    }
    if (pending && (await pending)) return cancelled();
    if (options.signal?.aborted) return "interrupted";

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

    async function evaluateRow(row: WindowRow, seq: number): Promise<ResultRow> {
      const item = build(row);
      embedded.setCurrentItem(item);
      itemReads = row.reads;
      const t0 = performance.now();
      const evaluation = await evaluator.evaluate(item, `${runId}:${row.itemId}`);
      state.engineMs += performance.now() - t0;
      ports.log.clear();
      const { result, key, steps, sweep } = evaluation;
      const kind = resultKind(key, row.label);
      const outcome = result.outcome;
      addItem(state, {
        actualLabel: row.label,
        actualEscalated: row.outcomeType === "escalate",
        key,
        queue: outcome.type === "escalate" ? outcome.queue : undefined,
        steps,
        durationMs: result.trace?.durationMs ?? 0,
      });
      return {
        rowId: row.id,
        seq,
        actualLabel: row.label,
        predictedLabel: key.predicted,
        kind,
        reasonType: key.reasonType ?? null,
        nodeId: "nodeId" in outcome ? (outcome.nodeId ?? null) : null,
        durationMs: result.trace?.durationMs ?? 0,
        trace: KEEP_TRACE.has(kind) ? storedTrace(result, steps) : null,
        sweep: sweep.length > 0 ? sweep : null,
      };
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
