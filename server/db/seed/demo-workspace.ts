import { graphSchema } from "@/lib/engine/graph/graph-schema";
import { supportTriageGraph, supportTriageTestCases } from "@/lib/demo/support-triage";
import type { Db } from "../client";
import { seedDemoConnectors } from "../../services/connectors/demo";
import { createWorkflow } from "../../services/workflows/create-workflow";
import { publishVersion } from "../../services/workflows/publish-version";
import { saveDraft } from "../../services/workflows/save-draft";

/**
 * The workspace a new user meets: a published support-triage workflow with its spec test cases, and a newer
 * draft beside it so the version history has something to compare.
 */
export async function seedDemoWorkspace(
  db: Db,
  options: { ownerId: string | null },
): Promise<{ workflowId: string }> {
  await seedDemoConnectors(db);
  const graph = graphSchema.parse({ ...supportTriageGraph, testCases: supportTriageTestCases });
  const { id, versionId } = await createWorkflow(db, options.ownerId, {
    name: "Support triage",
    description:
      "Screens incoming support tickets for legal and security risk, classifies and scores them, answers the known ones and routes the rest to the right team.",
    graph,
    note: "Initial design, reviewed with the support leads",
  });
  if (options.ownerId) {
    await publishVersion(db, options.ownerId, { workflowId: id, versionId });
    const { testCases: _cases, ...draft } = graph;
    await saveDraft(db, options.ownerId, {
      workflowId: id,
      graph: {
        ...draft,
        nodes: draft.nodes.map((node) =>
          node.type === "classify" ? { ...node, config: { ...node.config, threshold: 0.75 } } : node,
        ),
      },
      note: "Try a stricter classify threshold (0.75) before the next backtest",
      baseVersion: 1,
    });
  }
  return { workflowId: id };
}
