import { TRPCError } from "@trpc/server";
import { compileGraph, GraphValidationError } from "@/lib/engine/compile/compile-graph";
import type { Graph } from "@/lib/engine/graph/graph-schema";
import { runTestCases, type TestCaseReport } from "@/lib/engine/testing/run-test-cases";
import type { GraphValidationIssue } from "@/lib/engine/validate/validation-issue";
import type { Db } from "../../db/client";
import { loadTestCases, loadWorkflow } from "./load";
import { testCaseFromRow } from "./test-case-rows";

const LISTED_PROBLEMS = 10;

function draftNotRunnable(errors: readonly GraphValidationIssue[]): TRPCError {
  const listed = errors.slice(0, LISTED_PROBLEMS).map((e) => e.message);
  const more = errors.length > LISTED_PROBLEMS ? [`and ${errors.length - LISTED_PROBLEMS} more`] : [];
  const these = errors.length === 1 ? "this problem is" : `these ${errors.length} problems are`;
  return new TRPCError({
    code: "BAD_REQUEST",
    message: `The draft cannot run its test cases until ${these} fixed: ${[...listed, ...more].join("; ")}`,
  });
}

/**
 * Runs the workflow's spec test cases against the editor's draft, unsaved edits included, with the same
 * deterministic ports as the saved-version run. Nothing is stored; publishing still checks the saved version.
 * Unlike that run, an invalid draft is refused outright: the owner is mid-edit and needs the list of what to fix.
 */
export async function runDraftTests(db: Db, workflowId: string, graph: Graph): Promise<TestCaseReport> {
  await loadWorkflow(db, workflowId);
  let compiled;
  try {
    compiled = compileGraph(graph);
  } catch (error) {
    if (!(error instanceof GraphValidationError)) throw error;
    throw draftNotRunnable(error.errors);
  }
  const rows = await loadTestCases(db, workflowId);
  return runTestCases(compiled, rows.map(testCaseFromRow));
}
