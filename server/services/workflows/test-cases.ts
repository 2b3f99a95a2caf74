import crypto from "node:crypto";
import { TRPCError } from "@trpc/server";
import { and, eq, sql } from "drizzle-orm";
import type { TestCase } from "@/lib/engine/graph/test-case-schema";
import type { Db } from "../../db/client";
import { workflowTestCaseAuthors, workflowTestCases } from "../../db/schema";
import { loadTestCases, loadVersion, loadWorkflow } from "./load";
import { runSpecTests } from "./run-spec-tests";
import { testCaseFromRow, testCaseToRow } from "./test-case-rows";

export type TestCaseInput = Omit<TestCase, "id">;

/** `addedBy`: the person adding it, shown in the monthly review's "test cases added this month". */
export async function addTestCase(db: Db, workflowId: string, testCase: TestCaseInput, addedBy?: string) {
  await loadWorkflow(db, workflowId);
  const id = crypto.randomUUID();
  await db.insert(workflowTestCases).values(testCaseToRow(workflowId, { ...testCase, id }, id));
  if (addedBy) await db.insert(workflowTestCaseAuthors).values({ testCaseId: id, addedBy });
  return { id };
}

export async function updateTestCase(db: Db, workflowId: string, testCase: TestCase) {
  const { id: _id, workflowId: _w, ...values } = testCaseToRow(workflowId, testCase, testCase.id);
  const updated = await db
    .update(workflowTestCases)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(workflowTestCases.workflowId, workflowId), eq(workflowTestCases.id, testCase.id)))
    .returning({ id: workflowTestCases.id });
  if (updated.length === 0)
    throw new TRPCError({ code: "NOT_FOUND", message: "That test case no longer exists." });
  return { id: testCase.id };
}

export async function deleteTestCase(db: Db, workflowId: string, testCaseId: string) {
  await db
    .delete(workflowTestCases)
    .where(and(eq(workflowTestCases.workflowId, workflowId), eq(workflowTestCases.id, testCaseId)));
  return { id: testCaseId };
}

/** Runs every spec test case against one version (the newest unless asked). */
export async function runWorkflowTests(db: Db, workflowId: string, versionId?: string) {
  const [version, rows] = await Promise.all([
    loadVersion(db, workflowId, versionId),
    loadTestCases(db, workflowId),
  ]);
  const result = await runSpecTests(version.graph, rows.map(testCaseFromRow));
  return { versionId: version.id, version: version.version, ...result };
}
