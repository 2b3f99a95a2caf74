import crypto from "node:crypto";
import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { thresholdChanges, thresholdOverrides, user, workflows } from "../../db/schema";
import { compiledVersion } from "../runs/compiled-versions";
import { loadPublishedVersion } from "../runs/published-version";
import { workflowNotFound } from "../workflows/errors";
import { recordAudit } from "../audit/record-audit";

export interface SetThresholdInput {
  workflowId: string;
  nodeId: string;
  /** The new value in force, 0..1; null puts the published graph's own value back in force. */
  value: number | null;
  reason: string;
  /** The override the admin was looking at (null: none): the change only lands if it is still the one in force. */
  expectedValue: number | null;
}

/**
 * Changes the value in force of one node's threshold without publishing a new version: items processed
 * after it run with the new value. Audited (who, when, old, new, why), and refused with who changed it
 * when another admin changed the same threshold since the page was loaded.
 */
export async function setThreshold(
  db: Db,
  adminId: string,
  input: SetThresholdInput,
  now: Date = new Date(),
) {
  const reason = input.reason.trim();
  if (reason.length < 3)
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: "Say why you are changing the threshold: the reason is kept in the audit trail.",
    });
  if (input.value !== null && !(input.value >= 0 && input.value <= 1)) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "A threshold is a number between 0 and 1." });
  }
  const version = await loadPublishedVersion(db, input.workflowId);
  const graphValue = compiledVersion(version).thresholds.get(input.nodeId);
  if (graphValue === undefined) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `The published version has no thresholded node "${input.nodeId}".`,
    });
  }

  return db.transaction(async (tx) => {
    // One admin at a time per workflow: the check of the value in force and its change are one step.
    const [locked] = await tx
      .select({ id: workflows.id })
      .from(workflows)
      .where(eq(workflows.id, input.workflowId))
      .for("update");
    if (!locked) throw workflowNotFound();
    const where = and(
      eq(thresholdOverrides.workflowId, input.workflowId),
      eq(thresholdOverrides.nodeId, input.nodeId),
    );
    const [current] = await tx
      .select({ value: thresholdOverrides.value, setAt: thresholdOverrides.setAt, setBy: user.name })
      .from(thresholdOverrides)
      .leftJoin(user, eq(user.id, thresholdOverrides.setBy))
      .where(where);
    const currentValue = current?.value ?? null;
    if (currentValue !== input.expectedValue) {
      const what =
        currentValue === null
          ? "put the graph's value back in force"
          : `set it to ${currentValue.toFixed(2)}`;
      throw new TRPCError({
        code: "CONFLICT",
        message: `${current?.setBy ?? "Another admin"} ${what} after you loaded this page; look at the value in force again.`,
      });
    }
    if (input.value === null) {
      await tx.delete(thresholdOverrides).where(where);
    } else {
      await tx
        .insert(thresholdOverrides)
        .values({
          workflowId: input.workflowId,
          nodeId: input.nodeId,
          value: input.value,
          reason,
          setBy: adminId,
          setAt: now,
        })
        .onConflictDoUpdate({
          target: [thresholdOverrides.workflowId, thresholdOverrides.nodeId],
          set: { value: input.value, reason, setBy: adminId, setAt: now },
        });
    }
    await tx.insert(thresholdChanges).values({
      id: crypto.randomUUID(),
      workflowId: input.workflowId,
      nodeId: input.nodeId,
      versionId: version.id,
      graphValue,
      oldValue: currentValue,
      newValue: input.value,
      reason,
      changedBy: adminId,
      changedAt: now,
    });
    await recordAudit(tx, {
      action: "threshold.changed",
      actor: { userId: adminId },
      target: { type: "workflow", id: input.workflowId },
      details: { nodeId: input.nodeId, from: currentValue, to: input.value, graphValue, reason },
    });
    return { nodeId: input.nodeId, valueInForce: input.value ?? graphValue, override: input.value !== null };
  });
}
