import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateTickets, type HistoricalTicket } from "@/lib/demo/history/generate-tickets";
import type { Database, Db } from "../../../db/client";
import { backtestRuns, workflows, workflowStageEvents, workflowTestCases } from "../../../db/schema";
import { appRouter } from "../../../root";
import { openTestDatabase } from "../../../testing/test-database";
import { createCallerFactory } from "../../../trpc";
import { demoFixture } from "../../backtests/__tests__/fixtures";
import { saveCriteria } from "../../backtests/criteria";
import { DEMO_READS_FIXTURE } from "../../backtests/demo-history";
import { executeBacktest } from "../../backtests/run-backtest";
import { signOffBacktest } from "../../backtests/sign-off";
import { startBacktest } from "../../backtests/start-backtest";
import { evaluateCanaryGuard } from "../canary-guard";
import { lifecycleOverview } from "../overview";
import { shadowReport } from "../shadow/shadow-report";
import { stageHistory } from "../stage-events";
import { cutOver } from "../transitions/cut-over";
import { pauseLive, resumeLive } from "../transitions/pause-resume";
import { rollBack } from "../transitions/rollback";
import { setCanaryPercent } from "../transitions/set-canary";
import { startShadow } from "../transitions/start-shadow";
import { markValidated } from "../transitions/validate";
import { DAY, refusal, reportedLabel, storeRun } from "./support";

let database: Database;
let db: Db;
let fx: Awaited<ReturnType<typeof demoFixture>>;
const owner = () => ({ id: fx.ownerId, role: "owner" as const });
const admin = () => ({ id: fx.adminId, role: "admin" as const });
const caller = createCallerFactory(appRouter);
const later = (days: number) => new Date(Date.now() + days * DAY);

beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
  fx = await demoFixture(db, { days: 14, weekdayMean: 25 });
});
afterAll(() => database.close());

async function backtest(versionId: string) {
  const { runId } = await startBacktest(
    db,
    fx.ownerId,
    { workflowId: fx.workflowId, versionId, datasetId: fx.datasetId, readsFixture: DEMO_READS_FIXTURE },
    { launch: false },
  );
  expect(await executeBacktest(db, runId, { batchSize: 500, sweep: false })).toBe("done");
  const [run] = await db
    .select({ passed: backtestRuns.passed })
    .from(backtestRuns)
    .where(eq(backtestRuns.id, runId));
  return { runId, passed: run!.passed };
}

let batch = 0;
/** New tickets (unique ids), as they would arrive today. */
function tickets(days: number): HistoricalTicket[] {
  batch += 1;
  return generateTickets({ startMs: Date.UTC(2025, 2, 3), days, seed: 100 + batch, weekdayMean: 25 }).map(
    (t) => ({
      ...t,
      item: { ...t.item, ticket_id: `B${batch}-${t.item.ticket_id}` },
    }),
  );
}

/** Runs tickets through a version in a mode, with the truth reported (or a wrong one, to sink accuracy). */
async function arrive(
  list: readonly HistoricalTicket[],
  versionId: string,
  mode: "live" | "shadow",
  truth: "reported" | "wrong" | "none" = "reported",
) {
  for (const t of list) {
    const label = reportedLabel(t);
    await storeRun(db, {
      workflowId: fx.workflowId,
      versionId,
      mode,
      payload: { ...t.item },
      label:
        truth === "none" || !label
          ? null
          : truth === "wrong"
            ? { type: "route", label: "nobody-team", team: "nobody-team" }
            : label,
    });
  }
}

async function workflowRow() {
  const [row] = await db.select().from(workflows).where(eq(workflows.id, fx.workflowId));
  return row!;
}

describe("the workflow lifecycle", () => {
  it("starts in draft with a checklist that says what is missing and where to do it", async () => {
    const overview = await lifecycleOverview(db, fx.workflowId);
    expect(overview.stage).toBe("draft");
    expect(overview.legalActs).toEqual(["validate"]);
    const states = Object.fromEntries(overview.steps.map((s) => [s.id, s.state]));
    expect(states).toEqual({
      mapped: "todo",
      integrations: "done",
      tree: "done",
      escalations: "done",
      backtest: "todo",
      shadow: "blocked",
      monitoring: "blocked",
    });
    const mapped = overview.steps.find((s) => s.id === "mapped")!;
    expect(mapped.detail).toBe("Missing on the map: edge cases (mark test cases as edge cases).");
    expect(mapped.href).toBe(`/workflows/${fx.workflowId}?tab=map`);
    expect(overview.steps.find((s) => s.id === "backtest")).toMatchObject({
      href: `/backtests/${fx.workflowId}`,
      detail: expect.stringMatching(/^Record the validation criteria/),
    });
    expect(overview.steps.find((s) => s.id === "monitoring")!.detail).toBe(
      "Recorded from the signed-off backtest when a version enters shadow.",
    );
    expect(overview.nextAction).toMatchObject({ label: "Complete the map", href: mapped.href });

    // Marking a spec case as an edge case completes the map; the next gap is the criteria.
    await db
      .update(workflowTestCases)
      .set({ edgeCase: true })
      .where(eq(workflowTestCases.workflowId, fx.workflowId));
    const after = await lifecycleOverview(db, fx.workflowId);
    expect(after.steps.find((s) => s.id === "mapped")!.state).toBe("done");
    expect(after.nextAction.label).toBe("Agree the criteria");
  });

  it("refuses an act the stage does not allow, naming the stage and the legal next steps", async () => {
    const refused = await refusal(cutOver(db, owner(), { workflowId: fx.workflowId }));
    expect(refused).toEqual({
      code: "BAD_REQUEST",
      message:
        "The workflow is in draft, so it cannot cut over to live (needs the shadow period and shadow agreement). From draft it can: be marked validated (needs a signed-off passing backtest).",
    });
    expect((await refusal(resumeLive(db, owner(), { workflowId: fx.workflowId })))?.code).toBe("BAD_REQUEST");
  });

  it("validates only once the published version's passing backtest is signed off, saying who signs", async () => {
    await saveCriteria(db, fx.ownerId, {
      workflowId: fx.workflowId,
      approverId: fx.adminId,
      minAutoAccuracy: 0.85,
      maxEscalationRate: 0.35,
      minLabelRecall: null,
    });
    const run = await backtest(fx.published.id);
    expect(run.passed).toBe(true);
    expect(await refusal(markValidated(db, owner(), { workflowId: fx.workflowId }))).toEqual({
      code: "PRECONDITION_FAILED",
      message:
        "Backtest #1 of version 1 passed but is not signed off yet: Ada Admin signs it off on the Backtests page.",
    });
    await signOffBacktest(db, fx.adminId, { runId: run.runId });
    expect((await lifecycleOverview(db, fx.workflowId)).nextAction).toMatchObject({ act: "validate" });

    expect(await markValidated(db, owner(), { workflowId: fx.workflowId })).toMatchObject({
      stage: "validated",
    });
    const [event] = await stageHistory(db, fx.workflowId);
    expect(event).toMatchObject({
      kind: "transition",
      fromStage: "draft",
      toStage: "validated",
      version: 1,
      actorName: "Oscar Owner",
    });
  });

  it("starts shadow only for a version whose own backtest is signed off", async () => {
    expect(
      await refusal(startShadow(db, owner(), { workflowId: fx.workflowId, versionId: fx.draft.id })),
    ).toEqual({
      code: "PRECONDITION_FAILED",
      message:
        "Version 2 has no signed-off passing backtest: run one on the Backtests page and have the named approver sign it off.",
    });
    await startShadow(db, owner(), { workflowId: fx.workflowId });
    const row = await workflowRow();
    expect(row).toMatchObject({ stage: "shadow", shadowVersionId: fx.published.id, liveVersionId: null });
    expect(row.shadowStartedAt).toBeInstanceOf(Date);
    expect((await lifecycleOverview(db, fx.workflowId)).nextAction.label).toBe("Review the shadow report");
  });

  it("refuses to cut over before the shadow period, and only an admin may shorten it, with a reason", async () => {
    expect(await refusal(cutOver(db, owner(), { workflowId: fx.workflowId }))).toEqual({
      code: "PRECONDITION_FAILED",
      message: expect.stringMatching(
        /^The shadow run has lasted 0\.0 of its 7 days: cut over after \d{4}-\d\d-\d\d \d\d:\d\d UTC, or an admin can cut over earlier with a reason\.$/,
      ),
    });
    expect(
      await refusal(
        cutOver(db, owner(), { workflowId: fx.workflowId, shortenReason: "The team is confident" }),
      ),
    ).toEqual({
      code: "FORBIDDEN",
      message: "Only an admin can cut over before the 7-day shadow period is over.",
    });
    // The admin may shorten the period, but agreement is still measured: nothing is labelled yet.
    expect(
      await refusal(
        cutOver(db, admin(), { workflowId: fx.workflowId, shortenReason: "Seasonal peak next week" }),
      ),
    ).toEqual({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining(
        "Shadow agreement does not meet the criteria yet: Labelled shadow items 0 (needs ≥ 50)",
      ),
    });
  });

  it("compares shadow outcomes with the reported ones: agreement, escalations, disagreements, readiness", async () => {
    const arrived = tickets(4);
    await arrive(arrived, fx.published.id, "shadow");
    // One the human process decided differently: a billing ticket that went to shipping.
    const odd = {
      ...arrived[0]!.item,
      ticket_id: "ODD-1",
      subject: "Refund",
      body: "Please refund my invoice, I was charged twice.",
    };
    await storeRun(db, {
      workflowId: fx.workflowId,
      versionId: fx.published.id,
      mode: "shadow",
      payload: odd,
      label: { type: "route", label: "shipping-team", team: "shipping-team" },
    });
    const labelled = arrived.filter((t) => reportedLabel(t)).length + 1;

    const report = await shadowReport(db, fx.workflowId);
    if (!report.running) throw new Error("expected a shadow run");
    const { agreement, escalations, readiness, disagreements } = report;
    expect(agreement.labelled).toBe(labelled);
    expect(agreement.decided + agreement.escalated + agreement.errors + agreement.deferred).toBe(labelled);
    expect(agreement.agreed + agreement.disagreed).toBe(agreement.decided);
    expect(agreement.rate).toBeCloseTo(agreement.agreed / agreement.decided, 10);
    expect(agreement.byLabel.reduce((n, l) => n + l.items, 0)).toBe(labelled);
    expect(agreement.byLabel.reduce((n, l) => n + l.agreed, 0)).toBe(agreement.agreed);
    expect(escalations.processed).toBe(arrived.length + 1);
    expect(Object.values(escalations.byReason).reduce((a, b) => a + b, 0)).toBe(escalations.total);
    expect(disagreements.total).toBe(agreement.disagreed);

    const listed = disagreements.rows.find((d) => d.externalId === "ODD-1")!;
    expect(listed).toMatchObject({
      text: "Please refund my invoice, I was charged twice.",
      expected: "route → shipping-team",
      got: "route → billing-team",
      labelSource: "reported",
      testCase: {
        expected: { terminalType: "route", team: "shipping-team" },
        edgeCase: true,
        item: odd,
      },
    });
    expect(listed.steps.map((s) => s.nodeId)).toContain("classify");

    expect(readiness.criteria.map((c) => [c.key, c.met])).toEqual([
      ["sample", true],
      ["minAutoAccuracy", true],
      ["maxEscalationRate", true],
      ["period", false],
    ]);
    expect(readiness).toMatchObject({ agreementMet: true, ready: false, criteriaVersion: 1 });
    expect(report.comparison).toBeNull();

    // One click makes a test case of a disagreement.
    const created = await caller({
      db,
      user: { id: fx.ownerId, role: "owner", name: "Oscar", email: "o@test" },
    }).workflows.addTestCase({ workflowId: fx.workflowId, testCase: listed.testCase });
    const [testCase] = await db.select().from(workflowTestCases).where(eq(workflowTestCases.id, created.id));
    expect(testCase).toMatchObject({
      edgeCase: true,
      expected: { terminalType: "route", team: "shipping-team" },
    });
  });

  it("cuts over at a canary percentage once the period is over, keeping the audit", async () => {
    const now = later(8);
    const overview = await lifecycleOverview(db, fx.workflowId, { now });
    expect(overview.steps.find((s) => s.id === "shadow")!.state).toBe("done");
    expect(overview.nextAction).toMatchObject({ act: "cutOver" });

    await cutOver(
      db,
      owner(),
      { workflowId: fx.workflowId, canaryPercent: 10, reason: "Agreed with the leads" },
      { now },
    );
    expect(await workflowRow()).toMatchObject({
      stage: "live",
      liveVersionId: fx.published.id,
      previousLiveVersionId: null,
      shadowVersionId: null,
      shadowStartedAt: null,
      canaryPercent: 10,
    });
    const [event] = await stageHistory(db, fx.workflowId);
    expect(event).toMatchObject({
      kind: "transition",
      fromStage: "shadow",
      toStage: "live",
      canaryPercent: 10,
      reason: "Version 1 live at 10%. Agreed with the leads",
    });
    expect((await lifecycleOverview(db, fx.workflowId)).nextAction).toMatchObject({
      act: "setCanary",
      percent: 50,
    });
  });

  it("records canary steps", async () => {
    await setCanaryPercent(db, owner(), { workflowId: fx.workflowId, percent: 50 });
    expect((await workflowRow()).canaryPercent).toBe(50);
    expect((await stageHistory(db, fx.workflowId))[0]).toMatchObject({
      kind: "canary",
      canaryPercent: 50,
      reason: "Canary 10% → 50%",
    });
    expect(await refusal(setCanaryPercent(db, owner(), { workflowId: fx.workflowId, percent: 50 }))).toEqual({
      code: "BAD_REQUEST",
      message: "The live version already acts on 50% of items.",
    });
  });

  it("leaves a healthy canary alone, and does nothing for a workflow that is not live", async () => {
    await arrive(tickets(1), fx.published.id, "live");
    expect(await evaluateCanaryGuard(db, fx.workflowId, { minIntervalMs: 0, minSample: 10 })).toEqual({
      rolledBack: false,
    });
    expect((await workflowRow()).canaryPercent).toBe(50);
  });

  it("rolls back on its own when live accuracy leaves the criteria: first the canary step, then to shadow", async () => {
    await arrive(tickets(1), fx.published.id, "live", "wrong");
    // Two workers judge the same window at once: one rolls back, the other finds the act already done.
    const both = await Promise.all([
      evaluateCanaryGuard(db, fx.workflowId, { minIntervalMs: 0, minSample: 10 }),
      evaluateCanaryGuard(db, fx.workflowId, { minIntervalMs: 0, minSample: 10 }),
    ]);
    expect(both.filter((r) => r.rolledBack)).toHaveLength(1);
    const guarded = both.find((r) => r.rolledBack)!;
    expect(guarded.reason).toMatch(
      /^Version 1 at 50%: accuracy \d+\.\d% over \d+ labelled live items is below the minimum of 85\.0%\. Rolled canary back to 10%\.$/,
    );
    expect(await workflowRow()).toMatchObject({ stage: "live", canaryPercent: 10 });
    const autoRollbacks = await db
      .select()
      .from(workflowStageEvents)
      .where(
        and(eq(workflowStageEvents.workflowId, fx.workflowId), eq(workflowStageEvents.kind, "auto_rollback")),
      );
    expect(autoRollbacks).toHaveLength(1);
    expect(autoRollbacks[0]).toMatchObject({
      actorId: null,
      fromStage: "live",
      toStage: "live",
      canaryPercent: 10,
      reason: guarded.reason,
    });
    const overview = await lifecycleOverview(db, fx.workflowId);
    expect(overview.autoRollback).toMatchObject({ reason: guarded.reason });
    expect((await stageHistory(db, fx.workflowId))[0]!.actorName).toBe("Canary guard");

    // The window starts again at the guard's act: nothing new has run since.
    expect(await evaluateCanaryGuard(db, fx.workflowId, { minIntervalMs: 0, minSample: 10 })).toEqual({
      rolledBack: false,
    });
    // Still wrong at 10%: no version was live before, so back to shadow.
    await arrive(tickets(1), fx.published.id, "live", "wrong");
    const again = await evaluateCanaryGuard(db, fx.workflowId, { minIntervalMs: 0, minSample: 10 });
    expect(again.reason).toMatch(/Rolled back to shadow \(no version was live before\)\.$/);
    expect(await workflowRow()).toMatchObject({
      stage: "shadow",
      liveVersionId: null,
      shadowVersionId: fx.published.id,
    });
  });

  it("is throttled per workflow, so workers may call it after every batch", async () => {
    const first = await evaluateCanaryGuard(db, fx.workflowId, { minIntervalMs: 60_000 });
    const second = await evaluateCanaryGuard(db, fx.workflowId, { minIntervalMs: 60_000 });
    expect([first, second]).toEqual([{ rolledBack: false }, { rolledBack: false }]);
  });

  describe("with a version live and a newer one in shadow", () => {
    beforeAll(async () => {
      // Back to live on version 1 after a fresh shadow period.
      await arrive(tickets(3), fx.published.id, "shadow");
      await cutOver(db, owner(), { workflowId: fx.workflowId }, { now: later(8) });
    });

    it("shadows the newer version beside the live one and compares them on the same items, per node", async () => {
      const run = await backtest(fx.draft.id);
      expect(run.passed).toBe(true);
      await signOffBacktest(db, fx.adminId, { runId: run.runId });
      await startShadow(db, owner(), { workflowId: fx.workflowId, versionId: fx.draft.id });
      expect(await workflowRow()).toMatchObject({
        stage: "live",
        liveVersionId: fx.published.id,
        shadowVersionId: fx.draft.id,
      });

      const arrived = tickets(3);
      await arrive(arrived, fx.published.id, "live", "none");
      await arrive(arrived, fx.draft.id, "shadow");
      const report = await shadowReport(db, fx.workflowId);
      if (!report.running) throw new Error("expected a shadow run");
      expect(report.liveVersion?.version).toBe(1);
      expect(report.shadowVersion.version).toBe(2);
      expect(report.comparison!.items).toBe(arrived.length);
      for (const node of report.comparison!.nodes) {
        expect(node.differing + node.onlyLive + node.onlyShadow).toBeGreaterThan(0);
      }
    });

    it("cuts over to the newer version and rolls back to the previous one in one action", async () => {
      await cutOver(db, owner(), { workflowId: fx.workflowId, canaryPercent: 50 }, { now: later(8) });
      expect(await workflowRow()).toMatchObject({
        stage: "live",
        liveVersionId: fx.draft.id,
        previousLiveVersionId: fx.published.id,
        canaryPercent: 50,
      });
      expect(await refusal(pauseLive(db, owner(), { workflowId: fx.workflowId, reason: " " }))).toEqual({
        code: "BAD_REQUEST",
        message: "Say why you pause the live workflow: the reason is kept in the audit.",
      });
      await pauseLive(db, owner(), { workflowId: fx.workflowId, reason: "CRM migration tonight" });
      expect((await workflowRow()).stage).toBe("paused");
      expect((await lifecycleOverview(db, fx.workflowId)).nextAction).toMatchObject({ act: "resume" });
      await resumeLive(db, owner(), { workflowId: fx.workflowId });

      await rollBack(db, owner(), { workflowId: fx.workflowId, reason: "Billing complaints" });
      expect(await workflowRow()).toMatchObject({
        stage: "live",
        liveVersionId: fx.published.id,
        previousLiveVersionId: null,
        shadowVersionId: fx.draft.id,
        canaryPercent: 100,
      });
      const history = await stageHistory(db, fx.workflowId);
      expect(history.slice(0, 4).map((e) => [e.kind, e.fromStage, e.toStage])).toEqual([
        ["rollback", "live", "live"],
        ["transition", "paused", "live"],
        ["transition", "live", "paused"],
        ["transition", "live", "live"],
      ]);
      expect(history[0]!.reason).toBe("Version 2 → version 1. Billing complaints");
    });
  });
});
