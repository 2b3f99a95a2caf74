import crypto from "node:crypto";
import { TRPCError } from "@trpc/server";
import { and, asc, desc, eq, isNotNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../db/client";
import { backtestRuns, user, validationCriteria } from "../../db/schema";
import { isUniqueViolation } from "../workflows/errors";
import { loadWorkflow } from "../workflows/load";
import type { CriteriaValues } from "./types";

export interface SaveCriteriaInput extends CriteriaValues {
  workflowId: string;
  approverId: string;
  note?: string;
}

const approver = alias(user, "approver");
const author = alias(user, "author");

export type CriteriaRow = typeof validationCriteria.$inferSelect;

/** The criteria in force for a workflow now (its newest version), or null when none was recorded. */
export async function currentCriteria(db: Db, workflowId: string): Promise<CriteriaRow | null> {
  const [row] = await db
    .select()
    .from(validationCriteria)
    .where(eq(validationCriteria.workflowId, workflowId))
    .orderBy(desc(validationCriteria.version))
    .limit(1);
  return row ?? null;
}

/**
 * Records a new version of the validation criteria. Earlier versions stay: a run is judged against the
 * version in force when it started, and the history shows when criteria changed after results were seen.
 */
export async function saveCriteria(db: Db, authorId: string | null, input: SaveCriteriaInput) {
  await loadWorkflow(db, input.workflowId);
  const [named] = await db
    .select({ id: user.id, role: user.role, name: user.name })
    .from(user)
    .where(eq(user.id, input.approverId));
  if (!named) throw new TRPCError({ code: "BAD_REQUEST", message: "The approver must be an existing user." });
  if (named.role === "reviewer") {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `${named.name} is a reviewer; the approver must be a process owner or an admin.`,
    });
  }
  for (let attempt = 0; ; attempt++) {
    const current = await currentCriteria(db, input.workflowId);
    const id = crypto.randomUUID();
    try {
      await db.insert(validationCriteria).values({
        id,
        workflowId: input.workflowId,
        version: (current?.version ?? 0) + 1,
        minAutoAccuracy: input.minAutoAccuracy,
        maxEscalationRate: input.maxEscalationRate,
        minLabelRecall: input.minLabelRecall,
        approverId: input.approverId,
        note: input.note ?? "",
        createdBy: authorId,
      });
      return { id, version: (current?.version ?? 0) + 1 };
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
    }
  }
}

/**
 * Every version, newest first, with who set it and whom it names; a version recorded after a run of the
 * workflow had finished says which (so moving the bar after seeing results shows).
 */
export async function criteriaHistory(db: Db, workflowId: string) {
  const rows = await db
    .select({
      id: validationCriteria.id,
      version: validationCriteria.version,
      minAutoAccuracy: validationCriteria.minAutoAccuracy,
      maxEscalationRate: validationCriteria.maxEscalationRate,
      minLabelRecall: validationCriteria.minLabelRecall,
      approverId: validationCriteria.approverId,
      approverName: approver.name,
      note: validationCriteria.note,
      createdAt: validationCriteria.createdAt,
      authorName: author.name,
    })
    .from(validationCriteria)
    .leftJoin(approver, eq(approver.id, validationCriteria.approverId))
    .leftJoin(author, eq(author.id, validationCriteria.createdBy))
    .where(eq(validationCriteria.workflowId, workflowId))
    .orderBy(desc(validationCriteria.version));
  const finished = await db
    .select({
      number: backtestRuns.number,
      finishedAt: backtestRuns.finishedAt,
      passed: backtestRuns.passed,
      criteriaId: backtestRuns.criteriaId,
    })
    .from(backtestRuns)
    .where(
      and(
        eq(backtestRuns.workflowId, workflowId),
        eq(backtestRuns.status, "done"),
        isNotNull(backtestRuns.finishedAt),
      ),
    )
    .orderBy(asc(backtestRuns.finishedAt));
  return rows.map((row) => {
    const seen = finished.filter((run) => run.finishedAt! < row.createdAt && run.criteriaId !== row.id);
    const last = seen[seen.length - 1];
    return {
      ...row,
      changedAfterResults: row.version > 1 && last ? { runNumber: last.number, passed: last.passed } : null,
    };
  });
}

/** True when some run was judged against this criteria version (kept for audit, never deleted). */
export async function criteriaInUse(db: Db, criteriaId: string): Promise<boolean> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(backtestRuns)
    .where(eq(backtestRuns.criteriaId, criteriaId));
  return (row?.n ?? 0) > 0;
}
