import crypto from "node:crypto";
import type { Graph } from "@/lib/engine/graph/graph-schema";
import type { Db } from "../../db/client";
import { validateWorkflowGraph } from "./validate-workflow-graph";
import { workflows, workflowTestCases, workflowVersions } from "../../db/schema";
import { starterGraph } from "./starter-graph";
import { testCaseToRow } from "./test-case-rows";

export interface CreateWorkflowInput {
  name: string;
  description?: string;
  /** An imported or seeded graph; a new workflow otherwise starts from a trigger wired to an end. */
  graph?: Graph;
  note?: string;
}

/** A workflow and its first draft version (plus the graph's exported test cases, if any). */
export async function createWorkflow(db: Db, authorId: string | null, input: CreateWorkflowInput) {
  const workflowId = crypto.randomUUID();
  const { testCases = [], ...graph } = input.graph ?? starterGraph();
  const versionId = crypto.randomUUID();
  const validation = await validateWorkflowGraph(db, graph);
  await db.transaction(async (tx) => {
    await tx.insert(workflows).values({
      id: workflowId,
      name: input.name,
      description: input.description ?? "",
      createdBy: authorId,
    });
    await tx.insert(workflowVersions).values({
      id: versionId,
      workflowId,
      version: 1,
      graph,
      note: input.note ?? "First draft",
      authorId,
      validation,
    });
    if (testCases.length > 0)
      await tx.insert(workflowTestCases).values(testCases.map((c) => testCaseToRow(workflowId, c)));
  });
  return { id: workflowId, versionId };
}
