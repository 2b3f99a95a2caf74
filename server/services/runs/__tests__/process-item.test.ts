import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../db/client";
import { items, reviewTasks } from "../../../db/schema";
import { openTestDatabase } from "../../../testing/test-database";
import { getTask } from "../../reviews/get-task";
import {
  buildReviewWorld,
  fixedClock,
  LEANS_BILLING,
  offlineConnectors,
  ticket,
  UNCLEAR,
  type ReviewWorld,
} from "../../reviews/__tests__/support";
import { processItem } from "../process-item";

/*
 * The published demo graph (lib/demo/support-triage.ts):
 *   trigger ─► screen ─matched─► escalate_compliance (queue compliance, reason rule)
 *                │no_match
 *                ▼
 *             urgency ─► known_fix ─matched─► resolve_known
 *                            │no_match
 *                            ▼
 *                         classify ─► route_<category> | low_confidence (unconnected) → queue triage
 */
let database: Database;
let world: ReviewWorld;
const T0 = Date.UTC(2026, 10, 20, 9, 0, 0);

beforeAll(async () => {
  database = await openTestDatabase();
  world = await buildReviewWorld(database.db);
});
afterAll(() => database.close());

const run = (payload: Record<string, unknown>, mode: "live" | "shadow" = "live") =>
  processItem(
    database.db,
    { workflowId: world.workflowId, payload, mode },
    { connectors: offlineConnectors, clock: fixedClock(T0) },
  );

describe("process-item", () => {
  it("stores an item the graph handles by itself, with its outcome and trace", async () => {
    const result = await run(
      ticket("Refund", "Please refund the duplicate payment on my invoice, I was charged twice."),
    );
    expect(result).toMatchObject({
      status: "completed",
      duplicate: false,
      outcome: { type: "route", team: "billing-team" },
    });
    expect(result.taskId).toBeUndefined();
    const [row] = await database.db.select().from(items).where(eq(items.id, result.itemId));
    expect(row).toMatchObject({
      mode: "live",
      status: "completed",
      externalId: result.externalId,
      label: null,
    });
    expect(row!.trace?.steps.map((s) => s.nodeId)).toEqual([
      "trigger",
      "screen",
      "urgency",
      "known_fix",
      "classify",
      "route_billing",
    ]);
    expect(row!.processedAt?.getTime()).toBe(T0);
  });

  it("turns an escalation into one open task in its queue, due after the queue's SLA, with its full context", async () => {
    const result = await run(ticket(...LEANS_BILLING));
    expect(result.status).toBe("awaiting_review");
    expect(result.taskId).toBeDefined();
    const [task] = await database.db.select().from(reviewTasks).where(eq(reviewTasks.id, result.taskId!));
    expect(task).toMatchObject({
      queueId: world.triageId,
      status: "open",
      reasonType: "confidence",
      reason: "Category: billing at 0.63 < threshold 0.70",
      nodeId: "classify",
      title: "Blocked",
      suggested: { type: "route", team: "billing-team" },
      suggestedLabel: "billing-team",
    });
    expect(task!.dueAt.getTime() - task!.createdAt.getTime()).toBe(60 * 60_000);

    // What the reviewer sees: the item, the AI's outputs along the path with thresholds in force.
    const detail = await getTask(database.db, { id: world.reviewerId, role: "reviewer" }, result.taskId!);
    expect(detail.item.text).toBe(LEANS_BILLING[1]);
    expect(detail.item.fields).toContainEqual({ name: "subject", value: "Blocked" });
    const classify = detail.path.find((s) => s.nodeId === "classify")!;
    expect(classify.classification).toMatchObject({
      label: "billing",
      confidence: 0.625,
      scores: { billing: expect.any(Number), technical: expect.any(Number) },
    });
    expect(classify.threshold).toEqual({ value: 0.7, source: "graph" });
    expect(classify.handle).toBe("low_confidence");
    const match = detail.path.find((s) => s.nodeId === "known_fix")!;
    expect(match.match).toMatchObject({
      matched: false,
      title: "Refund status",
      score: expect.closeTo(0.24, 2),
    });
    expect(match.threshold).toEqual({ value: 0.35, source: "graph" });
    expect(detail.options.map((o) => o.key)).toEqual(
      expect.arrayContaining(["route:billing-team", "route:logistics", "resolve:password-reset", "end:end"]),
    );
  });

  it("escalates a connector outage with reason `connector`", async () => {
    const result = await run(
      ticket("Outage", "Production is down for everyone, emergency!", { customer_tier: "enterprise" }),
    );
    const [task] = await database.db.select().from(reviewTasks).where(eq(reviewTasks.id, result.taskId!));
    expect(task).toMatchObject({ reasonType: "connector", nodeId: "crm_lookup", queueId: world.triageId });
    const detail = await getTask(database.db, { id: world.adminId, role: "admin" }, result.taskId!);
    expect(detail.path.find((s) => s.nodeId === "crm_lookup")?.connector).toEqual({
      status: "unavailable",
      message: "offline in tests",
    });
  });

  it("escalates compliance words by rule to the compliance queue, with the rule's evidence", async () => {
    const result = await run(ticket("Legal", "My lawyer will contact you about this invoice."));
    const detail = await getTask(database.db, { id: world.reviewerId, role: "reviewer" }, result.taskId!);
    expect(detail.task).toMatchObject({ reasonType: "rule" });
    expect(detail.queue.name).toBe("compliance");
    expect(detail.path[0]?.rule).toMatchObject({
      matched: true,
      rule: "legal",
      evidence: expect.stringContaining("lawyer"),
    });
  });

  it("receives the same item once: a repeat runs nothing and creates no second task", async () => {
    const payload = ticket(...UNCLEAR);
    const first = await run(payload);
    const second = await run(payload);
    expect(second).toMatchObject({ duplicate: true, itemId: first.itemId, status: "awaiting_review" });
    const tasks = await database.db.select().from(reviewTasks).where(eq(reviewTasks.itemId, first.itemId));
    expect(tasks).toHaveLength(1);
  });

  it("in shadow mode records the escalation and opens no task", async () => {
    const result = await run(ticket(...UNCLEAR), "shadow");
    expect(result).toMatchObject({ status: "completed", outcome: { type: "escalate", queue: "triage" } });
    expect(result.taskId).toBeUndefined();
    expect(
      await database.db.select().from(reviewTasks).where(eq(reviewTasks.itemId, result.itemId)),
    ).toHaveLength(0);
  });

  it("creates a queue it does not know yet, so no escalation is dropped", async () => {
    const { ensureQueue } = await import("../../reviews/queues");
    const queue = await ensureQueue(database.db, "night-shift");
    expect(queue).toMatchObject({ name: "night-shift", slaMinutes: 240 });
    expect((await ensureQueue(database.db, "night-shift")).id).toBe(queue.id);
  });
});
