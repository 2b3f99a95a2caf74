import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../db/client";
import { items } from "../../../db/schema";
import { createLedgerWorld, ledgerItem } from "../../../testing/ledger-workflow";
import { openTestDatabase } from "../../../testing/test-database";
import { ingestItems } from "../../ingest/ingest-items";
import { runStoredItem } from "../../runs/run-item-row";
import { pendingItemJobs } from "../item-queue";
import { startItemWorker } from "../item-worker";

let database: Database;
let workflowId: string;

beforeAll(async () => {
  process.env.SWITCHBOARD_JOB_RETRY_DELAY_SECONDS = "0";
  database = await openTestDatabase();
  ({ workflowId } = await createLedgerWorld(database.db, {
    ledgerUrl: "http://127.0.0.1:9",
  }));
});
afterAll(async () => {
  delete process.env.SWITCHBOARD_JOB_RETRY_DELAY_SECONDS;
  await database.close();
});

async function until(predicate: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("retries and dead letters", () => {
  it("retries a failing item, then dead-letters it with its error, while the others complete", async () => {
    const attempts = new Map<string, number>();
    const worker = await startItemWorker(database, {
      connectors: { call: async () => ({ status: "ok", data: { recordId: "r" } }) },
      pollIntervalMs: 100,
      maintenanceIntervalSeconds: 1,
      runItem: async (db, item, deps) => {
        attempts.set(item.externalId, (attempts.get(item.externalId) ?? 0) + 1);
        if (item.externalId.startsWith("poison")) throw new Error("the model server refused the request");
        return runStoredItem(db, item, deps);
      },
    });
    try {
      await ingestItems(database.db, {
        workflowId,
        apiKeyId: null,
        items: [ledgerItem("good-1"), ledgerItem("poison-1"), ledgerItem("good-2")],
      });
      const statusOf = async (externalId: string) =>
        (await database.db.select().from(items).where(eq(items.externalId, externalId)))[0]!;
      await until(async () => (await statusOf("poison-1")).status === "dead_letter");
      const poison = await statusOf("poison-1");
      expect(poison).toMatchObject({ attempts: 5, lastError: "the model server refused the request" });
      expect(attempts.get("poison-1")).toBe(5);
      expect((await statusOf("good-1")).status).toBe("completed");
      expect(attempts.get("good-1")).toBe(1);
      expect(await pendingItemJobs(database.db)).toBe(0);
    } finally {
      await worker.stop();
    }
  }, 60_000);
});
