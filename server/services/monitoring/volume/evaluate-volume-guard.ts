import crypto from "node:crypto";
import { and, eq, gt, isNull, lte, sql } from "drizzle-orm";
import type { ConnectorGateway } from "@/lib/engine/ports";
import type { VolumeGuardAction } from "@/lib/monitoring/types";
import { expectWindow, judgeVolume, type VolumeJudgement } from "@/lib/monitoring/volume-guard";
import type { Db } from "../../../db/client";
import { items, volumeEpisodes, workflows } from "../../../db/schema";
import { raiseAlert } from "../alerts";
import { currentBaseline } from "../baseline/latest-baseline";
import { monitoringSettingsFor, volumeConfigOf } from "../settings";
import { pauseForVolume } from "./pause-for-volume";

export interface VolumeGuardState {
  /** An episode is open: input volume is out of band now. */
  open: boolean;
  episodeId: string | null;
  action: VolumeGuardAction | null;
  judgement: VolumeJudgement | null;
}

const QUIET: VolumeGuardState = { open: false, episodeId: null, action: null, judgement: null };

/** Items received in (now − window, now], each counted once however many modes ran it (canary, shadow beside live). */
async function windowCount(db: Db, workflowId: string, now: Date, windowMinutes: number): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(distinct ${items.externalId})::int` })
    .from(items)
    .where(
      and(
        eq(items.workflowId, workflowId),
        gt(items.receivedAt, new Date(now.getTime() - windowMinutes * 60_000)),
        lte(items.receivedAt, now),
      ),
    );
  return row?.count ?? 0;
}

const describe = (j: VolumeJudgement, windowMinutes: number) =>
  `${j.observed} items in the last ${windowMinutes} minutes against ${j.expected.toFixed(1)} expected for these hours of the week (${j.ratio.toFixed(1)}×, robust z ${j.z.toFixed(1)})`;

/**
 * The volume guard for one workflow, now: counts the sliding window, judges it against the baseline for those
 * hours of the week, and opens an episode (alerting admins, pausing the live workflow when so configured),
 * keeps its peak, or closes it once volume is back in band. Idempotent; at most one open episode (a partial
 * unique index), so guards in several workers cannot open two.
 */
export async function evaluateVolumeGuard(
  db: Db,
  workflowId: string,
  now = new Date(),
  /** The process's connector gateway, for the alert webhook (the run path has one; other callers may not). */
  notify?: ConnectorGateway,
): Promise<VolumeGuardState> {
  const [open] = await db
    .select()
    .from(volumeEpisodes)
    .where(and(eq(volumeEpisodes.workflowId, workflowId), isNull(volumeEpisodes.endedAt)));
  const settings = await monitoringSettingsFor(db, workflowId);
  const baseline = await currentBaseline(db, workflowId);
  if (!settings.volumeGuardEnabled || !baseline || baseline.volume.source === "none") {
    if (open) await db.update(volumeEpisodes).set({ endedAt: now }).where(eq(volumeEpisodes.id, open.id));
    return QUIET;
  }
  const config = volumeConfigOf(settings);
  const observed = await windowCount(db, workflowId, now, config.windowMinutes);
  const judgement = judgeVolume(
    observed,
    expectWindow(baseline.volume, now.getTime(), config.windowMinutes),
    config,
  );
  const [workflow] = await db
    .select({ name: workflows.name, stage: workflows.stage })
    .from(workflows)
    .where(eq(workflows.id, workflowId));
  const name = workflow?.name ?? workflowId;

  if (judgement.anomalous && !open) {
    const id = crypto.randomUUID();
    const inserted = await db
      .insert(volumeEpisodes)
      .values({
        id,
        workflowId,
        action: settings.volumeAction,
        windowMinutes: config.windowMinutes,
        peakCount: observed,
        expectedCount: judgement.expected,
        peakRatio: judgement.ratio,
        startedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: volumeEpisodes.id });
    if (inserted.length === 0) return evaluateVolumeGuard(db, workflowId, now, notify);
    const paused =
      settings.volumeAction === "pause" && workflow?.stage === "live"
        ? await pauseForVolume(db, workflowId, describe(judgement, config.windowMinutes))
        : false;
    if (paused) await db.update(volumeEpisodes).set({ paused: true }).where(eq(volumeEpisodes.id, id));
    await raiseAlert(
      db,
      {
        workflowId,
        kind: "volume",
        title: `${name}: input volume out of band`,
        body: `${describe(judgement, config.windowMinutes)}. ${
          settings.volumeAction === "escalate"
            ? "Every live item is escalated to a person (reason: volume) until volume is back in band."
            : paused
              ? "The live workflow was paused; resume it on its Overview once the cause is known."
              : "The workflow was not live, so nothing was paused."
        }`,
        at: now,
      },
      notify,
    );
    return { open: true, episodeId: id, action: settings.volumeAction, judgement };
  }
  if (judgement.anomalous && open) {
    if (observed > open.peakCount) {
      await db
        .update(volumeEpisodes)
        .set({ peakCount: observed, expectedCount: judgement.expected, peakRatio: judgement.ratio })
        .where(eq(volumeEpisodes.id, open.id));
    }
    return { open: true, episodeId: open.id, action: open.action, judgement };
  }
  if (open) {
    await db.update(volumeEpisodes).set({ endedAt: now }).where(eq(volumeEpisodes.id, open.id));
    await raiseAlert(
      db,
      {
        workflowId,
        kind: "volume",
        title: `${name}: input volume back in band`,
        body: `${describe(judgement, config.windowMinutes)}. The episode that began ${open.startedAt.toISOString().slice(0, 16).replace("T", " ")} UTC is closed.`,
        at: now,
      },
      notify,
    );
  }
  return { ...QUIET, judgement };
}
