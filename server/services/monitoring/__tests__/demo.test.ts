import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../db/client";
import { user } from "../../../db/schema";
import { seedOnFirstStart } from "../../../db/seed";
import { appRouter } from "../../../root";
import { openTestDatabase } from "../../../testing/test-database";
import { createCallerFactory } from "../../../trpc";
import { workflowDashboard } from "../dashboard";
import { monitoringOverview } from "../overview";
import { currentMonth } from "../review/month";
import { monthlyReview } from "../review/monthly-review";
import { listAlerts } from "../alerts";
import { seedDemoMonitoring } from "../demo";

let database: Database;
let workflowId: string;
beforeAll(async () => {
  database = await openTestDatabase();
  const spent: string[] = [];
  // The whole demo seed, as a fresh start runs it (monitoring's part included).
  await seedOnFirstStart(database.db, { demo: true, log: (line) => spent.push(line) });
  const [overviewRow] = await monitoringOverview(database.db);
  workflowId = overviewRow!.id;
}, 120_000);
afterAll(() => database.close());

describe("the demo's monitoring", () => {
  it("shows the demo workflow on the overview with its baseline and shadow figures", async () => {
    const rows = await monitoringOverview(database.db);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ stage: "shadow", mode: "shadow" });
    expect(rows[0]!.summary.itemsIn).toBeGreaterThan(100);
    expect(rows[0]!.baseline?.volumeSource).toBe("dataset");
    expect(rows[0]!.baseline?.autoAccuracy).toBeGreaterThan(0.8);
  });

  it("fills the dashboard: series, accuracy with its interval, nodes, a closed volume episode", async () => {
    const dashboard = await workflowDashboard(database.db, { workflowId, days: 30, granularity: "day" });
    expect(dashboard.series.filter((p) => p.itemsIn > 0).length).toBeGreaterThanOrEqual(8);
    expect(dashboard.summary.accuracy.n).toBeGreaterThan(50);
    expect(dashboard.summary.accuracy.low!).toBeLessThan(dashboard.summary.accuracy.rate!);
    expect(dashboard.nodes.some((n) => n.meanConfidence !== null)).toBe(true);
    expect(dashboard.series.some((p) => p.expectedItems !== null && p.expectedItems > 0)).toBe(true);
    expect(dashboard.episodes).toHaveLength(1);
    expect(dashboard.episodes[0]!.endedAt).not.toBeNull();
    const alerts = await listAlerts(database.db);
    expect(alerts.map((a) => a.title)).toEqual([
      expect.stringMatching(/back in band$/),
      expect.stringMatching(/out of band$/),
    ]);
  });

  it("shows the CRM outage: failed calls, and the real breaker's recorded openings and closing", async () => {
    const dashboard = await workflowDashboard(database.db, { workflowId, days: 30, granularity: "day" });
    const crm = dashboard.connectorTimelines.find((c) => c.connectorId === "crm")!;
    expect(crm.profile).toEqual({ p50Ms: 40, p95Ms: 200 });
    const outageDay = crm.buckets.find((b) => b.circuitOpenings > 0)!;
    expect(outageDay.failures).toBeGreaterThan(0);
    expect(outageDay.circuitOpenShare).toBeGreaterThan(0);
    expect(crm.transitions.map((t) => t.to)).toContain("half_open");
    expect(crm.transitions.at(-1)).toMatchObject({ from: "half_open", to: "closed", process: "demo-worker" });
    expect(crm.circuit.at(-1)!.state).toBe("closed");
  });

  it("gives this month's review its episode and the admin's threshold change", async () => {
    const review = await monthlyReview(database.db, {
      workflowId,
      month: currentMonth(new Date(Date.now() - 2 * 86_400_000)),
    });
    expect(review.thresholdChanges).toEqual([expect.objectContaining({ to: 0.72 })]);
    const outageMonth = await monthlyReview(database.db, {
      workflowId,
      month: currentMonth(new Date(Date.now() - 5 * 86_400_000)),
    });
    expect(outageMonth.connectorIncidents).toContainEqual(
      expect.objectContaining({ name: "CRM", circuitOpened: true, circuitOpenings: expect.any(Number) }),
    );
    const thisMonth = await monthlyReview(database.db, { workflowId, month: currentMonth() });
    expect(thisMonth.openEdgeCases).toEqual([
      expect.objectContaining({
        name: expect.stringMatching(/^Shadow v1: /),
        status: "known failure",
        addedBy: "Oscar Owner",
      }),
    ]);
    expect(review.summary.itemsIn).toBeGreaterThan(0);
  });

  it("seeds its own part quickly", async () => {
    const [admin] = await database.db.select({ id: user.id }).from(user).where(eq(user.role, "admin"));
    const started = performance.now();
    await seedDemoMonitoring(database.db, {
      workflowId,
      adminId: admin!.id,
      now: Date.now() + 7 * 86_400_000,
    });
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});

describe("the monitoring router", () => {
  const caller = createCallerFactory(appRouter);
  async function as(role: "admin" | "owner" | "reviewer") {
    const [row] = await database.db.select().from(user).where(eq(user.role, role));
    return caller({ db: database.db, user: { id: row!.id, email: row!.email, name: row!.name, role } });
  }

  it("lets an owner read the dashboard and the settings but not change them", async () => {
    const owner = await as("owner");
    const dashboard = await owner.monitoring.dashboard({ workflowId, days: 7, granularity: "week" });
    expect(dashboard.range.granularity).toBe("week");
    expect(dashboard.series.length).toBeGreaterThanOrEqual(1);
    const { settings, canEdit } = await owner.monitoring.settings({ workflowId });
    expect(canEdit).toBe(false);
    await expect(
      owner.monitoring.saveSettings({ ...settings, workflowId, accuracyDropPoints: 3 }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("lets an admin change the band, refusing nonsense", async () => {
    const admin = await as("admin");
    const { settings } = await admin.monitoring.settings({ workflowId });
    const saved = await admin.monitoring.saveSettings({ ...settings, workflowId, accuracyDropPoints: 3 });
    expect(saved.accuracyDropPoints).toBe(3);
    await expect(
      admin.monitoring.saveSettings({ ...settings, workflowId, volumeMultiplier: 0.5 }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(admin.monitoring.review({ workflowId, month: "2026-13" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("keeps reviewers out", async () => {
    const reviewer = await as("reviewer");
    await expect(reviewer.monitoring.overview()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
