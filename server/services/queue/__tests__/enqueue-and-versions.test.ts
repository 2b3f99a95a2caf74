import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphSchema } from "@/lib/engine/graph/graph-schema";
import type { Database } from "../../../db/client";
import { items, workflows, workflowVersions } from "../../../db/schema";
import { createLedgerWorld, ledgerItem } from "../../../testing/ledger-workflow";
import { openTestDatabase } from "../../../testing/test-database";
import { ingestItems } from "../../ingest/ingest-items";
import { publishVersion } from "../../workflows/publish-version";
import { saveDraft } from "../../workflows/save-draft";
import { itemJobStates, pendingItemJobs } from "../item-queue";
import { startItemWorker } from "../item-worker";

let database: Database;
let workflowId: string;
let versionId: string;
let ownerId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  ({ workflowId, versionId, ownerId } = await createLedgerWorld(database.db, {
    ledgerUrl: "http://127.0.0.1:9",
  }));
});
afterAll(() => database.close());

const okLedger = { call: async () => ({ status: "ok" as const, data: { recordId: "r" } }) };

describe("transactional enqueue", () => {
  it("leaves neither item nor job when the request fails before its commit", async () => {
    const jobsBefore = await itemJobStates(database.db);
    await expect(
      ingestItems(
        database.db,
        { workflowId, apiKeyId: null, items: [ledgerItem("rolled-back")] },
        async () => {
          throw new Error("the answer could not be stored");
        },
      ),
    ).rejects.toThrow("the answer could not be stored");
    expect(await database.db.select().from(items).where(eq(items.externalId, "rolled-back"))).toEqual([]);
    expect(await itemJobStates(database.db)).toEqual(jobsBefore);
  });

  it("has every acknowledged item queued with its job", async () => {
    const { accepted } = await ingestItems(database.db, {
      workflowId,
      apiKeyId: null,
      items: [ledgerItem("acked-1"), ledgerItem("acked-2")],
    });
    expect(accepted).toHaveLength(2);
    expect(await pendingItemJobs(database.db)).toBe(2);
    const worker = await startItemWorker(database, { connectors: okLedger, pollIntervalMs: 50 });
    while ((await pendingItemJobs(database.db)) > 0) await new Promise((resolve) => setTimeout(resolve, 50));
    await worker.stop();
  });
});

describe("version pinning", () => {
  it("runs queued items on the version they arrived for, even after a new one goes live", async () => {
    await ingestItems(database.db, { workflowId, apiKeyId: null, items: [ledgerItem("pinned-1")] });
    // A new version routing to another team is published and put live before any worker runs the item.
    const [current] = await database.db
      .select({ graph: workflowVersions.graph, version: workflowVersions.version })
      .from(workflowVersions)
      .where(eq(workflowVersions.id, versionId));
    const graph = graphSchema.parse(current!.graph);
    const done = graph.nodes.find((node) => node.id === "done")!;
    done.config = { team: "ops-v2" };
    const draft = await saveDraft(database.db, ownerId, {
      workflowId,
      graph,
      note: "route to ops-v2",
      baseVersion: current!.version,
    });
    await publishVersion(database.db, ownerId, { workflowId, versionId: draft.id });
    await database.db.update(workflows).set({ liveVersionId: draft.id }).where(eq(workflows.id, workflowId));
    await ingestItems(database.db, { workflowId, apiKeyId: null, items: [ledgerItem("after-1")] });

    const worker = await startItemWorker(database, { connectors: okLedger, pollIntervalMs: 50 });
    while ((await pendingItemJobs(database.db)) > 0) await new Promise((resolve) => setTimeout(resolve, 50));
    await worker.stop();
    const byId = async (externalId: string) =>
      (await database.db.select().from(items).where(eq(items.externalId, externalId)))[0]!;
    expect(await byId("pinned-1")).toMatchObject({ versionId, outcome: { type: "route", team: "ops" } });
    expect(await byId("after-1")).toMatchObject({
      versionId: draft.id,
      outcome: { type: "route", team: "ops-v2" },
    });
  });
});
