import { and, eq } from "drizzle-orm";
import { generateTickets } from "@/lib/demo/history/generate-tickets";
import type { Db } from "../../db/client";
import { workflowStageEvents, workflows } from "../../db/schema";
import { reportedLabel, storeRun } from "./stored-runs";
import { startShadow } from "./transitions/start-shadow";
import { markValidated } from "./transitions/validate";

const DAY = 24 * 60 * 60 * 1000;
const SHADOW_DAYS = 9;

/**
 * The demo workflow's road so far, through the real gates: validated on its signed-off backtest, in shadow
 * for nine days beside the human process (past the 7-day minimum), with the outcomes the support team
 * reported for most tickets. The Overview then shows a shadow report with real agreement and the cut-over
 * as the next step.
 */
export async function seedDemoLifecycle(
  db: Db,
  options: { workflowId: string; ownerId: string; now?: number },
): Promise<void> {
  const now = options.now ?? Date.now();
  const owner = { id: options.ownerId, role: "owner" as const };
  // Whole days (from midnight), so the same tickets are in the period whatever the hour of the first start.
  const startedAt = Math.floor(now / DAY) * DAY - SHADOW_DAYS * DAY;
  await markValidated(db, owner, {
    workflowId: options.workflowId,
    reason: "Backtest reviewed with the support leads",
  });
  await startShadow(
    db,
    owner,
    { workflowId: options.workflowId, reason: "Two weeks beside the support team before we cut over" },
    { now: new Date(startedAt) },
  );
  // The audit records the database's time of each act: put the two acts back on the days they tell of.
  for (const [toStage, at] of [
    ["validated", startedAt - DAY / 2],
    ["shadow", startedAt],
  ] as const) {
    await db
      .update(workflowStageEvents)
      .set({ at: new Date(at) })
      .where(
        and(eq(workflowStageEvents.workflowId, options.workflowId), eq(workflowStageEvents.toStage, toStage)),
      );
  }
  const [workflow] = await db
    .select({ shadowVersionId: workflows.shadowVersionId })
    .from(workflows)
    .where(eq(workflows.id, options.workflowId));
  const tickets = generateTickets({ startMs: startedAt, days: SHADOW_DAYS, seed: 14, weekdayMean: 26 });
  for (const [i, ticket] of tickets.entries()) {
    const receivedAt = new Date(Date.parse(String(ticket.item.created_at)));
    // Most outcomes come back from the helpdesk; the newest few are not reported yet.
    const reported = i < tickets.length - 12 ? reportedLabel(ticket) : null;
    await storeRun(db, {
      workflowId: options.workflowId,
      versionId: workflow!.shadowVersionId!,
      mode: "shadow",
      payload: { ...ticket.item, ticket_id: `SH-${ticket.item.ticket_id}` },
      label: reported,
      receivedAt,
    });
  }
}
