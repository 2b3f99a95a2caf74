import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "../../../db/client";
import { reviewTasks } from "../../../db/schema";
import { openTestDatabase } from "../../../testing/test-database";
import { listInbox } from "../list-tasks";
import { startSlaSweeper } from "../sla-sweeper";
import { buildReviewWorld, escalate, ticket, UNCLEAR } from "./support";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const breachedAt = async (taskId: string) =>
  (
    await database.db
      .select({ at: reviewTasks.slaBreachedAt })
      .from(reviewTasks)
      .where(eq(reviewTasks.id, taskId))
  )[0]!.at;

it("reading the inbox changes nothing; the worker's sweeper flags the overdue task on its own", async () => {
  const world = await buildReviewWorld(database.db);
  const { taskId } = await escalate(database.db, world, ticket(...UNCLEAR), Date.now() - 3 * 3_600_000);
  await listInbox(database.db, { id: world.adminId, role: "admin" });
  expect(await breachedAt(taskId)).toBeNull();

  const sweeper = startSlaSweeper(database.db, { intervalMs: 50 });
  try {
    await expect.poll(() => breachedAt(taskId), { timeout: 10_000 }).not.toBeNull();
  } finally {
    sweeper.stop();
  }
});
