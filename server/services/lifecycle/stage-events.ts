import crypto from "node:crypto";
import { and, desc, eq, isNotNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../db/client";
import {
  user,
  workflowStageEvents,
  workflowVersions,
  type StageEventKind,
  type WorkflowStage,
} from "../../db/schema";
import { recordAudit } from "../audit/record-audit";

export interface StageEventInput {
  workflowId: string;
  kind: StageEventKind;
  fromStage: WorkflowStage;
  toStage: WorkflowStage;
  versionId: string | null;
  canaryPercent: number | null;
  /** Null when the system acted (the canary guard). */
  actorId: string | null;
  reason: string;
}

export type StageEventRow = typeof workflowStageEvents.$inferSelect;

/**
 * Appends one act to the audit. `at` is the database's transaction time (microseconds), so acts in
 * successive transactions always order the way they happened.
 */
export async function recordStageEvent(tx: Db, event: StageEventInput): Promise<{ id: string }> {
  const id = crypto.randomUUID();
  await tx.insert(workflowStageEvents).values({ id, ...event, reason: event.reason.trim() });
  await recordAudit(tx, {
    action: `lifecycle.${event.kind}`,
    actor: { userId: event.actorId },
    target: { type: "workflow", id: event.workflowId },
    details: {
      from: event.fromStage,
      to: event.toStage,
      versionId: event.versionId,
      canaryPercent: event.canaryPercent,
      reason: event.reason.trim(),
    },
  });
  // The system acts as the canary guard (auto_rollback) or the volume guard (its reasons carry its name).
  const who =
    event.actorId ?? (event.reason.startsWith("Volume guard:") ? "the volume guard" : "the canary guard");
  console.log(
    `[switchboard] audit: ${who} ${event.kind} of workflow ${event.workflowId}: ${event.fromStage} → ${event.toStage}${event.canaryPercent !== null ? ` at ${event.canaryPercent}%` : ""}${event.reason ? ` (${event.reason})` : ""}`,
  );
  return { id };
}

export async function latestStageEvent(db: Db, workflowId: string): Promise<StageEventRow | null> {
  const [row] = await db
    .select()
    .from(workflowStageEvents)
    .where(eq(workflowStageEvents.workflowId, workflowId))
    .orderBy(desc(workflowStageEvents.at))
    .limit(1);
  return row ?? null;
}

/** The canary percentage recorded with the act before `before` (what a canary change changed from). */
export async function percentBefore(
  db: Db,
  workflowId: string,
  before: StageEventRow,
): Promise<number | null> {
  const rows = await db
    .select({ id: workflowStageEvents.id, canaryPercent: workflowStageEvents.canaryPercent })
    .from(workflowStageEvents)
    .where(and(eq(workflowStageEvents.workflowId, workflowId), isNotNull(workflowStageEvents.canaryPercent)))
    .orderBy(desc(workflowStageEvents.at))
    .limit(20);
  const index = rows.findIndex((r) => r.id === before.id);
  return index >= 0 ? (rows[index + 1]?.canaryPercent ?? null) : null;
}

/** The percentage a version last ran at while live (for a rollback to it). */
export async function lastPercentOf(db: Db, workflowId: string, versionId: string): Promise<number | null> {
  const [row] = await db
    .select({ canaryPercent: workflowStageEvents.canaryPercent })
    .from(workflowStageEvents)
    .where(
      and(
        eq(workflowStageEvents.workflowId, workflowId),
        eq(workflowStageEvents.versionId, versionId),
        eq(workflowStageEvents.toStage, "live"),
        isNotNull(workflowStageEvents.canaryPercent),
      ),
    )
    .orderBy(desc(workflowStageEvents.at))
    .limit(1);
  return row?.canaryPercent ?? null;
}

const actor = alias(user, "actor");

/** The audit, newest first, with who acted and the version number. */
export async function stageHistory(db: Db, workflowId: string, limit = 100) {
  const rows = await db
    .select({
      id: workflowStageEvents.id,
      kind: workflowStageEvents.kind,
      fromStage: workflowStageEvents.fromStage,
      toStage: workflowStageEvents.toStage,
      version: workflowVersions.version,
      canaryPercent: workflowStageEvents.canaryPercent,
      actorId: workflowStageEvents.actorId,
      actorName: actor.name,
      reason: workflowStageEvents.reason,
      at: workflowStageEvents.at,
    })
    .from(workflowStageEvents)
    .leftJoin(actor, eq(actor.id, workflowStageEvents.actorId))
    .leftJoin(workflowVersions, eq(workflowVersions.id, workflowStageEvents.versionId))
    .where(eq(workflowStageEvents.workflowId, workflowId))
    .orderBy(desc(workflowStageEvents.at))
    .limit(limit);
  // Only the guard acts as the system; a null actor on any other act is a removed account.
  return rows.map((r) => ({
    ...r,
    actorName:
      r.kind === "auto_rollback"
        ? "Canary guard"
        : r.actorId === null && r.reason.startsWith("Volume guard:")
          ? "Volume guard"
          : (r.actorName ?? "a removed user"),
  }));
}
