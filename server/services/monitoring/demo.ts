import { and, eq } from "drizzle-orm";
import { generateTickets } from "@/lib/demo/history/generate-tickets";
import type { Db } from "../../db/client";
import { thresholdOverrides, workflowVersions, workflows } from "../../db/schema";
import { reportedLabel, storeRun } from "../lifecycle/stored-runs";
import { setThreshold } from "../thresholds/set-threshold";
import { seedDemoCrmOutage } from "./demo-outage";
import { seedDemoTestCaseHistory } from "./demo-test-cases";
import { evaluateVolumeGuard } from "./volume/evaluate-volume-guard";

const DAY = 86_400_000;
const HOUR = 3_600_000;
const FLOOD_ITEMS = 60;

/**
 * What monitoring has to show on a fresh demo: the baseline was recorded as the demo workflow entered shadow
 * (seedDemoLifecycle); here, three days ago at 10:00 UTC, a flood of tickets (an outage upstream) that the
 * real volume guard caught and cleared (an episode and two alerts), a CRM outage two days before it (the real
 * gateway's breaker opening and closing, recorded), an edge case the owner took from a shadow disagreement,
 * and an admin's threshold change two days ago, so the monthly review has something in every section.
 */
export async function seedDemoMonitoring(
  db: Db,
  options: { workflowId: string; adminId: string; now?: number },
): Promise<void> {
  const now = options.now ?? Date.now();
  const [workflow] = await db
    .select({ shadowVersionId: workflows.shadowVersionId })
    .from(workflows)
    .where(eq(workflows.id, options.workflowId));
  const versionId = workflow?.shadowVersionId;
  if (!versionId) return;

  const floodAt = Math.floor(now / DAY) * DAY - 3 * DAY + 10 * HOUR;
  const tickets = generateTickets({
    startMs: floodAt,
    days: 1,
    seed: 41,
    weekdayMean: FLOOD_ITEMS + 20,
  }).slice(0, FLOOD_ITEMS);
  for (const [i, ticket] of tickets.entries()) {
    await storeRun(db, {
      workflowId: options.workflowId,
      versionId,
      mode: "shadow",
      payload: {
        ...ticket.item,
        ticket_id: `FLOOD-${new Date(floodAt).toISOString().slice(0, 10)}-${ticket.item.ticket_id}`,
      },
      label: reportedLabel(ticket),
      // Forty minutes of tickets, one every forty seconds.
      receivedAt: new Date(floodAt + i * 40_000),
    });
  }
  // The guard as a worker would have run it: at the flood's height, and once the hour had passed.
  await evaluateVolumeGuard(db, options.workflowId, new Date(floodAt + FLOOD_ITEMS * 40_000));
  await evaluateVolumeGuard(db, options.workflowId, new Date(floodAt + 3 * HOUR));
  // Two days before the flood, an afternoon when the CRM went down for twenty minutes.
  await seedDemoCrmOutage(db, {
    workflowId: options.workflowId,
    versionId,
    startMs: floodAt - 2 * DAY + 4 * HOUR,
  });
  await seedDemoTestCaseHistory(db, { workflowId: options.workflowId, now });

  const [published] = await db
    .select({ graph: workflowVersions.graph })
    .from(workflowVersions)
    .where(and(eq(workflowVersions.workflowId, options.workflowId), eq(workflowVersions.published, true)));
  const classify = published?.graph.nodes.find((node) => node.type === "classify");
  const graphValue = classify?.config.threshold;
  if (classify && typeof graphValue === "number") {
    const [inForce] = await db
      .select({ value: thresholdOverrides.value })
      .from(thresholdOverrides)
      .where(
        and(
          eq(thresholdOverrides.workflowId, options.workflowId),
          eq(thresholdOverrides.nodeId, classify.id),
        ),
      );
    await setThreshold(
      db,
      options.adminId,
      {
        workflowId: options.workflowId,
        nodeId: classify.id,
        value: 0.72,
        reason: "Fewer low-confidence escalations after the flood; watch accuracy for a week",
        expectedValue: inForce?.value ?? null,
      },
      new Date(now - 2 * DAY),
    );
  }
}
