import type { ItemMode, WorkflowStage } from "../../db/schema";

/** What monitoring watches by default: live items once a version is live (or paused), shadow items before. */
export const monitoredMode = (stage: WorkflowStage): ItemMode =>
  stage === "live" || stage === "paused" ? "live" : "shadow";
