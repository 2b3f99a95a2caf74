import { TRPCError } from "@trpc/server";
import { eq, sql } from "drizzle-orm";
import type { Role } from "@/lib/roles";
import type { Db } from "../../../db/client";
import { workflows } from "../../../db/schema";
import { hasSignedOffPassingBacktest } from "../../backtests/sign-off";
import { missingBacktestSentence, versionBacktestStatus } from "../backtest-status";
import { assertLegal, type LifecycleAct } from "../stages";
import { lockWorkflow, type VersionRef, type WorkflowRow } from "../workflow-row";

export interface Actor {
  id: string;
  role: Role;
}

export interface ActOptions {
  /** The clock, for the shadow period (tests move it). */
  now?: Date;
}

/**
 * Runs one lifecycle act in a transaction holding the workflow row: read the state, refuse the act when the
 * stage does not allow it, then let `perform` check its gate, write the new state and its audit event.
 */
export function withWorkflowLocked<T>(
  db: Db,
  workflowId: string,
  act: LifecycleAct,
  perform: (tx: Db, workflow: WorkflowRow) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    const workflow = await lockWorkflow(tx, workflowId);
    assertLegal(workflow, act);
    return perform(tx, workflow);
  });
}

export type StateChange = Partial<
  Pick<
    WorkflowRow,
    | "stage"
    | "liveVersionId"
    | "previousLiveVersionId"
    | "shadowVersionId"
    | "shadowStartedAt"
    | "canaryPercent"
  >
>;

export async function writeState(tx: Db, workflowId: string, change: StateChange): Promise<void> {
  await tx
    .update(workflows)
    .set({ ...change, updatedAt: sql`now()` })
    .where(eq(workflows.id, workflowId));
}

/** The validation gate: a signed-off passing backtest of this very version, or a sentence saying what is missing. */
export async function requireSignedOffBacktest(tx: Db, version: VersionRef): Promise<void> {
  if (await hasSignedOffPassingBacktest(tx, version.id)) return;
  throw new TRPCError({
    code: "PRECONDITION_FAILED",
    message: missingBacktestSentence(version.version, await versionBacktestStatus(tx, version.id)),
  });
}

/** A reason an act must carry, trimmed; refused when empty. */
export function requireReason(reason: string | undefined, what: string): string {
  const trimmed = reason?.trim() ?? "";
  if (!trimmed)
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `Say why you ${what}: the reason is kept in the audit.`,
    });
  return trimmed;
}
