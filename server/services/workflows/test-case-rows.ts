import crypto from "node:crypto";
import type { TestCase } from "@/lib/engine/graph/test-case-schema";
import type { workflowTestCases } from "../../db/schema";

type TestCaseRow = typeof workflowTestCases.$inferSelect;

/** A spec test case as stored; the id is the database's, not the exported file's. */
export function testCaseToRow(workflowId: string, testCase: TestCase, id: string = crypto.randomUUID()) {
  return {
    id,
    workflowId,
    name: testCase.name,
    item: testCase.item,
    expected: testCase.expected,
    thresholdOverrides: testCase.thresholdOverrides ?? null,
    recordedReads: testCase.recordedReads ?? null,
    knownFailure: testCase.knownFailure ?? false,
    edgeCase: testCase.edgeCase ?? false,
    notes: testCase.notes ?? "",
  };
}

export function testCaseFromRow(row: TestCaseRow): TestCase {
  return {
    id: row.id,
    name: row.name,
    item: row.item,
    expected: row.expected,
    ...(row.thresholdOverrides ? { thresholdOverrides: row.thresholdOverrides } : {}),
    ...(row.recordedReads ? { recordedReads: row.recordedReads } : {}),
    ...(row.knownFailure ? { knownFailure: true } : {}),
    ...(row.edgeCase ? { edgeCase: true } : {}),
    ...(row.notes ? { notes: row.notes } : {}),
  };
}
