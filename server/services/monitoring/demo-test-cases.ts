import { and, asc, eq, isNotNull } from "drizzle-orm";
import type { Db } from "../../db/client";
import { items, workflows, workflowTestCaseAuthors, workflowTestCases } from "../../db/schema";
import { expectationFromHistory } from "../backtests/to-test-case";
import { versionNumbers } from "../lifecycle/workflow-row";
import { addTestCase } from "../workflows/test-cases";
import { factOf } from "./item-facts";

/**
 * The demo's test case history: the spec cases the owner wrote with the workflow, and one edge case the owner
 * took from a shadow disagreement today (the first labelled shadow item the workflow got wrong), so the
 * monthly review lists an open edge case (a known failure) and who added it.
 */
export async function seedDemoTestCaseHistory(db: Db, options: { workflowId: string; now: number }) {
  const [workflow] = await db
    .select({ ownerId: workflows.createdBy, shadowVersionId: workflows.shadowVersionId })
    .from(workflows)
    .where(eq(workflows.id, options.workflowId));
  if (!workflow?.ownerId || !workflow.shadowVersionId) return;
  const written = await db
    .select({ id: workflowTestCases.id, createdAt: workflowTestCases.createdAt })
    .from(workflowTestCases)
    .where(eq(workflowTestCases.workflowId, options.workflowId));
  if (written.length > 0) {
    await db
      .insert(workflowTestCaseAuthors)
      .values(written.map((c) => ({ testCaseId: c.id, addedBy: workflow.ownerId, addedAt: c.createdAt })))
      .onConflictDoNothing();
  }

  const labelled = await db
    .select({
      externalId: items.externalId,
      payload: items.payload,
      receivedAt: items.receivedAt,
      outcome: items.outcome,
      trace: items.trace,
      label: items.label,
    })
    .from(items)
    .where(
      and(
        eq(items.workflowId, options.workflowId),
        eq(items.mode, "shadow"),
        eq(items.versionId, workflow.shadowVersionId),
        isNotNull(items.label),
      ),
    )
    .orderBy(asc(items.receivedAt))
    .limit(2_000);
  const wrong = labelled.find((row) => factOf(row).judged === "wrong");
  if (!wrong?.label) return;
  const fact = factOf(wrong);
  const version = (await versionNumbers(db, [workflow.shadowVersionId])).get(workflow.shadowVersionId);
  const { id } = await addTestCase(
    db,
    options.workflowId,
    {
      name: `Shadow v${version ?? "?"}: ${wrong.externalId} (${wrong.label.label})`,
      item: wrong.payload,
      expected: expectationFromHistory(wrong.label.team ?? wrong.label.label, wrong.label.type),
      edgeCase: true,
      // Recorded as a known failure: open on the review until the owner fixes the graph, not blocking a publish.
      knownFailure: true,
      notes: `From the shadow run of version ${version ?? "?"}: the human process decided ${fact.actual}; the workflow gave ${fact.predicted}.`,
    },
    workflow.ownerId,
  );
  const at = new Date(options.now - 60 * 60_000);
  await db.update(workflowTestCases).set({ createdAt: at }).where(eq(workflowTestCases.id, id));
  await db
    .update(workflowTestCaseAuthors)
    .set({ addedAt: at })
    .where(eq(workflowTestCaseAuthors.testCaseId, id));
}
