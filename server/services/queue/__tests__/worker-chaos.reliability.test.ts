import type { ChildProcess } from "node:child_process";
import { and, eq, like, sql } from "drizzle-orm";
import postgres from "postgres";
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
 * Real worker processes (`server/worker/main.ts`, as `npm run worker` starts it) against the Postgres
 * server, a real loopback "ledger" that applies each write once per idempotency key, and SIGKILL.
 */
const serverOnly = !process.env.DATABASE_URL;
let database: Database & { url?: string };
let ledger: LoopbackServer;
let workflowId: string;
/** Writes applied, by idempotency key → the item they were for. */
const applied = new Map<string, string>();
const workers = new Set<ChildProcess>();

beforeAll(async () => {
  if (serverOnly) return;
  // Jobs take their lease from the process that queues them: this one.
  process.env.SWITCHBOARD_JOB_TIMEOUT_SECONDS = "3";
  ledger = await startLoopbackServer((request, response) => {
    const key = String(request.headers["idempotency-key"] ?? "");
    const { item } = JSON.parse(request.body) as { item: string };
    // A replayed key is answered as the first time and changes nothing: what a real idempotent API does.
    if (!applied.has(key)) applied.set(key, item);
    response.setHeader("content-type", "application/json");
    response.end(JSON.stringify({ id: `rec-${item}` }));
  });
  database = await openTestDatabase();
  ({ workflowId } = await createLedgerWorld(database.db, {
    ledgerUrl: ledger.url,
  }));
});
afterAll(async () => {
  for (const worker of workers) worker.kill("SIGKILL");
  if (serverOnly) return;
  await database.close();
  await ledger.close();
});

async function startWorker(): Promise<ChildProcess> {
  const child = await startWorkerProcess(database.url!);
  workers.add(child);
  child.on("exit", () => workers.delete(child));
  return child;
}

const statusCounts = async () => {
  const rows = await database.db
    .select({ status: items.status, n: sql<number>`count(*)::int` })
    .from(items)
    .where(eq(items.workflowId, workflowId))
    .groupBy(items.status);
  return Object.fromEntries(rows.map((row) => [row.status, row.n]));
};

async function ingest(prefix: string, count: number): Promise<void> {
  for (let start = 0; start < count; start += 1000) {
    const batch = Array.from({ length: Math.min(1000, count - start) }, (_, i) =>
      ledgerItem(`${prefix}-${start + i}`),
    );
    const result = await ingestItems(database.db, { workflowId, items: batch, apiKeyId: null });
    expect(result.rejected).toEqual([]);
  }
}

describe.skipIf(serverOnly)("worker processes", () => {
  it("a SIGTERM lets the worker commit the items in hand, then exit 0", async () => {
    await ingest("drain", 600);
    const worker = await startWorker();
    await until(async () => ((await statusCounts()).completed ?? 0) > 0, 30_000);
    worker.kill("SIGTERM");
    expect(await exited(worker)).toBe(0);
    // Nothing was left half-done in its hands: every job is either committed or still waiting untouched.
    expect((await itemJobStates(database.db)).active ?? 0).toBe(0);
    const follower = await startWorker();
    await until(async () => (await pendingItemJobs(database.db)) === 0, 60_000);
    follower.kill("SIGTERM");
    await exited(follower);
    expect(await statusCounts()).toEqual({ completed: 600 });
  }, 120_000);

  it("10,000 items, three workers, 20 SIGKILLs: every item has one outcome and every write applied once", async () => {
    const before = applied.size;
    const running = await Promise.all([startWorker(), startWorker(), startWorker()]);
    const ingesting = ingest("chaos", 10_000);
    for (let kill = 0; kill < 20; kill++) {
      await new Promise((resolve) => setTimeout(resolve, 200 + Math.random() * 600));
      const victim = running.splice(Math.floor(Math.random() * running.length), 1)[0]!;
      victim.kill("SIGKILL");
      await exited(victim);
      running.push(await startWorker());
    }
    await ingesting;
    await until(async () => (await pendingItemJobs(database.db)) === 0, 240_000);
    for (const worker of running) worker.kill("SIGTERM");
    await Promise.all(running.map(exited));

    expect(await statusCounts()).toEqual({ completed: 10_600 });
    const rows = await database.db
      .select({ externalId: items.externalId, outcome: items.outcome })
      .from(items)
      .where(eq(items.workflowId, workflowId));
    expect(rows.filter((row) => row.outcome?.type === "route")).toHaveLength(10_600);
    // One applied write per item: a write replayed after a kill carried the same idempotency key.
    const writesPerItem = new Map<string, number>();
    for (const item of applied.values()) writesPerItem.set(item, (writesPerItem.get(item) ?? 0) + 1);
    expect(applied.size - before).toBe(10_000);
    expect([...writesPerItem.values()].every((n) => n === 1)).toBe(true);
    expect(writesPerItem.size).toBe(10_600);
    const runsPerItem = new Map<string, number>();
    for (const row of rows) runsPerItem.set(row.externalId, (runsPerItem.get(row.externalId) ?? 0) + 1);
    recordFigures({
      items: 10_000,
      kills: 20,
      lost: 10_600 - rows.filter((row) => row.outcome !== null).length,
      duplicated_outcomes: [...runsPerItem.values()].filter((n) => n > 1).length,
      duplicated_writes: [...writesPerItem.values()].filter((n) => n > 1).length,
    });
    console.log(
      `[chaos] ${ledger.requests.length} ledger requests for ${applied.size} writes (${ledger.requests.length - applied.size} replays after kills)`,
    );
  }, 300_000);

  it("the database cutting every connection mid-run loses nothing: workers reconnect by themselves", async () => {
    const running = await Promise.all([startWorker(), startWorker()]);
    await ingest("cut", 2_000);
    // Three times, every session on this database but the one asking is terminated, workers' included.
    for (let cut = 0; cut < 3; cut++) {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await terminateOtherSessions();
    }
    const settled = async () => {
      try {
        return (await pendingItemJobs(database.db)) === 0;
      } catch {
        return false; // our own pooled connections were cut too; the next query reconnects
      }
    };
    await until(settled, 60_000).catch(async (error) => {
      console.log(
        await itemJobStates(database.db).catch(String),
        running.map((w) => outputOf(w).slice(-1500)).join("\n-----\n"),
      );
      throw error;
    });
    // A worker that died says why: its last output goes with the failure.
    for (const worker of running)
      expect(worker.exitCode, `a worker exited:\n${outputOf(worker).slice(-3000)}`).toBeNull();
    const rows = await database.db
      .select({ status: items.status, outcome: items.outcome })
      .from(items)
      .where(and(eq(items.workflowId, workflowId), like(items.externalId, "cut-%")));
    const odd = rows.find((row) => row.status !== "completed");
    if (odd) console.log("not completed:", JSON.stringify(odd).slice(0, 800));
    recordFigures({
      connection_cuts: 3,
      lost_after_cuts: rows.filter((row) => row.status !== "completed").length,
    });
    expect(rows).toHaveLength(2_000);
    const byStatus = rows.reduce<Record<string, number>>(
      (counts, row) => ({ ...counts, [row.status]: (counts[row.status] ?? 0) + 1 }),
      {},
    );
    expect({ byStatus, jobs: await itemJobStates(database.db) }).toMatchObject({
      byStatus: { completed: 2_000 },
    });
    for (const worker of running) worker.kill("SIGTERM");
    await Promise.all(running.map(exited));
  }, 300_000);
});

async function terminateOtherSessions(): Promise<void> {
  const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(
      `select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`,
      [new URL(database.url!).pathname.slice(1)],
    );
  } finally {
    await admin.end();
  }
}
