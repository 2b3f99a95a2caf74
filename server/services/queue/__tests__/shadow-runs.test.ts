import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../db/client";
import { items, workflows } from "../../../db/schema";
import { createLiveConnectorGateway } from "../../../integrations/live-gateway";
import {
  startLoopbackServer,
  type LoopbackServer,
} from "../../../integrations/__tests__/support/loopback-server";
import { createLedgerWorld, ledgerItem } from "../../../testing/ledger-workflow";
import { openTestDatabase } from "../../../testing/test-database";
import { ingestItems } from "../../ingest/ingest-items";
import { reportOutcome } from "../../ingest/report-outcome";
import { shadowReport } from "../../lifecycle/shadow/shadow-report";
import { pendingItemJobs } from "../item-queue";
import { startItemWorker } from "../item-worker";

let database: Database;
let ledger: LoopbackServer;
let workflowId: string;

beforeAll(async () => {
  ledger = await startLoopbackServer((_request, response) => {
    response.setHeader("content-type", "application/json");
    response.end(JSON.stringify({ id: "rec" }));
  });
  database = await openTestDatabase();
  const created = await createLedgerWorld(database.db, {
    ledgerUrl: ledger.url,
  });
  workflowId = created.workflowId;
  await database.db
    .update(workflows)
    .set({
      stage: "shadow",
      liveVersionId: null,
      shadowVersionId: created.versionId,
      shadowStartedAt: new Date(),
    })
    .where(eq(workflows.id, workflowId));
});
afterAll(async () => {
  await database.close();
  await ledger.close();
});

describe("shadow runs", () => {
  it("suppress every write, record what would have happened, and measure agreement with reported outcomes", async () => {
    const worker = await startItemWorker(database, {
      connectors: createLiveConnectorGateway(database, { log: () => {} }),
      pollIntervalMs: 50,
    });
    try {
      await ingestItems(database.db, {
        workflowId,
        apiKeyId: null,
        items: Array.from({ length: 20 }, (_, i) => ledgerItem(`s-${i}`)),
      });
      while ((await pendingItemJobs(database.db)) > 0)
        await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      await worker.stop();
    }
    expect(ledger.requests).toHaveLength(0);
    const rows = await database.db.select().from(items).where(eq(items.workflowId, workflowId));
    expect(rows).toHaveLength(20);
    for (const row of rows) {
      expect(row).toMatchObject({
        mode: "shadow",
        status: "completed",
        outcome: { type: "route", team: "ops" },
      });
      // The write is in the trace as suppressed: what would have been sent, not sent.
      expect(JSON.stringify(row.trace)).toMatch(/suppress/i);
    }
    // The human process decided "ops" for 15 items and "billing" for 5.
    for (const [i, row] of rows.entries()) {
      await reportOutcome(database.db, {
        itemId: row.id,
        apiKeyWorkflowId: null,
        reported: { type: "route", team: i < 15 ? "ops" : "billing" },
      });
    }
    const report = await shadowReport(database.db, workflowId);
    if (!report.running) throw new Error("shadow should be running");
    expect(report.agreement).toMatchObject({
      labelled: 20,
      decided: 20,
      agreed: 15,
      disagreed: 5,
      rate: 0.75,
    });
    expect(report.disagreements.total).toBe(5);
  });
});
