import type { ChildProcess } from "node:child_process";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../db/client";
import { items } from "../../../db/schema";
import {
  startLoopbackServer,
  type LoopbackServer,
} from "../../../integrations/__tests__/support/loopback-server";
import { createLedgerWorld, ledgerItem } from "../../../testing/ledger-workflow";
import { recordFigures } from "../../../testing/reliability-figures";
import { openTestDatabase } from "../../../testing/test-database";
import { ingestItems } from "../../ingest/ingest-items";
import { itemJobStates, pendingItemJobs } from "../item-queue";
import { exited, outputOf, startWorkerProcess, until } from "./support/worker-process";

/*
 * A worker stalls (SIGSTOP) past its lease while its items wait on a slow lookup; another worker takes them
 * over and finishes them; the first resumes (SIGCONT). Its stale attempt must neither send the write nor
 * commit an outcome: the items' fencing token moved on.
 */
const serverOnly = !process.env.DATABASE_URL;
let database: Database & { url?: string };
let ledger: LoopbackServer;
let workflowId: string;
let holdLookups = true;
const held: (() => void)[] = [];
const workers: ChildProcess[] = [];

beforeAll(async () => {
  if (serverOnly) return;
  // Jobs take their lease from the process that queues them: this one.
  process.env.SWITCHBOARD_JOB_TIMEOUT_SECONDS = "3";
  ledger = await startLoopbackServer(async (request, response) => {
    response.setHeader("content-type", "application/json");
    if (request.method === "GET") {
      // The first worker's lookups hang until the test lets them go (after it has been stopped).
      if (holdLookups) await new Promise<void>((resolve) => held.push(resolve));
      return void response.end(JSON.stringify({ known: true }));
    }
    response.end(JSON.stringify({ id: "rec" }));
  });
  database = await openTestDatabase();
  ({ workflowId } = await createLedgerWorld(database.db, {
    ledgerUrl: ledger.url,
    lookupFirst: true,
  }));
});
afterAll(async () => {
  for (const worker of workers) worker.kill("SIGKILL");
  if (serverOnly) return;
  await database.close();
  await ledger.close();
});

describe.skipIf(serverOnly)("stale worker fencing", () => {
  it("a worker stopped past its lease can neither write nor commit once another took its items", async () => {
    const stale = await startWorkerProcess(database.url!);
    workers.push(stale);
    await ingestItems(database.db, {
      workflowId,
      apiKeyId: null,
      items: Array.from({ length: 8 }, (_, i) => ledgerItem(`fence-${i}`)),
    });
    await until(async () => held.length === 8, 20_000, 50);
    stale.kill("SIGSTOP");
    // Past its lease (3 s) and a maintenance pass (1 s): the jobs are free for another worker.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    holdLookups = false;
    const fresh = await startWorkerProcess(database.url!);
    workers.push(fresh);
    await until(async () => (await pendingItemJobs(database.db)) === 0, 30_000).catch(async (error) => {
      console.log(outputOf(fresh), await itemJobStates(database.db), held.length, ledger.requests.length);
      throw error;
    });
    const writesBefore = ledger.requests.filter((r) => r.method === "POST").length;
    expect(writesBefore).toBe(8);

    // The stale worker wakes up: its lookups answer now, and it goes on with items no longer its own.
    for (const release of held.splice(0)) release();
    stale.kill("SIGCONT");
    await until(async () => outputOf(stale).includes("taken over by another worker"), 20_000);
    const staleWrites = ledger.requests.filter((r) => r.method === "POST").length - writesBefore;
    recordFigures({ fenced_writes: staleWrites });
    expect(staleWrites).toBe(0);

    const rows = await database.db.select().from(items).where(eq(items.workflowId, workflowId));
    expect(rows.map((row) => row.status)).toEqual(Array(8).fill("completed"));
    for (const worker of [stale, fresh]) worker.kill("SIGTERM");
    await Promise.all([exited(stale), exited(fresh)]);
  }, 120_000);
});
