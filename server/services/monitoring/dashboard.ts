import { and, desc, eq, gte, isNull, or } from "drizzle-orm";
import { bucketStarts } from "@/lib/monitoring/buckets";
import { connectorHealth } from "@/lib/monitoring/connector-health";
import { connectorSeries } from "@/lib/monitoring/connector-series";
import { labelVolumeSeries } from "@/lib/monitoring/label-series";
import { nodeFigures } from "@/lib/monitoring/node-stats";
import { connectorIncidents } from "@/lib/monitoring/review-figures";
import { itemSeries } from "@/lib/monitoring/series";
import { labelFigures, summarizeItems } from "@/lib/monitoring/summarize-items";
import type { Granularity } from "@/lib/monitoring/types";
import { typicalBetween } from "@/lib/monitoring/volume-guard";
import type { Db } from "../../db/client";
import { driftFlags, volumeEpisodes, type ItemMode } from "../../db/schema";
import { versionNumbers } from "../lifecycle/workflow-row";
import { loadWorkflow } from "../workflows/load";
import { baselineView } from "./baseline/baseline-view";
import { currentBaseline } from "./baseline/latest-baseline";
import { circuitHistory } from "./circuit-events";
import { connectorContext } from "./graph-connectors";
import { loadFacts } from "./item-facts";
import { monitoredMode } from "./monitored-mode";
import { refreshMonitors } from "./refresh-monitors";
import { monitoringSettingsFor } from "./settings";

const DAY = 86_400_000;

export interface DashboardInput {
  workflowId: string;
  /** Range in days back from now (7, 30, 90…), bucketed per day or week. */
  days: number;
  granularity: Granularity;
  /** Default: live items once a version is live, shadow items before. */
  mode?: ItemMode;
  now?: Date;
}

/** Every figure of one workflow's monitoring over a range, each beside its baseline, with flags and episodes. */
export async function workflowDashboard(db: Db, input: DashboardInput) {
  const workflow = await loadWorkflow(db, input.workflowId);
  const now = input.now ?? new Date();
  const mode = input.mode ?? monitoredMode(workflow.stage);
  // Whole buckets: the range starts at the first bucket's start, so the first point is not a partial day.
  const fromMs = bucketStarts(now.getTime() - input.days * DAY, now.getTime(), input.granularity)[0]!;
  const range = { fromMs, toMs: now.getTime() };
  // Judged on every look, so a flag or an episode is raised or cleared by the time anyone sees the figures.
  await refreshMonitors(db, workflow.id, now);
  const [loaded, baselineRow, settings, context, flags, episodes] = await Promise.all([
    loadFacts(db, workflow.id, { from: new Date(fromMs), to: now, mode }),
    currentBaseline(db, workflow.id),
    monitoringSettingsFor(db, workflow.id),
    connectorContext(db, workflow.id),
    db
      .select()
      .from(driftFlags)
      .where(
        and(
          eq(driftFlags.workflowId, workflow.id),
          or(isNull(driftFlags.clearedAt), gte(driftFlags.raisedAt, new Date(fromMs))),
        ),
      )
      .orderBy(desc(driftFlags.raisedAt)),
    db
      .select()
      .from(volumeEpisodes)
      .where(
        and(
          eq(volumeEpisodes.workflowId, workflow.id),
          or(isNull(volumeEpisodes.endedAt), gte(volumeEpisodes.startedAt, new Date(fromMs))),
        ),
      )
      .orderBy(desc(volumeEpisodes.startedAt)),
  ]);
  const graphConnectors = [...new Set(context.connectorOf.values())];
  const [numbers, circuits] = await Promise.all([
    versionNumbers(db, [baselineRow?.versionId ?? null]),
    circuitHistory(db, graphConnectors, range),
  ]);
  const baseline = baselineView(
    baselineRow,
    baselineRow?.versionId ? (numbers.get(baselineRow.versionId) ?? null) : null,
  );
  const step = input.granularity === "day" ? DAY : 7 * DAY;
  const series = itemSeries(loaded.facts, range, input.granularity).map((point) => {
    // What the baseline's hour-of-week volume expects in this bucket (the last one only up to now).
    const expected = baselineRow
      ? typicalBetween(baselineRow.volume, point.startMs, Math.min(point.startMs + step, range.toMs))
      : null;
    return { ...point, expectedItems: expected === null ? null : Math.round(expected) };
  });
  return {
    workflow: { id: workflow.id, name: workflow.name, stage: workflow.stage },
    mode,
    range: { fromMs, toMs: range.toMs, granularity: input.granularity },
    truncated: loaded.truncated,
    baseline,
    settings,
    summary: summarizeItems(loaded.facts),
    series,
    labels: labelFigures(loaded.facts),
    labelVolume: labelVolumeSeries(loaded.facts, range, input.granularity),
    nodes: nodeFigures(loaded.traced, range, input.granularity),
    connectors: connectorHealth(loaded.traced, context.connectorOf, context.profiles).map((health) => ({
      ...health,
      name: context.names.get(health.connectorId) ?? health.connectorId,
    })),
    /** Per connector and bucket: failure rate, p50/p95 against the profile, and the circuit over time. */
    connectorTimelines: connectorSeries(
      loaded.traced,
      context.connectorOf,
      circuits,
      graphConnectors,
      range,
      input.granularity,
    ).map((timeline) => ({
      ...timeline,
      name: context.names.get(timeline.connectorId) ?? timeline.connectorId,
      profile: context.profiles.get(timeline.connectorId) ?? null,
      transitions: (circuits.get(timeline.connectorId)?.transitions ?? []).slice(-20),
    })),
    /** Days on which a connector failed, for the health card's incident list. */
    incidents: connectorIncidents(loaded.traced, context.connectorOf).map((incident) => ({
      ...incident,
      name: context.names.get(incident.connectorId) ?? incident.connectorId,
    })),
    flags,
    episodes,
  };
}
export type WorkflowDashboard = Awaited<ReturnType<typeof workflowDashboard>>;
