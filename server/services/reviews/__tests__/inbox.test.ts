import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/lib/roles";
import type { Database } from "../../../db/client";
import { reviewEvents } from "../../../db/schema";
import { appRouter } from "../../../root";
import { openTestDatabase } from "../../../testing/test-database";
import { createCallerFactory } from "../../../trpc";
import { decideTask } from "../decide-task";
import { listInbox, WITH_SUGGESTION } from "../list-tasks";
import { sweepOverdueTasks } from "../sla-sweep";
import { similarCases } from "../similar-cases";
import { buildReviewWorld, escalate, LEANS_BILLING, ticket, UNCLEAR, type ReviewWorld } from "./support";

let database: Database;
let world: ReviewWorld;
const caller = createCallerFactory(appRouter);
const as = (id: string, role: Role) =>
  caller({ db: database.db, user: { id, role, name: id, email: `${id}@test` } });
const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 10, 20, 12, 0, 0);

let compliance: { taskId: string };
let overdue: { taskId: string };
let fresh: { taskId: string };

beforeAll(async () => {
  database = await openTestDatabase();
  world = await buildReviewWorld(database.db);
  compliance = await escalate(
    database.db,
    world,
    ticket("Legal", "My lawyer will contact you about this invoice."),
    NOW - 10 * 60_000,
  );
  overdue = await escalate(database.db, world, ticket(...UNCLEAR), NOW - 2 * HOUR);
  fresh = await escalate(database.db, world, ticket(...LEANS_BILLING), NOW - 5 * 60_000);
  // What a worker's SLA sweeper does on its timer (listing the inbox changes nothing).
  expect(await sweepOverdueTasks(database.db, new Date(NOW))).toBe(1);
});
afterAll(() => database.close());

describe("the inbox", () => {
  it("lists a reviewer's queues' open tasks, soonest due first, with counts per reason", async () => {
    const rob = await listInbox(
      database.db,
      { id: world.secondReviewerId, role: "reviewer" },
      {},
      new Date(NOW),
    );
    expect(rob.tasks.map((t) => t.id)).toEqual([overdue.taskId, fresh.taskId]);
    expect(rob.counts).toEqual({ confidence: 2 });
    const rita = await listInbox(database.db, { id: world.reviewerId, role: "reviewer" }, {}, new Date(NOW));
    // Compliance SLA is 30 min: created 10 min ago, due in 20; triage's overdue task was due an hour ago.
    expect(rita.tasks.map((t) => t.id)).toEqual([overdue.taskId, compliance.taskId, fresh.taskId]);
    expect(rita.counts).toEqual({ confidence: 2, rule: 1 });
    expect(rita.labels).toEqual(["billing-team"]);
  });

  it("filters by reason type, by suggested label and by workflow", async () => {
    const viewer = { id: world.reviewerId, role: "reviewer" as const };
    const byRule = await listInbox(database.db, viewer, { reasonType: "rule" }, new Date(NOW));
    expect(byRule.tasks.map((t) => t.id)).toEqual([compliance.taskId]);
    expect(byRule.counts).toEqual({ confidence: 2, rule: 1 });
    const suggested = await listInbox(database.db, viewer, { label: WITH_SUGGESTION }, new Date(NOW));
    expect(suggested.tasks.map((t) => t.id).sort()).toEqual([compliance.taskId, fresh.taskId].sort());
    expect(
      (
        await listInbox(
          database.db,
          viewer,
          { label: "billing-team", reasonType: "confidence" },
          new Date(NOW),
        )
      ).tasks.map((t) => t.id),
    ).toEqual([fresh.taskId]);
    expect(
      (await listInbox(database.db, viewer, { workflowId: "no-such-workflow" }, new Date(NOW))).tasks,
    ).toEqual([]);
  });

  it("flags an overdue task once and re-escalates it to the queue's escalation contact", async () => {
    const later = new Date(NOW + 1000);
    expect(await sweepOverdueTasks(database.db, later)).toBe(0);
    const list = await listInbox(database.db, { id: world.adminId, role: "admin" }, {}, later);
    const task = list.tasks.find((t) => t.id === overdue.taskId)!;
    expect(task.slaBreachedAt).toEqual(new Date(NOW));
    expect(task.escalatedTo).toBe("Ada");
    expect(list.tasks.find((t) => t.id === fresh.taskId)!.slaBreachedAt).toBeNull();
    const breaches = await database.db
      .select()
      .from(reviewEvents)
      .where(and(eq(reviewEvents.taskId, overdue.taskId), eq(reviewEvents.action, "sla_breach")));
    expect(breaches).toHaveLength(1);
    expect(breaches[0]).toMatchObject({ actorId: null, change: { escalatedToId: world.adminId } });
  });

  it("a reviewer sees only their queues' tasks; admins and owners see every queue", async () => {
    expect((await as(world.outsiderId, "reviewer").reviews.list()).tasks).toEqual([]);
    const robsIds = (await as(world.secondReviewerId, "reviewer").reviews.list()).tasks.map((t) => t.id);
    expect(robsIds).not.toContain(compliance.taskId);
    for (const attempt of [
      () => as(world.secondReviewerId, "reviewer").reviews.get({ taskId: compliance.taskId }),
      () =>
        as(world.secondReviewerId, "reviewer").reviews.decide({
          taskId: compliance.taskId,
          expectedVersion: 1,
          action: "send_back",
        }),
      () => as(world.outsiderId, "reviewer").reviews.claim({ taskId: fresh.taskId }),
    ]) {
      const error = await attempt().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe("NOT_FOUND");
    }
    const adminIds = (await as(world.adminId, "admin").reviews.list()).tasks.map((t) => t.id);
    expect(adminIds).toEqual(expect.arrayContaining([compliance.taskId, overdue.taskId, fresh.taskId]));
    expect((await as(world.ownerId, "owner").reviews.get({ taskId: compliance.taskId })).queue.name).toBe(
      "compliance",
    );
  });

  it("only admins manage queues", async () => {
    const error = await as(world.reviewerId, "reviewer")
      .reviews.saveQueue({ name: "x", team: "y", slaMinutes: 60 })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect((error as TRPCError).code).toBe("FORBIDDEN");
    await as(world.adminId, "admin").reviews.saveQueue({
      name: "billing-escalations",
      team: "billing",
      slaMinutes: 120,
    });
    const queues = await as(world.adminId, "admin").reviews.queues();
    expect(queues.map((q) => [q.name, q.openTasks])).toEqual([
      ["billing-escalations", 0],
      ["compliance", 1],
      ["triage", 2],
    ]);
    expect(queues.find((q) => q.name === "triage")?.members.map((m) => m.name)).toEqual(["Rita", "Rob"]);
  });

  it("shows the most similar already-decided items of the workflow with what was decided", async () => {
    const rita = { id: world.reviewerId, role: "reviewer" as const };
    const decided = await escalate(
      database.db,
      world,
      ticket("Refund blocked", "My refund payment was blocked again with an error."),
      NOW,
    );
    await decideTask(database.db, rita, {
      taskId: decided.taskId,
      expectedVersion: 1,
      action: "override",
      optionKey: "route:tech-support",
    });
    const unrelated = await escalate(
      database.db,
      world,
      ticket("Colleague", "I want to invite a colleague to our workspace but cannot find where."),
      NOW,
    );
    await decideTask(database.db, rita, {
      taskId: unrelated.taskId,
      expectedVersion: 1,
      action: "override",
      optionKey: "route:logistics",
    });

    const similar = await similarCases(database.db, rita, fresh.taskId);
    expect(similar[0]).toMatchObject({
      itemId: decided.itemId,
      title: "Refund blocked",
      label: { label: "tech-support" },
      labeledBy: "Rita",
      labelSource: "reviewer_override",
    });
    expect(similar[0]!.score).toBeGreaterThan(0.5);
    expect(similar.map((s) => s.itemId)).not.toContain(unrelated.itemId);
  });
});
