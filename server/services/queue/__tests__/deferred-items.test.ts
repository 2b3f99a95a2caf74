import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../db/client";
import { items, reviewTasks } from "../../../db/schema";
import { createLiveConnectorGateway } from "../../../integrations/live-gateway";
import {
  startLoopbackServer,
  type LoopbackServer,
} from "../../../integrations/__tests__/support/loopback-server";
import { createLedgerWorld, ledgerItem } from "../../../testing/ledger-workflow";
import { openTestDatabase } from "../../../testing/test-database";
import { ingestItems } from "../../ingest/ingest-items";
import { startItemWorker } from "../item-worker";

let database: Database;
let ledger: LoopbackServer;
let workflowId: string;
let ledgerUp = false;

beforeAll(async () => {
  ledger = await startLoopbackServer((_request, response) => {
    response.statusCode = ledgerUp ? 200 : 503;
    response.setHeader("content-type", "application/json");
    response.end(JSON.stringify(ledgerUp ? { id: "rec" } : { error: "maintenance" }));
  });
  database = await openTestDatabase();
  ({ workflowId } = await createLedgerWorld(database.db, {
    ledgerUrl: ledger.url,
    breakerCooldownMs: 1000,
  }));
});
afterAll(async () => {
  await database.close();
  await ledger.close();
});

const rowsOf = () => database.db.select().from(items).where(eq(items.workflowId, workflowId));
const allIn = async (prefix: string, status: string) =>
  (await rowsOf()).filter((row) => row.externalId.startsWith(prefix)).every((row) => row.status === status);

async function until(predicate: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("retry later", () => {
  it("parks items while their system is down and runs them again when it is back: none lost, none written twice", async () => {
    const worker = await startItemWorker(database, {
      connectors: createLiveConnectorGateway(database, { log: () => {}, sleep: async () => {} }),
      pollIntervalMs: 100,
      deferSeconds: 1,
    });
    try {
      const parked = Array.from({ length: 5 }, (_, i) => ledgerItem(`parked-${i}`));
      await ingestItems(database.db, { workflowId, apiKeyId: null, items: parked });
      await until(() => allIn("parked-", "deferred"));
      for (const row of (await rowsOf()).filter((r) => r.externalId.startsWith("parked-")))
        expect(row.outcome).toMatchObject({ type: "deferred", nodeId: "record" });
      const attemptsWhileDown = ledger.requests.length;
      expect(attemptsWhileDown).toBeGreaterThan(0);

      ledgerUp = true;
      await until(() => allIn("parked-", "completed"));
      for (const row of (await rowsOf()).filter((r) => r.externalId.startsWith("parked-")))
        expect(row.outcome).toMatchObject({ type: "route", team: "ops" });
      // Once back, the ledger received exactly one write per item.
      const writes = ledger.requests.slice(attemptsWhileDown);
      expect(writes).toHaveLength(5);
      expect(new Set(writes.map((r) => r.headers["idempotency-key"])).size).toBe(5);
    } finally {
      await worker.stop();
    }
  }, 60_000);

  it("escalates an item that waited past the connector's bound instead of parking it for ever", async () => {
    ledgerUp = false;
    await ingestItems(database.db, { workflowId, apiKeyId: null, items: [ledgerItem("stale-1")] });
    // Arrived 61 minutes ago; the ledger's profile waits at most 60.
    await database.db
      .update(items)
      .set({ receivedAt: new Date(Date.now() - 61 * 60_000) })
      .where(eq(items.externalId, "stale-1"));
    const worker = await startItemWorker(database, {
      connectors: createLiveConnectorGateway(database, { log: () => {}, sleep: async () => {} }),
      pollIntervalMs: 100,
    });
    try {
      await until(() => allIn("stale-", "awaiting_review"));
      const [row] = (await rowsOf()).filter((r) => r.externalId === "stale-1");
      expect(row!.outcome).toMatchObject({ type: "escalate", nodeId: "record", reasonType: "connector" });
      const tasks = await database.db.select().from(reviewTasks).where(eq(reviewTasks.itemId, row!.id));
      expect(tasks).toHaveLength(1);
    } finally {
      await worker.stop();
    }
  }, 60_000);
});
