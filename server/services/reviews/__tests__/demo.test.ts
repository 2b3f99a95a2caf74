import { eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../db/client";
import { items, reviewTasks } from "../../../db/schema";
import { seedDemoWorkspace } from "../../../db/seed/demo-workspace";
import { createUserWithPassword } from "../../../db/seed/users";
import { openTestDatabase } from "../../../testing/test-database";
import { HOSTILE_TICKET, seedDemoInbox } from "../demo";
import { myDecisions } from "../history";
import { listInbox } from "../list-tasks";
import { sweepOverdueTasks } from "../sla-sweep";
import { similarCases } from "../similar-cases";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

describe("the demo inbox", () => {
  it("seeds open tasks (some overdue, one hostile), decided history and similar cases, quickly", async () => {
    const db = database.db;
    const ownerId = await createUserWithPassword(db, {
      email: "o@test",
      name: "Oscar",
      role: "owner",
      password: "password123",
    });
    const adminId = await createUserWithPassword(db, {
      email: "a@test",
      name: "Ada",
      role: "admin",
      password: "password123",
    });
    const reviewerId = await createUserWithPassword(db, {
      email: "r@test",
      name: "Rita",
      role: "reviewer",
      password: "password123",
    });
    const { workflowId } = await seedDemoWorkspace(db, { ownerId });

    const started = performance.now();
    const seeded = await seedDemoInbox(db, { workflowId, reviewerId, adminId });
    const elapsed = performance.now() - started;
    console.log(`seedDemoInbox: ${Math.round(elapsed)} ms, ${JSON.stringify(seeded)}`);
    // The budget is for PGlite on a quiet machine; the Postgres server pays a network round trip per query.
    expect(elapsed).toBeLessThan(process.env.DATABASE_URL ? 20_000 : 8_000);
    expect(seeded.decided).toBe(30);
    expect(seeded.open).toBeGreaterThanOrEqual(25);

    await sweepOverdueTasks(db);
    const inbox = await listInbox(db, { id: reviewerId, role: "reviewer" });
    expect(inbox.tasks.length).toBe(seeded.open);
    expect(inbox.tasks.filter((t) => t.slaBreachedAt !== null).length).toBeGreaterThan(3);
    expect(inbox.tasks.filter((t) => t.slaBreachedAt === null).length).toBeGreaterThan(3);
    expect(inbox.tasks.filter((t) => t.suggested !== null).length).toBeGreaterThanOrEqual(12);
    expect(inbox.tasks.find((t) => t.externalId === HOSTILE_TICKET.ticket_id)).toBeDefined();
    expect(Object.keys(inbox.counts).sort()).toEqual(expect.arrayContaining(["confidence"]));

    const history = await myDecisions(db, { id: reviewerId });
    expect(history).toHaveLength(30);
    const actions = history.map((h) => h.action);
    expect(actions.filter((a) => a === "approve").length).toBeGreaterThan(5);
    expect(actions.filter((a) => a === "override").length).toBeGreaterThan(5);
    const labelled = await db.select({ id: items.id }).from(items).where(isNotNull(items.label));
    expect(labelled).toHaveLength(history.filter((h) => h.action !== "send_back").length);

    const withSimilar = await Promise.all(
      inbox.tasks.slice(0, 10).map((t) => similarCases(db, { id: reviewerId, role: "reviewer" }, t.id)),
    );
    expect(withSimilar.filter((list) => list.length > 0).length).toBeGreaterThan(5);
    const [hostile] = await db
      .select()
      .from(reviewTasks)
      .innerJoin(items, eq(items.id, reviewTasks.itemId))
      .where(eq(items.externalId, HOSTILE_TICKET.ticket_id));
    expect(hostile?.items.payload.body).toContain("<script>alert(1)</script>");
  });
});
