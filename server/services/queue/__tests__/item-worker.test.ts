import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../db/client";
import { items } from "../../../db/schema";
import { openTestDatabase } from "../../../testing/test-database";
import { ingestItems } from "../../ingest/ingest-items";
import {
  buildReviewWorld,
  putInShadow,
  offlineConnectors,
  ticket,
  type ReviewWorld,
} from "../../reviews/__tests__/support";
import { startItemWorker } from "../item-worker";

let database: Database;
let world: ReviewWorld;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await buildReviewWorld(database.db);
  await putInShadow(database.db, world.workflowId);
});
afterAll(() => database.close());

async function until(predicate: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const countWhere = async (status: string) => {
  const [row] = await database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(items)
    .where(eq(items.status, status as never));
  return row!.n;
};

describe("item worker", () => {
  it("runs queued items and commits each outcome once", async () => {
    const batch = Array.from({ length: 40 }, () =>
      ticket("Refund", "Please refund my invoice, charged twice."),
    );
    const result = await ingestItems(database.db, {
      workflowId: world.workflowId,
      items: batch,
      apiKeyId: null,
    });
    expect(result.rejected).toEqual([]);
    expect(result.accepted).toHaveLength(40);
    expect(await countWhere("queued")).toBe(40);

    const worker = await startItemWorker(database, { connectors: offlineConnectors, batchSize: 16 });
    try {
      await until(async () => (await countWhere("queued")) === 0);
    } finally {
      await worker.stop();
    }
    expect(worker.committed).toBe(40);
    const rows = await database.db.select().from(items).where(eq(items.workflowId, world.workflowId));
    expect(rows.every((row) => row.mode === "shadow" && row.outcome?.type === "route")).toBe(true);
  });

  it("refuses bad items field by field and keeps the good ones", async () => {
    const good = ticket("Refund", "Refund please");
    const result = await ingestItems(database.db, {
      workflowId: world.workflowId,
      items: [good, { ...ticket("x", "y"), subject: 42 }, "not an object", good],
      apiKeyId: null,
    });
    expect(result.accepted.map((a) => [a.index, a.duplicate])).toEqual([
      [0, false],
      [3, true],
    ]);
    expect(result.rejected.map((r) => r.index)).toEqual([1, 2]);
    expect(result.rejected[0]!.errors).toEqual([
      { path: "subject", message: expect.stringMatching(/subject/) },
    ]);
  });
});
