import type { StageEventKind, WorkflowStage } from "../../db/schema";

export interface RollbackState {
  stage: WorkflowStage;
  liveVersionId: string | null;
  previousLiveVersionId: string | null;
  shadowVersionId: string | null;
  shadowStartedAt: Date | null;
  canaryPercent: number;
}

export interface RollbackPlan {
  /** `canary`: back to the previous percentage; `version`: back to the previous live version; `shadow`: back to shadow. */
  kind: "canary" | "version" | "shadow";
  next: RollbackState;
  /** "canary back to 10%", "back to the previous live version", "back to shadow". */
  summary: string;
}

export interface RollbackContext {
  now: Date;
  /** The latest lifecycle act and, for a canary change, the percentage before it (the guard undoes that first). */
  lastAct?: { kind: StageEventKind; previousPercent: number | null } | null;
  /** The canary percentage the previous live version last ran at (100 when unknown). */
  previousVersionPercent?: number | null;
}

/**
 * Where a rollback takes a live (or paused) workflow: the state before the last act. A canary raise is undone
 * by the percentage before it (the guard only: a person picks percentages directly); otherwise the previous
 * live version answers again and the version rolled back from returns to shadow (the state before its
 * cut-over, its shadow period starting again), or, when no version was live before, the workflow goes back
 * to shadow. A version already in shadow keeps its place. Pure.
 */
export function planRollback(state: RollbackState, context: RollbackContext): RollbackPlan {
  const last = context.lastAct;
  if (
    state.stage === "live" &&
    last?.kind === "canary" &&
    last.previousPercent !== null &&
    last.previousPercent < state.canaryPercent
  ) {
    return {
      kind: "canary",
      next: { ...state, canaryPercent: last.previousPercent },
      summary: `canary back to ${last.previousPercent}%`,
    };
  }
  const keepsShadow = state.shadowVersionId !== null;
  const shadow = {
    shadowVersionId: state.shadowVersionId ?? state.liveVersionId,
    shadowStartedAt: keepsShadow ? state.shadowStartedAt : context.now,
  };
  if (state.previousLiveVersionId) {
    return {
      kind: "version",
      next: {
        ...state,
        ...shadow,
        liveVersionId: state.previousLiveVersionId,
        previousLiveVersionId: null,
        canaryPercent: context.previousVersionPercent ?? 100,
      },
      summary: "back to the previous live version",
    };
  }
  return {
    kind: "shadow",
    next: { ...state, ...shadow, stage: "shadow", liveVersionId: null },
    summary: "back to shadow (no version was live before)",
  };
}
