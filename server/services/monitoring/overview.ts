import { and, eq, inArray, isNull } from "drizzle-orm";
import { summarizeItems } from "@/lib/monitoring/summarize-items";
import type { Db } from "../../db/client";
import { driftFlags, volumeEpisodes, workflows } from "../../db/schema";
import { versionNumbers } from "../lifecycle/workflow-row";
import { baselineView } from "./baseline/baseline-view";
import { currentBaseline } from "./baseline/latest-baseline";
import { loadFacts } from "./item-facts";
import { monitoredMode } from "./monitored-mode";
import { refreshMonitors } from "./refresh-monitors";

const DAY = 86_400_000;

/** Every workflow in shadow, live or paused: the last 7 days beside its baseline, open flags and episodes. */
export async function monitoringOverview(db: Db, now = new Date()) {
  const watched = await db
    .select({ id: workflows.id, name: workflows.name, stage: workflows.stage })
    .from(workflows)
    .where(inArray(workflows.stage, ["shadow", "live", "paused"]))
    .orderBy(workflows.name);
  const from = new Date(now.getTime() - 7 * DAY);
  const rows = [];
  for (const workflow of watched) {
    await refreshMonitors(db, workflow.id, now);
    const mode = monitoredMode(workflow.stage);
    const [{ facts }, baselineRow, openFlags, openEpisodes] = await Promise.all([
      loadFacts(db, workflow.id, { from, to: now, mode }),
      currentBaseline(db, workflow.id),
      db
        .select()
        .from(driftFlags)
        .where(and(eq(driftFlags.workflowId, workflow.id), isNull(driftFlags.clearedAt))),
      db
        .select()
        .from(volumeEpisodes)
        .where(and(eq(volumeEpisodes.workflowId, workflow.id), isNull(volumeEpisodes.endedAt))),
    ]);
    const numbers = await versionNumbers(db, [baselineRow?.versionId ?? null]);
    rows.push({
      ...workflow,
      mode,
      summary: summarizeItems(facts),
      baseline: baselineView(
        baselineRow,
        baselineRow?.versionId ? (numbers.get(baselineRow.versionId) ?? null) : null,
      ),
      openFlags,
      openEpisode: openEpisodes[0] ?? null,
    });
  }
  return rows;
}
export type MonitoringOverviewRow = Awaited<ReturnType<typeof monitoringOverview>>[number];
