import { TRPCError } from "@trpc/server";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { validateWorkflowGraph } from "./validate-workflow-graph";
import { workflows, workflowVersions } from "../../db/schema";
import { loadTestCases, loadVersion } from "./load";
import { runSpecTests } from "./run-spec-tests";
import { testCaseFromRow } from "./test-case-rows";
import { recordAudit } from "../audit/record-audit";

export interface PublishInput {
  workflowId: string;
  versionId: string;
  note?: string;
}

/**
 * Makes one version the published one (also how a rollback is done: publish an older version).
 * Refused while the graph is invalid or a spec test case fails that is not marked as a known failure.
 */
export async function publishVersion(db: Db, publisherId: string, input: PublishInput) {
  const version = await loadVersion(db, input.workflowId, input.versionId);
  const validation = await validateWorkflowGraph(db, version.graph);
  if (!validation.ok) {
    throw new TRPCError({
      code: "PRECONDITION_FAILED",
      message: `Version ${version.version} cannot be published: ${validation.errors.length} validation ${validation.errors.length === 1 ? "error" : "errors"} (first: ${validation.errors[0]?.message}).`,
    });
  }
  const cases = (await loadTestCases(db, input.workflowId)).map(testCaseFromRow);
  const tests = await runSpecTests(version.graph, cases);
  const blocking = tests.results.filter((r) => !r.pass && !r.knownFailure);
  if (blocking.length > 0) {
    throw new TRPCError({
      code: "PRECONDITION_FAILED",
      message: `Version ${version.version} cannot be published: ${blocking.length} test ${blocking.length === 1 ? "case fails" : "cases fail"} (${blocking
        .slice(0, 3)
        .map((r) => `"${r.name}"`)
        .join(", ")}). Fix them, or mark them as known failures.`,
    });
  }
  await db.transaction(async (tx) => {
    await tx
      .select({ id: workflows.id })
      .from(workflows)
      .where(eq(workflows.id, input.workflowId))
      .for("update");
    await tx
      .update(workflowVersions)
      .set({ published: false })
      .where(and(eq(workflowVersions.workflowId, input.workflowId), eq(workflowVersions.published, true)));
    await tx
      .update(workflowVersions)
      .set({
        published: true,
        publishedAt: sql`now()`,
        publishedBy: publisherId,
        publishNote: input.note?.trim() || null,
      })
      .where(eq(workflowVersions.id, version.id));
    await tx
      .update(workflows)
      .set({ updatedAt: sql`now()` })
      .where(eq(workflows.id, input.workflowId));
    await recordAudit(tx, {
      action: "workflow.published",
      actor: { userId: publisherId },
      target: { type: "workflow", id: input.workflowId },
      details: { versionId: version.id, version: version.version, note: input.note?.trim() || null },
    });
  });
  return { versionId: version.id, version: version.version, tests };
}
