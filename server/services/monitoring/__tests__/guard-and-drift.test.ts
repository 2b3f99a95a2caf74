import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routeModels } from "@/lib/engine/models/route-models";
import type { ConnectorGateway } from "@/lib/engine/ports";
import type { Database, Db } from "../../../db/client";
import {
  backtestRuns,
  connectors,
  items,
  monitoringAlerts,
  monitoringBaselines,
  volumeEpisodes,
  workflows,
  workflowStageEvents,
} from "../../../db/schema";
import { openTestDatabase } from "../../../testing/test-database";
import { demoFixture } from "../../backtests/__tests__/fixtures";
import { saveCriteria } from "../../backtests/criteria";
import { DEMO_READS_FIXTURE } from "../../backtests/demo-history";
import { executeBacktest } from "../../backtests/run-backtest";
import { signOffBacktest } from "../../backtests/sign-off";
import { startBacktest } from "../../backtests/start-backtest";
import { lifecycleOverview } from "../../lifecycle/overview";
import { reportedLabel, storeRun } from "../../lifecycle/stored-runs";
import { startShadow } from "../../lifecycle/transitions/start-shadow";
import { markValidated } from "../../lifecycle/transitions/validate";
import { runStoredItem } from "../../runs/run-item-row";
import { workflowDashboard } from "../dashboard";
import { evaluateDrift } from "../drift/evaluate-drift";
import { DEFAULT_MONITORING_SETTINGS, saveMonitoringSettings } from "../settings";
import { evaluateVolumeGuard } from "../volume/evaluate-volume-guard";

let database: Database;
let db: Db;
let fx: Awaited<ReturnType<typeof demoFixture>>;
const HOUR = 3_600_000;
/** A Tuesday, 10:00 UTC: a busy hour of the week in the generated history. */
const TUESDAY_10 = Date.UTC(2026, 10, 24, 10);

beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
  fx = await demoFixture(db, { days: 28, weekdayMean: 30 });
  await saveCriteria(db, fx.ownerId, {
    workflowId: fx.workflowId,
    approverId: fx.adminId,
    minAutoAccuracy: 0.85,
    maxEscalationRate: 0.35,
    minLabelRecall: null,
  });
  const { runId } = await startBacktest(
    db,
    fx.ownerId,
    {
      workflowId: fx.workflowId,
      versionId: fx.published.id,
      datasetId: fx.datasetId,
      readsFixture: DEMO_READS_FIXTURE,
    },
    { launch: false },
  );
  await executeBacktest(db, runId, { batchSize: 500, sweep: false });
  await signOffBacktest(db, fx.adminId, { runId });
  const owner = { id: fx.ownerId, role: "owner" as const };
  await markValidated(db, owner, { workflowId: fx.workflowId });
  await startShadow(db, owner, { workflowId: fx.workflowId });
});
afterAll(() => database.close());

async function arrive(count: number, atMs: number, mode: "live" | "shadow" = "live") {
  if (count === 0) return;
  await db.insert(items).values(
    Array.from({ length: count }, (_, i) => ({
      id: crypto.randomUUID(),
      workflowId: fx.workflowId,
      versionId: fx.published.id,
      externalId: `V-${atMs}-${i}-${crypto.randomUUID().slice(0, 6)}`,
      payload: { ...fx.tickets[i % fx.tickets.length]!.item },
      mode,
      status: "completed" as const,
      receivedAt: new Date(atMs - i * 1000),
    })),
  );
}

describe("the baseline", () => {
  it("is recorded as the version enters shadow, from its signed-off backtest and the dataset's hours", async () => {
    const [baseline] = await db
      .select()
      .from(monitoringBaselines)
      .where(eq(monitoringBaselines.workflowId, fx.workflowId));
    const [run] = await db.select().from(backtestRuns).where(eq(backtestRuns.workflowId, fx.workflowId));
    expect(baseline).toMatchObject({ stage: "shadow", versionId: fx.published.id, backtestRunId: run!.id });
    expect(baseline!.autoAccuracy).toBe(run!.metrics!.autoAccuracy);
    expect(baseline!.escalationRate).toBe(run!.metrics!.escalationRate);
    expect(baseline!.volume.source).toBe("dataset");
    expect(baseline!.volume.weeks).toBeGreaterThan(3.5);
    expect(baseline!.volume.perHourOfWeek).toHaveLength(168);
    // Weekday working hours expect more than weekend nights.
    expect(baseline!.volume.perHourOfWeek[24 + 10]!.median).toBeGreaterThan(
      baseline!.volume.perHourOfWeek[6 * 24 + 2]!.median,
    );

    const step = (await lifecycleOverview(db, fx.workflowId)).steps.find((s) => s.id === "monitoring")!;
    expect(step.state).toBe("done");
    expect(step.detail).toMatch(/^Recorded \d{4}-\d\d-\d\d as version 1 entered shadow: accuracy \d+\.\d%/);
  });
});

describe("the volume guard", () => {
  const calls: string[] = [];
  const recordingGateway: ConnectorGateway = {
    call: (request) => {
      calls.push(`${request.kind}:${request.connectorId}`);
      return { status: "ok", data: { vip: false, plan: "pro" } };
    },
  };

  beforeAll(async () => {
    // Live now (as after a cut-over), guarding on a window of an hour, minimum 10 items.
    await db
      .update(workflows)
      .set({ stage: "live", liveVersionId: fx.published.id, shadowVersionId: null })
      .where(eq(workflows.id, fx.workflowId));
    await saveMonitoringSettings(db, fx.adminId, {
      ...DEFAULT_MONITORING_SETTINGS,
      workflowId: fx.workflowId,
      volumeMinItems: 10,
    });
  });

  it("stays quiet at an ordinary Tuesday morning's volume", async () => {
    await arrive(2, TUESDAY_10 - 10 * 60_000);
    const state = await evaluateVolumeGuard(db, fx.workflowId, new Date(TUESDAY_10));
    expect(state.open).toBe(false);
    expect(state.judgement!.observed).toBe(2);
  });

  it("opens an episode on a 5× flood, escalates live items for volume without side effects, and alerts admins", async () => {
    const expected = (await evaluateVolumeGuard(db, fx.workflowId, new Date(TUESDAY_10))).judgement!.expected;
    await arrive(Math.max(12, Math.ceil(5 * expected)), TUESDAY_10 + 20 * 60_000);
    const now = TUESDAY_10 + 30 * 60_000;
    const state = await evaluateVolumeGuard(db, fx.workflowId, new Date(now));
    expect(state).toMatchObject({ open: true, action: "escalate" });
    expect(state.judgement!.ratio).toBeGreaterThan(3);

    const ticket = fx.tickets.find((t) => reportedLabel(t)?.type === "route")!;
    const itemId = crypto.randomUUID();
    const result = await runStoredItem(
      db,
      {
        id: itemId,
        workflowId: fx.workflowId,
        versionId: fx.published.id,
        externalId: "FLOOD-1",
        payload: { ...ticket.item },
        mode: "live",
      },
      {
        connectors: recordingGateway,
        models: routeModels(),
        clock: { now: () => now + 1000, monotonic: () => performance.now() },
      },
    );
    expect(result.outcome).toMatchObject({ type: "escalate", reasonType: "volume" });
    expect(result.status).toBe("awaiting_review");
    expect(result.reviewTasks).toHaveLength(1);
    expect(result.reviewTasks[0]!.request).toMatchObject({
      reasonType: "volume",
      idempotencyKey: `live:${itemId}:volume`,
    });
    expect(calls.filter((c) => c.startsWith("write"))).toEqual([]);

    const alerts = await db
      .select()
      .from(monitoringAlerts)
      .where(eq(monitoringAlerts.workflowId, fx.workflowId));
    expect(alerts.map((a) => a.title)).toEqual([expect.stringMatching(/input volume out of band$/)]);
  });

  it("leaves shadow items as the graph decided them during the episode", async () => {
    const now = TUESDAY_10 + 31 * 60_000;
    const ticket = fx.tickets.find((t) => reportedLabel(t)?.type === "route")!;
    const result = await runStoredItem(
      db,
      {
        id: crypto.randomUUID(),
        workflowId: fx.workflowId,
        versionId: fx.published.id,
        externalId: "FLOOD-SHADOW-1",
        payload: { ...ticket.item },
        mode: "shadow",
      },
      {
        connectors: recordingGateway,
        models: routeModels(),
        clock: { now: () => now, monotonic: () => performance.now() },
      },
    );
    expect(result.outcome.type === "escalate" && result.outcome.reasonType === "volume").toBe(false);
    expect(result.reviewTasks).toEqual([]);
  });

  it("closes the episode by itself once the window has slid past the flood", async () => {
    const state = await evaluateVolumeGuard(db, fx.workflowId, new Date(TUESDAY_10 + 2 * HOUR));
    expect(state.open).toBe(false);
    const episodes = await db
      .select()
      .from(volumeEpisodes)
      .where(eq(volumeEpisodes.workflowId, fx.workflowId));
    expect(episodes).toHaveLength(1);
    expect(episodes[0]!.endedAt?.getTime()).toBe(TUESDAY_10 + 2 * HOUR);
    expect(episodes[0]!.peakCount).toBeGreaterThanOrEqual(12);
  });

  it("also sends the alert through the webhook connector an admin named, and records the delivery", async () => {
    await db.insert(connectors).values({
      id: "pager",
      name: "Pager",
      baseUrl: "https://pager.example",
      auth: { method: "none" },
      operations: [
        { name: "notify", description: "", kind: "write", method: "POST", path: "/alerts" } as never,
      ],
    });
    await saveMonitoringSettings(db, fx.adminId, {
      ...DEFAULT_MONITORING_SETTINGS,
      workflowId: fx.workflowId,
      volumeMinItems: 10,
      alertConnectorId: "pager",
      alertOperation: "notify",
    });
    const floodAt = TUESDAY_10 + 3 * 24 * HOUR;
    await arrive(25, floodAt);
    calls.length = 0;
    await evaluateVolumeGuard(db, fx.workflowId, new Date(floodAt + 60_000), recordingGateway);
    await evaluateVolumeGuard(db, fx.workflowId, new Date(floodAt + 3 * HOUR), recordingGateway);
    expect(calls).toEqual(["write:pager", "write:pager"]);
    const delivered = await db
      .select({ title: monitoringAlerts.title, delivery: monitoringAlerts.delivery })
      .from(monitoringAlerts)
      .where(eq(monitoringAlerts.workflowId, fx.workflowId));
    expect(delivered.filter((a) => a.delivery === "sent")).toHaveLength(2);
  });

  it("refuses a webhook that is not a write operation of a connector", async () => {
    await expect(
      saveMonitoringSettings(db, fx.adminId, {
        ...DEFAULT_MONITORING_SETTINGS,
        workflowId: fx.workflowId,
        alertConnectorId: "pager",
        alertOperation: "lookup",
      }),
    ).rejects.toThrow('Pager has no write operation "lookup" to send alerts with.');
  });

  it("pauses the live workflow when the action is pause, recording the guard in the audit", async () => {
    await saveMonitoringSettings(db, fx.adminId, {
      ...DEFAULT_MONITORING_SETTINGS,
      workflowId: fx.workflowId,
      volumeMinItems: 10,
      volumeAction: "pause",
    });
    const floodAt = TUESDAY_10 + 7 * 24 * HOUR;
    await arrive(20, floodAt);
    const state = await evaluateVolumeGuard(db, fx.workflowId, new Date(floodAt + 60_000));
    expect(state).toMatchObject({ open: true, action: "pause" });
    const [row] = await db
      .select({ stage: workflows.stage })
      .from(workflows)
      .where(eq(workflows.id, fx.workflowId));
    expect(row!.stage).toBe("paused");
    const [event] = await db
      .select()
      .from(workflowStageEvents)
      .where(
        and(eq(workflowStageEvents.workflowId, fx.workflowId), eq(workflowStageEvents.toStage, "paused")),
      );
    expect(event).toMatchObject({ actorId: null, reason: expect.stringMatching(/^Volume guard: 20 items/) });
    await db.update(workflows).set({ stage: "live" }).where(eq(workflows.id, fx.workflowId));
  });

  it("closes an open episode when someone looks after the traffic stopped (no item ran to judge it)", async () => {
    const floodAt = TUESDAY_10 + 7 * 24 * HOUR;
    const dashboard = await workflowDashboard(db, {
      workflowId: fx.workflowId,
      days: 2,
      granularity: "day",
      mode: "live",
      now: new Date(floodAt + 3 * HOUR),
    });
    expect(dashboard.episodes[0]).toMatchObject({ action: "pause", paused: true });
    expect(dashboard.episodes[0]!.endedAt?.getTime()).toBe(floodAt + 3 * HOUR);
    expect(dashboard.series.map((p) => p.itemsIn)).toContain(20);
  });
});

describe("drift flags", () => {
  it("raises a flag when accuracy falls out of the admin's band, and clears it when accuracy is back", async () => {
    await saveMonitoringSettings(db, fx.adminId, {
      ...DEFAULT_MONITORING_SETTINGS,
      workflowId: fx.workflowId,
      volumeGuardEnabled: false,
      driftMinSample: 10,
    });
    const now = Date.now();
    const routed = fx.tickets.filter((t) => reportedLabel(t)?.type === "route").slice(0, 40);
    const stored: { id: string; truth: NonNullable<ReturnType<typeof reportedLabel>> }[] = [];
    for (const [i, ticket] of routed.entries()) {
      const { id } = await storeRun(db, {
        workflowId: fx.workflowId,
        versionId: fx.published.id,
        mode: "live",
        payload: { ...ticket.item, ticket_id: `DRIFT-${i}` },
        // The human process says every one of them belonged to a team the workflow never routes to.
        label: { type: "route", label: "nobody-team", team: "nobody-team" },
        receivedAt: new Date(now - (i + 1) * HOUR),
      });
      stored.push({ id, truth: reportedLabel(ticket)! });
    }
    const raised = await evaluateDrift(db, fx.workflowId, new Date(now));
    expect(raised.raised).toContain("accuracy");
    const again = await evaluateDrift(db, fx.workflowId, new Date(now));
    expect(again.raised).toEqual([]);

    for (const { id, truth } of stored) await db.update(items).set({ label: truth }).where(eq(items.id, id));
    const cleared = await evaluateDrift(db, fx.workflowId, new Date(now));
    expect(cleared.cleared).toContain("accuracy");
    const accuracy = cleared.judgements.find((j) => j.metric === "accuracy")!;
    expect(accuracy.breached).toBe(false);
    const driftAlerts = await db
      .select()
      .from(monitoringAlerts)
      .where(and(eq(monitoringAlerts.workflowId, fx.workflowId), eq(monitoringAlerts.kind, "drift")));
    expect(driftAlerts.map((a) => a.title)).toContainEqual(expect.stringMatching(/Accuracy out of band$/));
  });
});
