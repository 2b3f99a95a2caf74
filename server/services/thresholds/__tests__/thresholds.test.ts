import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { generateTickets } from "@/lib/demo/history/generate-tickets";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/lib/roles";
import type { Database } from "../../../db/client";
import { workflowVersions } from "../../../db/schema";
import { appRouter } from "../../../root";
import { openTestDatabase } from "../../../testing/test-database";
import { createCallerFactory } from "../../../trpc";
import {
  buildReviewWorld,
  fixedClock,
  LEANS_BILLING,
  offlineConnectors,
  ticket,
  type ReviewWorld,
} from "../../reviews/__tests__/support";
import { saveCriteria } from "../../backtests/criteria";
import { DEMO_MAPPING, DEMO_READS_FIXTURE, ticketsCsv } from "../../backtests/demo-history";
import { executeBacktest } from "../../backtests/run-backtest";
import { startBacktest } from "../../backtests/start-backtest";
import { importDataset } from "../../datasets/import-dataset";
import { processItem } from "../../runs/process-item";
import { setThreshold } from "../set-threshold";
import { thresholdsInForce } from "../thresholds-in-force";
import { workflowThresholds } from "../workflow-thresholds";

let database: Database;
let world: ReviewWorld;
const caller = createCallerFactory(appRouter);
const as = (id: string, role: Role) =>
  caller({ db: database.db, user: { id, role, name: id, email: `${id}@test` } });

beforeAll(async () => {
  database = await openTestDatabase();
  world = await buildReviewWorld(database.db);
});
afterAll(() => database.close());

const process = (payload: Record<string, unknown>) =>
  processItem(
    database.db,
    { workflowId: world.workflowId, payload },
    { connectors: offlineConnectors, clock: fixedClock(Date.now()) },
  );

async function codeOf(promise: Promise<unknown>): Promise<string | null> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  return error instanceof TRPCError ? error.code : error ? "NOT_A_TRPC_ERROR" : null;
}

describe("thresholds in force", () => {
  it("lists every thresholded node of the published version with the graph's value", async () => {
    const page = await workflowThresholds(database.db, world.workflowId);
    expect(page.published?.version).toBe(1);
    expect(page.nodes.map((n) => [n.nodeId, n.type, n.graphValue, n.valueInForce, n.override])).toEqual([
      ["urgency", "assess", 0.7, 0.7, null],
      ["known_fix", "match", 0.35, 0.35, null],
      ["classify", "classify", 0.7, 0.7, null],
    ]);
    expect(page.nodes.every((n) => n.whatIf === null)).toBe(true);
  });

  it("an admin's override takes effect on the next item, without a new version, and is audited", async () => {
    // billing at 0.63 < 0.70: a person decides.
    expect((await process(ticket(...LEANS_BILLING))).outcome).toMatchObject({
      type: "escalate",
      reasonType: "confidence",
    });

    await as(world.adminId, "admin").thresholds.set({
      workflowId: world.workflowId,
      nodeId: "classify",
      value: 0.6,
      reason: "Too many billing escalations",
      expectedValue: null,
    });
    expect(
      (await as(world.adminId, "admin").thresholds.workflows()).find((w) => w.id === world.workflowId),
    ).toMatchObject({ thresholdCount: 3, overrides: 1 });
    const next = await process(ticket(...LEANS_BILLING));
    expect(next.outcome).toMatchObject({ type: "route", team: "billing-team" });
    expect(next.taskId).toBeUndefined();

    const inForce = await thresholdsInForce(database.db, world.workflowId);
    expect(inForce).toEqual({
      classify: {
        value: 0.6,
        setBy: "Ada",
        setById: world.adminId,
        setAt: expect.any(Date),
        reason: "Too many billing escalations",
      },
    });
    const page = await workflowThresholds(database.db, world.workflowId);
    expect(page.nodes.find((n) => n.nodeId === "classify")).toMatchObject({
      graphValue: 0.7,
      valueInForce: 0.6,
      override: { setBy: "Ada" },
    });
    expect(page.history).toEqual([
      expect.objectContaining({
        nodeId: "classify",
        graphValue: 0.7,
        oldValue: null,
        newValue: 0.6,
        reason: "Too many billing escalations",
        changedBy: "Ada",
      }),
    ]);
  });

  it("refuses a change based on a value that another admin changed meanwhile, and resets to the graph's value", async () => {
    const stale = setThreshold(database.db, world.adminId, {
      workflowId: world.workflowId,
      nodeId: "classify",
      value: 0.5,
      reason: "stale page",
      expectedValue: null,
    });
    const error = await stale.then(
      () => null,
      (e: unknown) => e as TRPCError,
    );
    expect(error?.code).toBe("CONFLICT");
    expect(error?.message).toBe(
      "Ada set it to 0.60 after you loaded this page; look at the value in force again.",
    );

    await setThreshold(database.db, world.adminId, {
      workflowId: world.workflowId,
      nodeId: "classify",
      value: null,
      reason: "Back to the graph",
      expectedValue: 0.6,
    });
    expect(await thresholdsInForce(database.db, world.workflowId)).toEqual({});
    expect((await process(ticket(...LEANS_BILLING))).outcome).toMatchObject({ type: "escalate" });
    const history = (await workflowThresholds(database.db, world.workflowId)).history;
    expect(history.map((h) => [h.oldValue, h.newValue, h.reason])).toEqual([
      [0.6, null, "Back to the graph"],
      [null, 0.6, "Too many billing escalations"],
    ]);
  });

  it("refuses nodes without a threshold, values outside 0..1 and changes without a reason", async () => {
    const admin = as(world.adminId, "admin");
    expect(
      await codeOf(
        admin.thresholds.set({
          workflowId: world.workflowId,
          nodeId: "screen",
          value: 0.5,
          reason: "no threshold here",
          expectedValue: null,
        }),
      ),
    ).toBe("BAD_REQUEST");
    expect(
      await codeOf(
        admin.thresholds.set({
          workflowId: world.workflowId,
          nodeId: "classify",
          value: 1.5,
          reason: "too high",
          expectedValue: null,
        }),
      ),
    ).toBe("BAD_REQUEST");
    expect(
      await codeOf(
        admin.thresholds.set({
          workflowId: world.workflowId,
          nodeId: "classify",
          value: 0.5,
          reason: "  ",
          expectedValue: null,
        }),
      ),
    ).toBe("BAD_REQUEST");
  });

  it("only admins change thresholds; owners may read the values in force", async () => {
    const input = {
      workflowId: world.workflowId,
      nodeId: "classify",
      value: 0.5,
      reason: "I am not allowed",
      expectedValue: null,
    };
    expect(await codeOf(as(world.ownerId, "owner").thresholds.set(input))).toBe("FORBIDDEN");
    expect(await codeOf(as(world.reviewerId, "reviewer").thresholds.set(input))).toBe("FORBIDDEN");
    expect(
      await codeOf(as(world.reviewerId, "reviewer").thresholds.get({ workflowId: world.workflowId })),
    ).toBe("FORBIDDEN");
    expect(await as(world.ownerId, "owner").thresholds.inForce({ workflowId: world.workflowId })).toEqual({});
    expect(await thresholdsInForce(database.db, world.workflowId)).toEqual({});
  });

  it("shows the what-if curve of the latest finished backtest beside each threshold", async () => {
    const db = database.db;
    const [published] = await db
      .select()
      .from(workflowVersions)
      .where(and(eq(workflowVersions.workflowId, world.workflowId), eq(workflowVersions.published, true)));
    const tickets = generateTickets({ startMs: Date.UTC(2025, 0, 1), days: 10, seed: 5, weekdayMean: 20 });
    const { datasetId } = await importDataset(db, {
      name: "what-if history",
      mapping: DEMO_MAPPING,
      source: ticketsCsv(tickets),
    });
    await saveCriteria(db, world.ownerId, {
      workflowId: world.workflowId,
      approverId: world.ownerId,
      minAutoAccuracy: 0.8,
      maxEscalationRate: 0.3,
      minLabelRecall: null,
    });
    const { runId } = await startBacktest(
      db,
      world.ownerId,
      {
        workflowId: world.workflowId,
        versionId: published!.id,
        datasetId,
        from: new Date(Date.UTC(2025, 0, 1)),
        readsFixture: DEMO_READS_FIXTURE,
      },
      { launch: false },
    );
    expect(await executeBacktest(db, runId, { batchSize: 200 })).toBe("done");

    const classify = (await workflowThresholds(db, world.workflowId)).nodes.find(
      (n) => n.nodeId === "classify",
    )!;
    expect(classify.whatIf).toMatchObject({ backtestId: runId, ranWith: 0.7 });
    const points = classify.whatIf!.points;
    expect(points.length).toBeGreaterThan(10);
    // Raising the threshold can only send more items to a person.
    for (let i = 1; i < points.length; i++)
      expect(points[i]!.escalationRate).toBeGreaterThanOrEqual(points[i - 1]!.escalationRate);
  });
});
