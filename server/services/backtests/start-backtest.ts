import crypto from "node:crypto";
import { TRPCError } from "@trpc/server";
import { and, eq, sql } from "drizzle-orm";
import { compileGraph, GraphValidationError } from "@/lib/engine/compile/compile-graph";
import type { Db } from "../../db/client";
import { backtestRuns, datasets } from "../../db/schema";
import { isUniqueViolation } from "../workflows/errors";
import { loadVersion } from "../workflows/load";
import { launchBacktest } from "./background";
import { currentCriteria } from "./criteria";
import { datasetNotFound, runNotFound } from "./errors";
import type { RecordedReadsJson } from "./types";
import { countWindowRows } from "./window-rows";

export interface StartBacktestInput {
  workflowId: string;
  versionId: string;
  datasetId: string;
  /** Inclusive; default: 90 days before `to`. */
  from?: Date;
  /** Exclusive; default: the day after the dataset's last case. */
  to?: Date;
  thresholdOverrides?: Record<string, number>;
  readsFixture?: RecordedReadsJson;
}

const DAY_MS = 86_400_000;
export const DEFAULT_WINDOW_DAYS = 90;

/** The latest `days` whole days of a dataset: [start of day of (last − days + 1), start of the day after last). */
export function defaultWindow(lastAt: Date, days = DEFAULT_WINDOW_DAYS): { from: Date; to: Date } {
  const to = new Date(Math.floor(lastAt.getTime() / DAY_MS) * DAY_MS + DAY_MS);
  return { from: new Date(to.getTime() - days * DAY_MS), to };
}

/**
 * Creates a backtest of one version over a dataset window, judged against the criteria in force now, and
 * (unless told not to) starts it in the background. Refused before any work when the criteria are missing,
 * the graph does not compile, an override names a node without a threshold, or the window holds no case.
 */
export async function startBacktest(
  db: Db,
  userId: string | null,
  input: StartBacktestInput,
  options: {
    launch?: boolean;
    /** The CLI may run without criteria (nothing to fail then). */ requireCriteria?: boolean;
  } = {},
) {
  const version = await loadVersion(db, input.workflowId, input.versionId);
  const [dataset] = await db.select().from(datasets).where(eq(datasets.id, input.datasetId));
  if (!dataset) throw datasetNotFound();
  if (dataset.status !== "ready" || !dataset.lastAt) {
    throw new TRPCError({
      code: "PRECONDITION_FAILED",
      message: `The dataset "${dataset.name}" has no imported case to run.`,
    });
  }
  const criteria = await currentCriteria(db, input.workflowId);
  if (!criteria && options.requireCriteria !== false) {
    throw new TRPCError({
      code: "PRECONDITION_FAILED",
      message:
        "Record the validation criteria (minimum accuracy, maximum escalation rate, approver) before the first backtest.",
    });
  }
  let compiled;
  try {
    compiled = compileGraph(version.graph);
  } catch (error) {
    const detail =
      error instanceof GraphValidationError ? (error.errors[0]?.message ?? "it is not valid") : String(error);
    throw new TRPCError({
      code: "PRECONDITION_FAILED",
      message: `Version ${version.version} cannot run: ${detail}`,
    });
  }
  const overrides = input.thresholdOverrides ?? {};
  for (const [nodeId, value] of Object.entries(overrides)) {
    if (!compiled.thresholds.has(nodeId))
      throw new TRPCError({
        code: "BAD_REQUEST",
        message: `The node "${nodeId}" has no threshold to override.`,
      });
    if (!(value >= 0 && value <= 1))
      throw new TRPCError({
        code: "BAD_REQUEST",
        message: `The threshold of "${nodeId}" must be between 0 and 1.`,
      });
  }
  const fallback = defaultWindow(dataset.lastAt);
  const to = input.to ?? fallback.to;
  const from = input.from ?? new Date(to.getTime() - DEFAULT_WINDOW_DAYS * DAY_MS);
  if (!(from < to))
    throw new TRPCError({ code: "BAD_REQUEST", message: "The window must start before it ends." });
  const total = await countWindowRows(db, dataset.id, from, to);
  if (total === 0) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `No case of "${dataset.name}" falls between ${from.toISOString().slice(0, 10)} and ${new Date(to.getTime() - 1).toISOString().slice(0, 10)}.`,
    });
  }

  for (let attempt = 0; ; attempt++) {
    const [{ next } = { next: 1 }] = await db
      .select({ next: sql<number>`coalesce(max(${backtestRuns.number}), 0)::int + 1` })
      .from(backtestRuns)
      .where(eq(backtestRuns.workflowId, input.workflowId));
    const id = crypto.randomUUID();
    try {
      await db.insert(backtestRuns).values({
        id,
        number: next,
        workflowId: input.workflowId,
        versionId: version.id,
        datasetId: dataset.id,
        criteriaId: criteria?.id ?? null,
        windowFrom: from,
        windowTo: to,
        thresholdOverrides: overrides,
        readsFixture: input.readsFixture ?? {},
        totalItems: total,
        startedBy: userId,
      });
      if (options.launch !== false) void launchBacktest(db, id);
      return { runId: id, number: next, totalItems: total };
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
    }
  }
}

/**
 * Asks a run to stop: the process running it stops at its next checkpoint and marks it cancelled; a run that
 * no process holds (queued, or its process is gone) is cancelled at once. Results so far are kept.
 */
export async function cancelBacktest(db: Db, runId: string) {
  const [run] = await db
    .select({ status: backtestRuns.status, leaseId: backtestRuns.leaseId })
    .from(backtestRuns)
    .where(eq(backtestRuns.id, runId));
  if (!run) throw runNotFound();
  if (run.status === "done" || run.status === "failed" || run.status === "cancelled") {
    throw new TRPCError({
      code: "PRECONDITION_FAILED",
      message: `This backtest has already ${run.status === "done" ? "finished" : run.status === "failed" ? "failed" : "been cancelled"}.`,
    });
  }
  await db.update(backtestRuns).set({ cancelRequested: true }).where(eq(backtestRuns.id, runId));
  // Nobody holds it (queued, never claimed): cancel it now rather than waiting for a runner.
  await db
    .update(backtestRuns)
    .set({ status: "cancelled", finishedAt: new Date() })
    .where(
      and(
        eq(backtestRuns.id, runId),
        eq(backtestRuns.status, "queued"),
        sql`${backtestRuns.leaseId} is null`,
      ),
    );
  return { runId };
}
