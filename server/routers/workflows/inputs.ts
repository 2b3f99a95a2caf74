import { z } from "zod";
import { graphSchema } from "@/lib/engine/graph/graph-schema";
import { testCaseSchema } from "@/lib/engine/graph/test-case-schema";
import { connectorResultSchema } from "@/lib/engine/graph/connector-result-schema";

const id = z.string().min(1).max(128);

export const workflowIdInput = z.object({ workflowId: id });
export const getWorkflowInput = z.object({ workflowId: id, versionId: id.optional() });
export const createWorkflowInput = z.object({
  name: z.string().trim().min(1, "Give the workflow a name").max(120),
  description: z.string().trim().max(500).optional(),
});
export const saveDraftInput = z.object({
  workflowId: id,
  graph: graphSchema,
  note: z.string().max(500).optional(),
  baseVersion: z.number().int().min(0),
  asNewDraft: z.boolean().optional(),
});
export const runDraftTestsInput = z.object({ workflowId: id, graph: graphSchema });
export const publishInput = z.object({ workflowId: id, versionId: id, note: z.string().max(500).optional() });
export const addTestCaseInput = z.object({ workflowId: id, testCase: testCaseSchema.omit({ id: true }) });
export const updateTestCaseInput = z.object({ workflowId: id, testCase: testCaseSchema });
export const deleteTestCaseInput = z.object({ workflowId: id, testCaseId: id });
export const importWorkflowInput = z.object({ document: z.unknown(), workflowId: id.optional() });
export const updateWorkflowInput = z.object({
  workflowId: id,
  name: z.string().trim().min(1, "Give the workflow a name").max(120).optional(),
  description: z.string().trim().max(500).optional(),
  mapNotes: z.string().max(20_000).optional(),
});
export const tryItemInput = z.object({
  workflowId: id,
  graph: graphSchema,
  item: z.record(z.string(), z.unknown()),
  thresholdOverrides: z.record(z.string(), z.number().min(0).max(1)).optional(),
  recordedReads: z.record(z.string(), connectorResultSchema).optional(),
});
