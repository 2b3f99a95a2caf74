import { and, asc, eq, gte, isNotNull, lt, or, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  connectorIncidents,
  disagreementPatterns,
  refinementPriorities,
} from "@/lib/monitoring/review-figures";
import { connectorSeries, withCircuitHistory } from "@/lib/monitoring/connector-series";
import { itemSeries } from "@/lib/monitoring/series";
import { summarizeItems } from "@/lib/monitoring/summarize-items";
import type { Db } from "../../../db/client";
import { driftFlags, items, thresholdChanges, user, volumeEpisodes, type ItemMode } from "../../../db/schema";
import { versionNumbers } from "../../lifecycle/workflow-row";
import { loadWorkflow } from "../../workflows/load";
import { baselineView } from "../baseline/baseline-view";
import { currentBaseline } from "../baseline/latest-baseline";
import { circuitHistory } from "../circuit-events";
import { connectorContext } from "../graph-connectors";
import { factOf, loadFacts } from "../item-facts";
import { monitoredMode } from "../monitored-mode";
import { monthRange, monthTitle } from "./month";
import { isOpenEdgeCase, reviewTestCases } from "./review-test-cases";

const EXAMPLES_PER_PATTERN = 2;
const changer = alias(user, "changer");

/** A few words of an item, for an example: its subject, else its text, else its id. */
function itemGist(payload: Record<string, unknown>, externalId: string): string {
  const text = [payload.subject, payload.title, payload.body, payload.text].find(
    (v) => typeof v === "string",
  );
  const gist = typeof text === "string" ? text.replace(/\s+/g, " ").trim() : "";
  return gist ? `${externalId}: ${gist.length > 90 ? `${gist.slice(0, 87)}…` : gist}` : externalId;
}

/** Examples of each disagreement pattern (item id and gist), read only for the month's wrong decisions. */
async function patternExamples(db: Db, workflowId: string, mode: ItemMode, from: Date, to: Date) {
  const rows = await db
    .select({
      externalId: items.externalId,
      payload: items.payload,
      receivedAt: items.receivedAt,
      outcome: items.outcome,
      trace: items.trace,
      label: items.label,
    })
    .from(items)
    .where(
      and(
        eq(items.workflowId, workflowId),
        eq(items.mode, mode),
        gte(items.receivedAt, from),
        lt(items.receivedAt, to),
        isNotNull(items.label),
      ),
    )
    .orderBy(asc(items.receivedAt));
  const examples = new Map<string, string[]>();
  for (const row of rows) {
    const fact = factOf(row);
    if (fact.judged !== "wrong") continue;
    const key = JSON.stringify([fact.actual, fact.predicted]);
    const list = examples.get(key) ?? [];
    if (list.length < EXAMPLES_PER_PATTERN) list.push(itemGist(row.payload, row.externalId));
    examples.set(key, list);
  }
  return examples;
}

/**
 * Everything the monthly review of one workflow says, as plain data (dates as epoch ms) so the page, the
 * Markdown and the PDF render the same figures.
 */
export async function monthlyReview(
  db: Db,
  input: { workflowId: string; month: string; mode?: ItemMode; now?: Date },
) {
  const workflow = await loadWorkflow(db, input.workflowId);
  const { from, to } = monthRange(input.month);
  const mode = input.mode ?? monitoredMode(workflow.stage);
  const [loaded, baselineRow, context, examples, changes, episodes, flags, testCases] = await Promise.all([
    loadFacts(db, workflow.id, { from, to, mode }),
    currentBaseline(db, workflow.id),
    connectorContext(db, workflow.id),
    patternExamples(db, workflow.id, mode, from, to),
    db
      .select({
        nodeId: thresholdChanges.nodeId,
        oldValue: thresholdChanges.oldValue,
        newValue: thresholdChanges.newValue,
        graphValue: thresholdChanges.graphValue,
        reason: thresholdChanges.reason,
        changedBy: changer.name,
        changedAt: thresholdChanges.changedAt,
      })
      .from(thresholdChanges)
      .leftJoin(changer, eq(changer.id, thresholdChanges.changedBy))
      .where(
        and(
          eq(thresholdChanges.workflowId, workflow.id),
          gte(thresholdChanges.changedAt, from),
          lt(thresholdChanges.changedAt, to),
        ),
      )
      .orderBy(asc(thresholdChanges.changedAt)),
    db
      .select()
      .from(volumeEpisodes)
      .where(
        and(
          eq(volumeEpisodes.workflowId, workflow.id),
          lt(volumeEpisodes.startedAt, to),
          or(isNull(volumeEpisodes.endedAt), gte(volumeEpisodes.endedAt, from)),
        ),
      )
      .orderBy(asc(volumeEpisodes.startedAt)),
    db
      .select()
      .from(driftFlags)
      .where(
        and(
          eq(driftFlags.workflowId, workflow.id),
          gte(driftFlags.raisedAt, from),
          lt(driftFlags.raisedAt, to),
        ),
      )
      .orderBy(asc(driftFlags.raisedAt)),
    reviewTestCases(db, workflow),
  ]);
  const graphConnectors = [...new Set(context.connectorOf.values())];
  const monthRangeMs = { fromMs: from.getTime(), toMs: to.getTime() };
  const [numbers, circuits] = await Promise.all([
    versionNumbers(db, [baselineRow?.versionId ?? null]),
    circuitHistory(db, graphConnectors, monthRangeMs),
  ]);
  const { facts, traced } = loaded;
  const daily = connectorSeries(traced, context.connectorOf, circuits, graphConnectors, monthRangeMs, "day");
  const inMonth = (at: Date) => at >= from && at < to;
  return {
    workflow: { id: workflow.id, name: workflow.name, stage: workflow.stage },
    month: input.month,
    title: `${workflow.name}: monthly review, ${monthTitle(input.month)}`,
    mode,
    generatedAtMs: (input.now ?? new Date()).getTime(),
    baseline: baselineView(
      baselineRow,
      baselineRow?.versionId ? (numbers.get(baselineRow.versionId) ?? null) : null,
    ),
    summary: summarizeItems(facts),
    weeks: itemSeries(facts, { fromMs: from.getTime(), toMs: to.getTime() }, "week"),
    disagreements: disagreementPatterns(facts).map((pattern) => ({
      ...pattern,
      examples: examples.get(JSON.stringify([pattern.actual, pattern.predicted])) ?? [],
    })),
    /** The version the test cases were run against now (live, else shadow, else the newest). */
    testedVersion: testCases.version,
    openEdgeCases: testCases.cases.filter(isOpenEdgeCase),
    testCasesAdded: testCases.cases.filter((c) => inMonth(new Date(c.addedAtMs))),
    connectorIncidents: withCircuitHistory(connectorIncidents(traced, context.connectorOf), daily).map(
      (incident) => ({
        ...incident,
        name: context.names.get(incident.connectorId) ?? incident.connectorId,
      }),
    ),
    volumeEpisodes: episodes.map((e) => ({
      startedAtMs: e.startedAt.getTime(),
      endedAtMs: e.endedAt?.getTime() ?? null,
      action: e.action,
      peakCount: e.peakCount,
      expectedCount: e.expectedCount,
      peakRatio: e.peakRatio,
      paused: e.paused,
      windowMinutes: e.windowMinutes,
    })),
    driftFlags: flags.map((f) => ({
      metric: f.metric,
      detail: f.detail,
      raisedAtMs: f.raisedAt.getTime(),
      clearedAtMs: f.clearedAt?.getTime() ?? null,
    })),
    thresholdChanges: changes.map((c) => ({
      nodeId: c.nodeId,
      from: c.oldValue ?? c.graphValue,
      to: c.newValue ?? c.graphValue,
      reason: c.reason,
      changedBy: c.changedBy ?? "a removed user",
      changedAtMs: c.changedAt.getTime(),
    })),
    refinementPriorities: refinementPriorities(facts),
  };
}
export type MonthlyReview = Awaited<ReturnType<typeof monthlyReview>>;
