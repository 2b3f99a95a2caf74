import { TRPCError } from "@trpc/server";
import type { WorkflowStage } from "../../db/schema";

/** Every act that changes where a workflow is on its way to production. */
export type LifecycleAct =
  "validate" | "startShadow" | "stopShadow" | "cutOver" | "pause" | "resume" | "rollback" | "setCanary";

export interface StageState {
  stage: WorkflowStage;
  shadowVersionId: string | null;
}

export const STAGE_ORDER = ["draft", "validated", "shadow", "live"] as const;

export const STAGE_LABELS: Record<WorkflowStage, string> = {
  draft: "Draft",
  validated: "Validated",
  shadow: "Shadow",
  live: "Live",
  paused: "Paused",
};

const STAGE_PHRASES: Record<WorkflowStage, string> = {
  draft: "in draft",
  validated: "validated",
  shadow: "in shadow",
  live: "live",
  paused: "paused",
};

/** What each act does, as the end of "it cannot …" and as an entry in "next steps: …". */
const ACT_PHRASES: Record<LifecycleAct, string> = {
  validate: "be marked validated (needs a signed-off passing backtest)",
  startShadow: "start a shadow run of a version with a signed-off backtest",
  stopShadow: "stop the shadow run",
  cutOver: "cut over to live (needs the shadow period and shadow agreement)",
  pause: "be paused",
  resume: "resume live",
  rollback: "roll back to the previous live version",
  setCanary: "change its canary percentage",
};

/** The acts allowed from a state, in the order the app offers them. */
export function legalActs(state: StageState): LifecycleAct[] {
  switch (state.stage) {
    case "draft":
      return ["validate"];
    case "validated":
      return ["startShadow"];
    case "shadow":
      return ["cutOver", "stopShadow"];
    case "live":
      return state.shadowVersionId
        ? ["cutOver", "stopShadow", "setCanary", "pause", "rollback"]
        : ["startShadow", "setCanary", "pause", "rollback"];
    case "paused":
      return ["resume", "rollback"];
  }
}

/** Refuses an act the current stage does not allow, naming the stage and what may be done from it. */
export function assertLegal(state: StageState, act: LifecycleAct): void {
  const legal = legalActs(state);
  if (legal.includes(act)) return;
  const extra =
    act === "startShadow" && state.stage === "live" && state.shadowVersionId
      ? " Another version is in shadow already: cut it over or stop its shadow run first."
      : "";
  throw new TRPCError({
    code: "BAD_REQUEST",
    message: `The workflow is ${STAGE_PHRASES[state.stage]}, so it cannot ${ACT_PHRASES[act]}.${extra} From ${state.stage} it can: ${legal.map((a) => ACT_PHRASES[a]).join("; ")}.`,
  });
}
