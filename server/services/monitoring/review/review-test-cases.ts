import { asc, desc, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { user, workflowTestCaseAuthors, workflowTestCases, workflowVersions } from "../../../db/schema";
import { runSpecTests } from "../../workflows/run-spec-tests";
import { testCaseFromRow } from "../../workflows/test-case-rows";

export type TestCaseStatus = "passes" | "fails" | "known failure" | "known failure, passes now" | "not run";

export interface ReviewTestCase {
  id: string;
  name: string;
  edgeCase: boolean;
  status: TestCaseStatus;
  /** Where it came from, as its notes begin ("From backtest #3: …", "From the shadow run …"). */
  notes: string;
  addedAtMs: number;
  /** Null for cases added before authors were recorded, or by a removed user. */
  addedBy: string | null;
}

const statusOf = (knownFailure: boolean, pass: boolean | undefined): TestCaseStatus =>
  pass === undefined
    ? "not run"
    : knownFailure
      ? pass
        ? "known failure, passes now"
        : "known failure"
      : pass
        ? "passes"
        : "fails";

/**
 * The workflow's spec test cases as the review needs them: each run now against the version that answers
 * items (live, else shadow, else the newest), with who added it. Spec tests are deterministic (keyword
 * models, recorded reads, no side effects), so running them for a review is cheap and safe.
 */
export async function reviewTestCases(
  db: Db,
  workflow: { id: string; liveVersionId: string | null; shadowVersionId: string | null },
): Promise<{ version: number | null; cases: ReviewTestCase[] }> {
  const rows = await db
    .select({ testCase: workflowTestCases, addedBy: user.name })
    .from(workflowTestCases)
    .leftJoin(workflowTestCaseAuthors, eq(workflowTestCaseAuthors.testCaseId, workflowTestCases.id))
    .leftJoin(user, eq(user.id, workflowTestCaseAuthors.addedBy))
    .where(eq(workflowTestCases.workflowId, workflow.id))
    .orderBy(asc(workflowTestCases.createdAt), asc(workflowTestCases.id));
  const versionId = workflow.liveVersionId ?? workflow.shadowVersionId;
  const [graphVersion] = await db
    .select({ graph: workflowVersions.graph, version: workflowVersions.version })
    .from(workflowVersions)
    .where(versionId ? eq(workflowVersions.id, versionId) : eq(workflowVersions.workflowId, workflow.id))
    .orderBy(desc(workflowVersions.version))
    .limit(1);
  const report =
    graphVersion && rows.length > 0
      ? await runSpecTests(
          graphVersion.graph,
          rows.map((r) => testCaseFromRow(r.testCase)),
        )
      : null;
  const passes = new Map(report?.results.map((r) => [r.caseId, r.pass]) ?? []);
  return {
    version: graphVersion?.version ?? null,
    cases: rows.map(({ testCase, addedBy }) => ({
      id: testCase.id,
      name: testCase.name,
      edgeCase: testCase.edgeCase,
      status: statusOf(testCase.knownFailure, passes.get(testCase.id)),
      notes: testCase.notes,
      addedAtMs: testCase.createdAt.getTime(),
      addedBy,
    })),
  };
}

/** Open: an edge case still failing, or still marked as a known failure (someone has to decide on it). */
export const isOpenEdgeCase = (c: ReviewTestCase) => c.edgeCase && c.status !== "passes";
