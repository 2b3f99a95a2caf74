import crypto from "node:crypto";
import type { ItemMode, WorkflowStage } from "../../db/schema";

export interface WorkflowRouting {
  id: string;
  stage: WorkflowStage;
  liveVersionId: string | null;
  shadowVersionId: string | null;
  canaryPercent: number;
}

export interface ItemRoute {
  mode: ItemMode;
  versionId: string;
}

/** 0–99, the same for an item id every time: an item stays on its side of a canary split. */
export function canaryBucket(workflowId: string, externalId: string): number {
  return crypto.createHash("sha1").update(`${workflowId}\0${externalId}`).digest().readUInt32BE(0) % 100;
}

/**
 * Which runs an arriving item gets, by the workflow's stage. Shadow runs have no side effects; during a
 * canary the items outside it stay with the human process and are only shadowed; a paused workflow
 * keeps measuring in shadow. Null: the workflow is not running (draft or validated).
 */
export function itemRoutes(workflow: WorkflowRouting, externalId: string): ItemRoute[] | null {
  const { stage, liveVersionId, shadowVersionId } = workflow;
  if (stage === "shadow" && shadowVersionId) return [{ mode: "shadow", versionId: shadowVersionId }];
  if (stage === "paused" && liveVersionId) return [{ mode: "shadow", versionId: liveVersionId }];
  if (stage !== "live" || !liveVersionId) return null;
  const inCanary = canaryBucket(workflow.id, externalId) < workflow.canaryPercent;
  if (!inCanary) return [{ mode: "shadow", versionId: shadowVersionId ?? liveVersionId }];
  const routes: ItemRoute[] = [{ mode: "live", versionId: liveVersionId }];
  if (shadowVersionId) routes.push({ mode: "shadow", versionId: shadowVersionId });
  return routes;
}
