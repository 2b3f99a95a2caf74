import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { backtestRuns, backtestSignOffs, user, validationCriteria } from "../../db/schema";
import { currentCriteria, type CriteriaRow } from "../backtests/criteria";
import { newestSignedOffPassingRun } from "../backtests/sign-off";

export interface VersionBacktestStatus {
  /** The newest signed-off passing run of the version. */
  signedOff: {
    runId: string;
    runNumber: number;
    signerName: string;
    at: Date;
    criteriaId: string | null;
  } | null;
  /** A passing run still waiting for its sign-off, and whom it waits for. */
  awaitingSignOff: { runNumber: number; approverName: string | null } | null;
  /** The newest finished run of the version, whatever its verdict. */
  latest: { runNumber: number; passed: boolean | null } | null;
}

/**
 * Where a version stands on the validation gate, in enough detail to say what is missing. The gate itself
 * is `hasSignedOffPassingBacktest` (backtests/sign-off.ts); this says the same thing with names.
 */
export async function versionBacktestStatus(db: Db, versionId: string): Promise<VersionBacktestStatus> {
  const newest = await newestSignedOffPassingRun(db, versionId);
  const signed = newest && {
    runId: newest.id,
    runNumber: newest.number,
    signerName: newest.signerName,
    at: newest.signedAt,
    criteriaId: newest.criteriaId,
  };
  const finished = await db
    .select({
      runNumber: backtestRuns.number,
      passed: backtestRuns.passed,
      signOffId: backtestSignOffs.id,
      approverName: user.name,
    })
    .from(backtestRuns)
    .leftJoin(backtestSignOffs, eq(backtestSignOffs.runId, backtestRuns.id))
    .leftJoin(validationCriteria, eq(validationCriteria.id, backtestRuns.criteriaId))
    .leftJoin(user, eq(user.id, validationCriteria.approverId))
    .where(and(eq(backtestRuns.versionId, versionId), eq(backtestRuns.status, "done")))
    .orderBy(desc(backtestRuns.number))
    .limit(20);
  const waiting = finished.find((r) => r.passed && !r.signOffId);
  const latest = finished[0];
  return {
    signedOff: signed ?? null,
    awaitingSignOff: waiting ? { runNumber: waiting.runNumber, approverName: waiting.approverName } : null,
    latest: latest ? { runNumber: latest.runNumber, passed: latest.passed } : null,
  };
}

/** What is missing for a version to pass the validation gate, as one sentence ending in where to do it. */
export function missingBacktestSentence(version: number, status: VersionBacktestStatus): string {
  if (status.awaitingSignOff) {
    return `Backtest #${status.awaitingSignOff.runNumber} of version ${version} passed but is not signed off yet: ${status.awaitingSignOff.approverName ?? "the named approver"} signs it off on the Backtests page.`;
  }
  if (status.latest && !status.latest.passed) {
    return `The latest backtest of version ${version} (#${status.latest.runNumber}) did not meet the validation criteria: run a passing backtest on the Backtests page and have it signed off.`;
  }
  return `Version ${version} has no signed-off passing backtest: run one on the Backtests page and have the named approver sign it off.`;
}

/**
 * The acceptance criteria agreed for a version: those its signed-off backtest was judged against, or the
 * workflow's criteria in force when it has none.
 */
export async function criteriaForVersion(
  db: Db,
  workflowId: string,
  versionId: string | null,
): Promise<CriteriaRow | null> {
  if (versionId) {
    const [row] = await db
      .select({ criteria: validationCriteria })
      .from(backtestSignOffs)
      .innerJoin(validationCriteria, eq(validationCriteria.id, backtestSignOffs.criteriaId))
      .where(eq(backtestSignOffs.versionId, versionId))
      .orderBy(desc(backtestSignOffs.createdAt))
      .limit(1);
    if (row) return row.criteria;
  }
  return currentCriteria(db, workflowId);
}
