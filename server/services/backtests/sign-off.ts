import crypto from "node:crypto";
import { TRPCError } from "@trpc/server";
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { backtestRuns, backtestSignOffs, user, validationCriteria } from "../../db/schema";
import { isUniqueViolation } from "../workflows/errors";
import { runNotFound } from "./errors";
import { recordAudit } from "../audit/record-audit";

/**
 * The named approver signs off a passing run: a recorded act (who, when, against which criteria version),
 * never edited. Only the approver the criteria in force at the run's start name may do it, and only once.
 */
export async function signOffBacktest(db: Db, userId: string, input: { runId: string; note?: string }) {
  const [run] = await db.select().from(backtestRuns).where(eq(backtestRuns.id, input.runId));
  if (!run) throw runNotFound();
  if (run.status !== "done")
    throw new TRPCError({
      code: "PRECONDITION_FAILED",
      message: "Only a finished backtest can be signed off.",
    });
  if (!run.passed) {
    throw new TRPCError({
      code: "PRECONDITION_FAILED",
      message: "This backtest did not meet its validation criteria, so it cannot be signed off.",
    });
  }
  const [criteria] = run.criteriaId
    ? await db.select().from(validationCriteria).where(eq(validationCriteria.id, run.criteriaId))
    : [];
  if (!criteria?.approverId)
    throw new TRPCError({
      code: "PRECONDITION_FAILED",
      message: "The criteria of this run name no approver.",
    });
  if (criteria.approverId !== userId) {
    const [approver] = await db
      .select({ name: user.name })
      .from(user)
      .where(eq(user.id, criteria.approverId));
    throw new TRPCError({
      code: "FORBIDDEN",
      message: `Only the named approver (${approver?.name ?? "a removed user"}) can sign off this backtest.`,
    });
  }
  const [signer] = await db.select({ name: user.name }).from(user).where(eq(user.id, userId));
  const id = crypto.randomUUID();
  try {
    await db.insert(backtestSignOffs).values({
      id,
      runId: run.id,
      versionId: run.versionId,
      criteriaId: criteria.id,
      userId,
      userName: signer?.name ?? userId,
      note: input.note?.trim() ?? "",
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new TRPCError({ code: "CONFLICT", message: "This backtest is already signed off." });
    throw error;
  }
  await recordAudit(db, {
    action: "backtest.signed_off",
    actor: { userId },
    target: { type: "backtest_run", id: run.id },
    details: { run: run.number, versionId: run.versionId },
  });
  console.log(
    `[switchboard] audit: ${signer?.name ?? userId} signed off backtest #${run.number} (${run.id}) of version ${run.versionId}`,
  );
  return { id };
}

/**
 * The gate for shadow mode: true when some finished backtest of this version passed its criteria and its
 * named approver signed it off.
 */
/**
 * The version's newest signed-off passing run (what it promised on history), or null. The validation gate,
 * the lifecycle's readiness and the monitoring baseline all read it here.
 */
export async function newestSignedOffPassingRun(db: Db, versionId: string) {
  const [run] = await db
    .select({
      id: backtestRuns.id,
      number: backtestRuns.number,
      metrics: backtestRuns.metrics,
      datasetId: backtestRuns.datasetId,
      signerName: backtestSignOffs.userName,
      signedAt: backtestSignOffs.createdAt,
      criteriaId: backtestSignOffs.criteriaId,
    })
    .from(backtestSignOffs)
    .innerJoin(backtestRuns, eq(backtestRuns.id, backtestSignOffs.runId))
    .where(
      and(
        eq(backtestSignOffs.versionId, versionId),
        eq(backtestRuns.status, "done"),
        eq(backtestRuns.passed, true),
      ),
    )
    .orderBy(desc(backtestSignOffs.createdAt))
    .limit(1);
  return run ?? null;
}

export async function hasSignedOffPassingBacktest(db: Db, versionId: string): Promise<boolean> {
  return (await newestSignedOffPassingRun(db, versionId)) !== null;
}
