import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../db/client";
import { items } from "../../../db/schema";
import { createUserWithPassword } from "../../../db/seed/users";
import { createLiveConnectorGateway } from "../../../integrations/live-gateway";
import {
  startLoopbackServer,
  type LoopbackServer,
} from "../../../integrations/__tests__/support/loopback-server";
import { createLedgerWorkflow, ledgerItem } from "../../../testing/ledger-workflow";
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
  const ownerId = await createUserWithPassword(database.db, {
    email: "o@test",
    name: "O",
    role: "owner",
    password: "password123",
  });
  ({ workflowId } = await createLedgerWorkflow(database.db, {
    ledgerUrl: ledger.url,
    ownerId,
    publisherId: ownerId,
  }));
});
afterAll(async () => {
  await database.close();
  await ledger.close();
});

const itemRow = async () =>
  (await database.db.select().from(items).where(eq(items.workflowId, workflowId)))[0]!;

async function until(predicate: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("retry later", () => {
  it("parks an item while its system is down and runs it again when the time comes", async () => {
    const worker = await startItemWorker(database, {
      connectors: createLiveConnectorGateway(database, { log: () => {}, sleep: async () => {} }),
      pollIntervalMs: 100,
      deferSeconds: 1,
    });
    try {
      await ingestItems(database.db, { workflowId, apiKeyId: null, items: [ledgerItem("parked-1")] });
      await until(async () => (await itemRow()).status === "deferred");
      expect((await itemRow()).outcome).toMatchObject({ type: "deferred", nodeId: "record" });
      const attemptsWhileDown = ledger.requests.length;
      expect(attemptsWhileDown).toBeGreaterThan(0);

      ledgerUp = true;
      await until(async () => (await itemRow()).status === "completed");
      expect((await itemRow()).outcome).toMatchObject({ type: "route", team: "ops" });
      const writes = ledger.requests.slice(attemptsWhileDown);
      expect(new Set(writes.map((r) => r.headers["idempotency-key"])).size).toBe(1);
    } finally {
      await worker.stop();
    }
  }, 60_000);
});
