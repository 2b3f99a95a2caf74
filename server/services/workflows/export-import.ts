import { TRPCError } from "@trpc/server";
import { graphSchema, type Graph } from "@/lib/engine/graph/graph-schema";
import type { Db } from "../../db/client";
import { workflowTestCases } from "../../db/schema";
import { formatZodError } from "../../format-zod-error";
import { createWorkflow } from "./create-workflow";
import { loadTestCases, loadVersion, loadWorkflow } from "./load";
import { saveDraft } from "./save-draft";
import { testCaseFromRow, testCaseToRow } from "./test-case-rows";

/** The graph document of one version with the workflow's spec test cases: what `switchboard` CLI reads. */
export async function exportWorkflow(db: Db, workflowId: string, versionId?: string): Promise<Graph> {
  const [workflow, version, cases] = await Promise.all([
    loadWorkflow(db, workflowId),
    loadVersion(db, workflowId, versionId),
    loadTestCases(db, workflowId),
  ]);
  return {
    ...version.graph,
    id: workflow.id,
    name: workflow.name,
    description: workflow.description || undefined,
    testCases: cases.map(testCaseFromRow),
  };
}

export function parseGraphDocument(document: unknown): Graph {
  const parsed = graphSchema.safeParse(document);
  if (!parsed.success) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `This file is not a Switchboard workflow: ${formatZodError(parsed.error)}`,
    });
  }
  return parsed.data;
}

/**
 * Imports a graph document: as a new workflow, or as a new draft of an existing one (adding the test cases
 * whose names it does not have yet). The graph may be invalid — it is saved as a draft to fix on the canvas.
 */
export async function importWorkflow(
  db: Db,
  authorId: string,
  input: { document: unknown; workflowId?: string },
) {
  const { testCases = [], ...graph } = parseGraphDocument(input.document);
  if (!input.workflowId) {
    return createWorkflow(db, authorId, {
      name: graph.name ?? "Imported workflow",
      description: graph.description,
      graph: { ...graph, testCases },
      note: "Imported",
    });
  }
  const current = await loadVersion(db, input.workflowId);
  const saved = await saveDraft(db, authorId, {
    workflowId: input.workflowId,
    graph,
    note: "Imported",
    baseVersion: current.version,
    asNewDraft: true,
  });
  const existing = new Set((await loadTestCases(db, input.workflowId)).map((c) => c.name));
  const fresh = testCases.filter((c) => !existing.has(c.name));
  if (fresh.length > 0)
    await db.insert(workflowTestCases).values(fresh.map((c) => testCaseToRow(input.workflowId!, c)));
  return { id: input.workflowId, versionId: saved.id };
}
