import { TRPCError } from "@trpc/server";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../db/client";
import { items, reviewEvents, reviewTasks } from "../../../db/schema";
import { openTestDatabase } from "../../../testing/test-database";
import { claimTask, releaseTask } from "../claim-task";
import { bulkApprove, decideTask } from "../decide-task";
import { myDecisions } from "../history";
import { undoDecision } from "../undo-decision";
import { buildReviewWorld, escalate, LEANS_BILLING, ticket, UNCLEAR, type ReviewWorld } from "./support";

let database: Database;
let world: ReviewWorld;
const rita = () => ({ id: world.reviewerId, role: "reviewer" as const });
const rob = () => ({ id: world.secondReviewerId, role: "reviewer" as const });

beforeAll(async () => {
  database = await openTestDatabase();
  world = await buildReviewWorld(database.db);
});
afterAll(() => database.close());

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return { code: error.code, message: error.message };
}

async function taskRow(taskId: string) {
  const [task] = await database.db.select().from(reviewTasks).where(eq(reviewTasks.id, taskId));
  return task!;
}
async function itemRow(itemId: string) {
  const [item] = await database.db.select().from(items).where(eq(items.id, itemId));
  return item!;
}
async function eventsOf(taskId: string) {
  return database.db
    .select()
    .from(reviewEvents)
    .where(eq(reviewEvents.taskId, taskId))
    .orderBy(asc(reviewEvents.at));
}

describe("deciding a review task", () => {
  it("approve: accepts the suggestion, audits what was shown, and labels the item", async () => {
    const { taskId, itemId } = await escalate(database.db, world, ticket(...LEANS_BILLING));
    const receipt = await decideTask(database.db, rita(), { taskId, expectedVersion: 1, action: "approve" });
    expect(receipt).toMatchObject({
      action: "approve",
      version: 2,
      label: { type: "route", label: "billing-team", team: "billing-team" },
    });
    expect(await taskRow(taskId)).toMatchObject({
      status: "decided",
      decidedBy: world.reviewerId,
      decision: { action: "approve", eventId: receipt.eventId },
    });
    expect(await itemRow(itemId)).toMatchObject({
      status: "reviewed",
      label: { type: "route", label: "billing-team" },
      labelSource: "reviewer_approved",
      labeledBy: world.reviewerId,
    });
    const [event] = await eventsOf(taskId);
    expect(event).toMatchObject({
      action: "approve",
      actorId: world.reviewerId,
      taskVersion: 2,
      shown: {
        reasonType: "confidence",
        reason: "Category: billing at 0.63 < threshold 0.70",
        suggested: { team: "billing-team" },
      },
      change: { label: { label: "billing-team" }, previousLabel: null },
    });
    expect(event!.shown?.decisions.map((d) => d.nodeId)).toEqual([
      "screen",
      "urgency",
      "known_fix",
      "classify",
    ]);
  });

  it("override: picks another outcome from the workflow's options, with the comment", async () => {
    const { taskId, itemId } = await escalate(database.db, world, ticket(...LEANS_BILLING));
    await decideTask(database.db, rita(), {
      taskId,
      expectedVersion: 1,
      action: "override",
      optionKey: "route:tech-support",
      comment: "The error is the real problem",
    });
    expect(await itemRow(itemId)).toMatchObject({
      label: { type: "route", label: "tech-support" },
      labelSource: "reviewer_override",
    });
    const [event] = await eventsOf(taskId);
    expect(event).toMatchObject({
      action: "override",
      comment: "The error is the real problem",
      change: { label: { team: "tech-support" } },
    });
  });

  it("override refuses an outcome the workflow does not offer; approve refuses a task with no suggestion", async () => {
    const { taskId } = await escalate(database.db, world, ticket(...UNCLEAR));
    expect(
      await failure(
        decideTask(database.db, rita(), {
          taskId,
          expectedVersion: 1,
          action: "override",
          optionKey: "route:nowhere",
        }),
      ),
    ).toMatchObject({ code: "BAD_REQUEST" });
    expect(
      await failure(decideTask(database.db, rita(), { taskId, expectedVersion: 1, action: "approve" })),
    ).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("no suggested outcome"),
    });
    expect((await taskRow(taskId)).status).toBe("open");
  });

  it("send back: needs more information, audited, and gives the item no label", async () => {
    const { taskId, itemId } = await escalate(database.db, world, ticket(...UNCLEAR));
    await decideTask(database.db, rita(), {
      taskId,
      expectedVersion: 1,
      action: "send_back",
      comment: "Which product is this about?",
    });
    expect(await taskRow(taskId)).toMatchObject({ status: "sent_back" });
    expect(await itemRow(itemId)).toMatchObject({ status: "needs_info", label: null });
    expect((await eventsOf(taskId)).map((e) => [e.action, e.comment])).toEqual([
      ["send_back", "Which product is this about?"],
    ]);
  });

  it("two reviewers deciding at once: exactly one wins, the other is told who decided", async () => {
    const { taskId } = await escalate(database.db, world, ticket(...LEANS_BILLING));
    const results = await Promise.allSettled([
      decideTask(database.db, rita(), { taskId, expectedVersion: 1, action: "approve" }),
      decideTask(database.db, rob(), {
        taskId,
        expectedVersion: 1,
        action: "override",
        optionKey: "route:logistics",
      }),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const winner = (await taskRow(taskId)).decidedBy === world.reviewerId ? "Rita" : "Rob";
    expect(lost[0]!.reason).toBeInstanceOf(TRPCError);
    expect(lost[0]!.reason.code).toBe("CONFLICT");
    expect(lost[0]!.reason.message).toMatch(new RegExp(`^Already decided by ${winner} at \\d\\d:\\d\\d UTC`));
    expect(
      (await eventsOf(taskId)).filter((e) => e.action === "approve" || e.action === "override"),
    ).toHaveLength(1);
  });

  it("two reviewers claiming at once: one holds it, the other cannot claim or decide it", async () => {
    const { taskId } = await escalate(database.db, world, ticket(...LEANS_BILLING));
    const results = await Promise.allSettled([
      claimTask(database.db, rita(), taskId),
      claimTask(database.db, rob(), taskId),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const holder = (await taskRow(taskId)).assigneeId;
    const [holderViewer, holderName, other] =
      holder === world.reviewerId ? [rita(), "Rita", rob()] : [rob(), "Rob", rita()];
    const lost = results.find((r): r is PromiseRejectedResult => r.status === "rejected")!;
    expect(lost.reason.message).toBe(
      `Claimed by ${holderName}: only they can decide it until they release it.`,
    );
    const task = await taskRow(taskId);
    expect(
      await failure(
        decideTask(database.db, other, { taskId, expectedVersion: task.version, action: "approve" }),
      ),
    ).toEqual({
      code: "CONFLICT",
      message: `Claimed by ${holderName}: only they can decide it until they release it.`,
    });
    // Released, it is free again, and a stale version is refused with a clear message.
    const released = await releaseTask(database.db, holderViewer, taskId);
    expect(released.assigneeId).toBeNull();
    expect(
      (
        await failure(
          decideTask(database.db, other, { taskId, expectedVersion: task.version, action: "approve" }),
        )
      ).message,
    ).toContain("changed since you opened it");
    await decideTask(database.db, other, { taskId, expectedVersion: released.version, action: "approve" });
    expect((await eventsOf(taskId)).map((e) => e.action)).toEqual(["claim", "release", "approve"]);
  });

  it("bulk approve approves each suggestion and reports the ones it could not take", async () => {
    const a = await escalate(database.db, world, ticket(...LEANS_BILLING));
    const b = await escalate(database.db, world, ticket(...LEANS_BILLING));
    const c = await escalate(database.db, world, ticket(...UNCLEAR));
    const result = await bulkApprove(
      database.db,
      rita(),
      [a, b, c].map((t) => ({ taskId: t.taskId, expectedVersion: 1 })),
    );
    expect(result.approved.map((r) => r.taskId).sort()).toEqual([a.taskId, b.taskId].sort());
    expect(result.failed).toEqual([
      { taskId: c.taskId, message: expect.stringContaining("no suggested outcome") },
    ]);
  });

  it("undo within 10 seconds reopens the task for its reviewer and removes the label; later it is refused", async () => {
    const { taskId, itemId } = await escalate(database.db, world, ticket(...LEANS_BILLING));
    const decidedAt = new Date();
    const receipt = await decideTask(
      database.db,
      rita(),
      { taskId, expectedVersion: 1, action: "approve" },
      decidedAt,
    );
    expect(await failure(undoDecision(database.db, rob(), { eventId: receipt.eventId }))).toMatchObject({
      code: "BAD_REQUEST",
    });
    const history = await myDecisions(database.db, rita(), {}, new Date(decidedAt.getTime() + 1000));
    expect(history[0]).toMatchObject({
      id: receipt.eventId,
      undone: false,
      undoableUntil: new Date(decidedAt.getTime() + 10_000),
    });

    await undoDecision(
      database.db,
      rita(),
      { eventId: receipt.eventId },
      new Date(decidedAt.getTime() + 5_000),
    );
    expect(await taskRow(taskId)).toMatchObject({
      status: "open",
      assigneeId: world.reviewerId,
      decision: null,
      version: 3,
    });
    expect(await itemRow(itemId)).toMatchObject({
      status: "awaiting_review",
      label: null,
      labelSource: null,
    });
    expect((await eventsOf(taskId)).map((e) => e.action)).toEqual(["approve", "undo"]);
    expect((await myDecisions(database.db, rita()))[0]).toMatchObject({
      id: receipt.eventId,
      undone: true,
      undoableUntil: null,
    });

    const again = await decideTask(
      database.db,
      rita(),
      { taskId, expectedVersion: 3, action: "override", optionKey: "route:accounts" },
      decidedAt,
    );
    expect(
      await failure(
        undoDecision(database.db, rita(), { eventId: again.eventId }, new Date(decidedAt.getTime() + 30_000)),
      ),
    ).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Too late"),
    });
    expect(await itemRow(itemId)).toMatchObject({ label: { label: "accounts" } });
  });
});
