import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { compileGraph } from "@/lib/engine/compile/compile-graph";
import type { TestCaseExpectation } from "@/lib/engine/graph/test-case-schema";
import type { Db } from "../../db/client";
import { backtestResults, backtestRuns, datasetRows, datasets, workflowVersions } from "../../db/schema";
import { addTestCase } from "../workflows/test-cases";
import { createItemBuilder } from "./build-item";
import { runNotFound } from "./errors";
import type { RecordedReadsJson } from "./types";

/** What history says should have happened, as a spec test case expectation. */
export function expectationFromHistory(label: string, outcomeType: string | null): TestCaseExpectation {
  if (outcomeType === "escalate") return { terminalType: "escalate", queue: label };
  if (outcomeType === "resolve") return { terminalType: "resolve" };
  if (outcomeType === "end") return { terminalType: "end" };
  return { terminalType: "route", team: label };
}

/**
 * Turns one item of a run into an edge-case spec test case of its workflow: the item as the run saw it, the
 * outcome history records as the expectation, and the reads it was answered with.
 */
export async function mismatchToTestCase(
  db: Db,
  input: { runId: string; rowId: number; name?: string; notes?: string; knownFailure?: boolean },
  addedBy?: string,
) {
  const [row] = await db
    .select({
      run: backtestRuns,
      result: backtestResults,
      data: datasetRows,
      graph: workflowVersions.graph,
      mapping: datasets.mapping,
    })
    .from(backtestResults)
    .innerJoin(backtestRuns, eq(backtestRuns.id, backtestResults.runId))
    .innerJoin(datasetRows, eq(datasetRows.id, backtestResults.rowId))
    .innerJoin(datasets, eq(datasets.id, backtestRuns.datasetId))
    .innerJoin(workflowVersions, eq(workflowVersions.id, backtestRuns.versionId))
    .where(and(eq(backtestResults.runId, input.runId), eq(backtestResults.rowId, input.rowId)));
  if (!row) throw runNotFound();
  const compiled = compileGraph(row.graph);
  const item = createItemBuilder(compiled.itemShape, row.mapping)(row.data);
  const reads: RecordedReadsJson = { ...row.run.readsFixture, ...(row.data.reads ?? {}) };
  const { result } = row;
  const notes =
    input.notes?.trim() ||
    `From backtest #${row.run.number}: history says ${result.actualLabel}; the workflow gave ${result.predictedLabel}${result.trace?.reason ? ` (${result.trace.reason})` : ""}.`;
  const name = (
    input.name?.trim() || `Backtest #${row.run.number}: ${row.data.itemId} (${result.actualLabel})`
  ).slice(0, 200);
  if (notes.length > 4000)
    throw new TRPCError({ code: "BAD_REQUEST", message: "Keep the notes under 4,000 characters." });
  return addTestCase(
    db,
    row.run.workflowId,
    {
      name,
      item,
      expected: expectationFromHistory(result.actualLabel, row.data.outcomeType),
      edgeCase: true,
      knownFailure: input.knownFailure ?? false,
      notes,
      ...(Object.keys(reads).length > 0 ? { recordedReads: reads } : {}),
    },
    addedBy,
  );
}
