import { z } from "zod";
import { connectorResultSchema } from "@/lib/engine/graph/connector-result-schema";

const id = z.string().min(1).max(128);
const share = z.number().min(0, "Use a share between 0 and 1").max(1, "Use a share between 0 and 1");
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2025-03-31");

export const workflowInput = z.object({ workflowId: id });
export const runInput = z.object({ runId: id });
export const versionInfoInput = z.object({ workflowId: id, versionId: id });

export const saveCriteriaInput = z.object({
  workflowId: id,
  minAutoAccuracy: share,
  maxEscalationRate: share,
  minLabelRecall: z
    .object({ all: share.optional(), byLabel: z.record(z.string().min(1).max(200), share).optional() })
    .nullable(),
  approverId: id,
  note: z.string().trim().max(1000).optional(),
});

export const startInput = z.object({
  workflowId: id,
  versionId: id,
  datasetId: id,
  /** First day of the window (UTC). */
  from: day.optional(),
  /** Last day of the window, included (UTC). */
  to: day.optional(),
  thresholdOverrides: z.record(z.string().min(1).max(64), share).optional(),
  readsFixture: z.record(z.string().min(1).max(200), connectorResultSchema).optional(),
});

export const mismatchesInput = z.object({
  runId: id,
  kinds: z
    .array(z.enum(["wrong", "escalated", "error", "deferred"]))
    .max(4)
    .optional(),
  actual: z.string().max(200).optional(),
  predicted: z.string().max(200).optional(),
  after: z.number().int().min(-1).optional(),
  limit: z.number().int().min(1).max(100).optional(),
});

export const toTestCaseInput = z.object({
  runId: id,
  rowId: z.number().int().positive(),
  name: z.string().trim().max(200).optional(),
  notes: z.string().trim().max(4000).optional(),
  knownFailure: z.boolean().optional(),
});

export const sweepInput = z.object({
  runId: id,
  nodeId: z.string().min(1).max(64).optional(),
  thresholds: z.array(share).min(1).max(201).optional(),
});

export const compareInput = z.object({
  leftRunId: id,
  rightRunId: id,
  after: z.number().int().min(-1).optional(),
  limit: z.number().int().min(1).max(100).optional(),
});

export const signOffInput = z.object({ runId: id, note: z.string().trim().max(1000).optional() });

const DAY_MS = 86_400_000;
/** "2025-03-01" → that UTC midnight; as an end day, the midnight after it (windows end exclusively). */
export function dayStart(value: string): Date {
  return new Date(`${value}T00:00:00.000Z`);
}
export function dayEnd(value: string): Date {
  return new Date(dayStart(value).getTime() + DAY_MS);
}
