import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database, Db } from "../../../db/client";
import { items, monitoringAlerts, monitoringBaselines, workflows } from "../../../db/schema";
import { staticConnectorSource } from "../../../integrations/connector-source";
import { HttpConnectorGateway } from "../../../integrations/http-gateway";
import { createLiveConnectorGateway } from "../../../integrations/live-gateway";
import { InProcessRateLimiter } from "../../../integrations/rate-limit/rate-limiter";
import {
  sendJson,
  startLoopbackServer,
  type LoopbackServer,
} from "../../../integrations/__tests__/support/loopback-server";
import {
  COMPLETE_PROFILE,
  GET_THING,
  fakeTime,
  testConnector,
} from "../../../integrations/__tests__/support/test-connectors";
import { openTestDatabase } from "../../../testing/test-database";
import { demoFixture } from "../../backtests/__tests__/fixtures";
import { createConnector } from "../../connectors/manage-connectors";
import { reportedLabel, storeRun } from "../../lifecycle/stored-runs";
import { deliverPendingAlerts, raiseAlert, setAlertGateway } from "../alerts";
import { circuitHistory, recordCircuitChanges } from "../circuit-events";
import { workflowDashboard } from "../dashboard";
import { evaluateDrift } from "../drift/evaluate-drift";
import { DEFAULT_MONITORING_SETTINGS, saveMonitoringSettings } from "../settings";

process.env.SWITCHBOARD_SECRET_KEY ??= Buffer.alloc(32, 7).toString("base64");

let database: Database;
let db: Db;
let fx: Awaited<ReturnType<typeof demoFixture>>;
let pager: LoopbackServer;
let pagerId: string;
const HOUR = 3_600_000;

/** What the pager received: one JSON body per alert. */
const received = () => pager.requests.map((r) => JSON.parse(r.body) as { title: string; kind: string });

beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
  fx = await demoFixture(db, { days: 7, weekdayMean: 20 });
  // In shadow, with a baseline as a signed-off backtest would have left it: 90% accurate (the only figure judged here).
  await db
    .update(workflows)
    .set({ stage: "shadow", shadowVersionId: fx.published.id, shadowStartedAt: new Date() })
    .where(eq(workflows.id, fx.workflowId));
  await db.insert(monitoringBaselines).values({
    id: crypto.randomUUID(),
    workflowId: fx.workflowId,
    versionId: fx.published.id,
    stage: "shadow",
    autoAccuracy: 0.9,
    automationRate: 0.8,
    escalationRateByReason: {},
    labelAccuracy: {},
    volume: { source: "none", weeks: 0, perHourOfWeek: [] },
  });
  pager = await startLoopbackServer((_request, response) => sendJson(response, 202, { ok: true }));
  const created = await createConnector(
    db,
    {
      definition: {
        name: "Pager",
        baseUrl: pager.url,
        auth: { method: "none" },
        operations: [
          {
            name: "notify",
            description: "Page the on-call admin.",
            kind: "write",
            method: "POST",
            path: "/alerts",
            bodyTemplate: { title: "{{input.title}}", kind: "{{input.kind}}", body: "{{input.body}}" },
            responseMapping: {},
            sampleInput: {},
          },
        ],
        profile: COMPLETE_PROFILE,
        allowedHosts: ["127.0.0.1"],
      },
    },
    null,
  );
  pagerId = created.id;
  await saveMonitoringSettings(db, fx.adminId, {
    ...DEFAULT_MONITORING_SETTINGS,
    workflowId: fx.workflowId,
    driftMinSample: 10,
    alertConnectorId: pagerId,
    alertOperation: "notify",
  });
});
afterAll(async () => {
  await pager?.close();
  await database?.close();
});

describe("drift alerts through the webhook connector", () => {
  it("pages once when accuracy leaves the band and once when it is back, never in between", async () => {
    const gateway = createLiveConnectorGateway(database, { log: () => {} });
    const now = Date.now();
    const routed = fx.tickets.filter((t) => reportedLabel(t)?.type === "route").slice(0, 40);
    const stored: { id: string; truth: NonNullable<ReturnType<typeof reportedLabel>> }[] = [];
    for (const [i, ticket] of routed.entries()) {
      const { id } = await storeRun(db, {
        workflowId: fx.workflowId,
        versionId: fx.published.id,
        mode: "shadow",
        payload: { ...ticket.item, ticket_id: `PAGE-${i}` },
        label: { type: "route", label: "nobody-team", team: "nobody-team" },
        receivedAt: new Date(now - (i + 1) * HOUR),
      });
      stored.push({ id, truth: reportedLabel(ticket)! });
    }
    const raised = await evaluateDrift(db, fx.workflowId, new Date(now), gateway);
    expect(raised.judgements.find((j) => j.metric === "accuracy")!.detail).toMatch(
      /^accuracy 0\.0% on \d\d labelled/,
    );
    expect(raised.raised).toEqual(["accuracy"]);
    await evaluateDrift(db, fx.workflowId, new Date(now + 60_000), gateway);
    expect(received().filter((a) => a.kind === "drift")).toEqual([
      expect.objectContaining({ title: "Support triage: Accuracy out of band" }),
    ]);

    for (const { id, truth } of stored) await db.update(items).set({ label: truth }).where(eq(items.id, id));
    expect((await evaluateDrift(db, fx.workflowId, new Date(now + 120_000), gateway)).cleared).toContain(
      "accuracy",
    );
    await evaluateDrift(db, fx.workflowId, new Date(now + 180_000), gateway);
    expect(received().map((a) => a.title)).toEqual([
      "Support triage: Accuracy out of band",
      "Support triage: Accuracy back in band",
    ]);
    const alerts = await db
      .select({ title: monitoringAlerts.title, delivery: monitoringAlerts.delivery })
      .from(monitoringAlerts)
      .where(and(eq(monitoringAlerts.workflowId, fx.workflowId), eq(monitoringAlerts.kind, "drift")));
    expect(alerts.map((a) => a.delivery)).toEqual(["sent", "sent"]);
    // The webhook sees each alert under its own Idempotency-Key, so a retried delivery is recognised.
    const keys = pager.requests.map((r) => r.headers["idempotency-key"]);
    expect(new Set(keys).size).toBe(2);
    gateway.close();
  });

  it("keeps an alert raised without a gateway pending, and the next gateway sends it exactly once", async () => {
    const before = pager.requests.length;
    await raiseAlert(db, {
      workflowId: fx.workflowId,
      kind: "drift",
      title: "Raised off the run path",
      body: "b",
    });
    const [pending] = await db
      .select({ delivery: monitoringAlerts.delivery })
      .from(monitoringAlerts)
      .where(eq(monitoringAlerts.title, "Raised off the run path"));
    expect(pending!.delivery).toBe("pending");
    expect(pager.requests.length).toBe(before);

    const gateway = createLiveConnectorGateway(database, { log: () => {} });
    expect(await deliverPendingAlerts(db, gateway, fx.workflowId)).toBe(1);
    expect(await deliverPendingAlerts(db, gateway, fx.workflowId)).toBe(0);
    expect(
      received()
        .slice(before)
        .map((a) => a.title),
    ).toEqual(["Raised off the run path"]);

    // With the process's gateway named (the worker does), an alert raised anywhere goes out at once.
    setAlertGateway(db, gateway);
    await raiseAlert(db, {
      workflowId: fx.workflowId,
      kind: "drift",
      title: "Raised with a worker",
      body: "b",
    });
    expect(received().at(-1)!.title).toBe("Raised with a worker");
    gateway.close();
  });
});

describe("circuit history", () => {
  it("records the real breaker's changes and shows them over time on the dashboard", async () => {
    let healthy = false;
    const crm = await startLoopbackServer((_request, response) =>
      healthy ? sendJson(response, 200, { thing: { name: "ok", size: 1 } }) : sendJson(response, 503, {}),
    );
    const time = fakeTime(Date.now() - 2 * HOUR);
    const startedAt = time.now();
    // The demo workflow's connector node calls "crm"; this gateway serves that id from the loopback server.
    const loaded = testConnector(crm.url, {
      id: "crm",
      operations: [GET_THING],
      resilience: { maxRetries: 0, breakerFailureThreshold: 2, breakerCooldownMs: 60_000 },
    });
    const gateway = new HttpConnectorGateway({
      connectors: staticConnectorSource([loaded]),
      rateLimiter: new InProcessRateLimiter(time.now),
      now: time.now,
      sleep: time.sleep,
      log: () => {},
      onCircuitChange: recordCircuitChanges(db, "test-worker:1"),
    });
    const read = () =>
      gateway.call({
        connectorId: "crm",
        operation: "get_thing",
        kind: "read",
        input: { id: "1" },
        idempotencyKey: "k",
      });
    await read();
    await read(); // second failure: open
    time.advance(60_000);
    await read(); // the probe fails: open again
    time.advance(60_000);
    healthy = true;
    await read(); // the probe succeeds: closed
    gateway.close();
    await crm.close();

    const range = { fromMs: startedAt - HOUR, toMs: Date.now() };
    await vi.waitFor(async () => {
      const history = await circuitHistory(db, ["crm"], range);
      expect(history.get("crm")?.transitions).toHaveLength(5);
    });
    const { transitions } = (await circuitHistory(db, ["crm"], range)).get("crm")!;
    expect(transitions.map((t) => [t.from, t.to, t.atMs - startedAt, t.cooldownMs])).toEqual([
      ["closed", "open", 0, 60_000],
      ["open", "half_open", 60_000, null],
      ["half_open", "open", 60_000, 60_000],
      ["open", "half_open", 120_000, null],
      ["half_open", "closed", 120_000, null],
    ]);
    expect(transitions[0]!.process).toBe("test-worker:1");

    const dashboard = await workflowDashboard(db, { workflowId: fx.workflowId, days: 1, granularity: "day" });
    const timeline = dashboard.connectorTimelines.find((c) => c.connectorId === "crm")!;
    expect(timeline.name).toBe("CRM");
    expect(timeline.profile).toEqual({ p50Ms: 40, p95Ms: 200 });
    expect(timeline.circuit.map((s) => s.state)).toEqual(["closed", "open", "closed"]);
    const open = timeline.circuit[1]!;
    expect(open.toMs - open.fromMs).toBe(120_000);
    expect(timeline.buckets.reduce((sum, b) => sum + b.circuitOpenings, 0)).toBe(2);
  });
});
