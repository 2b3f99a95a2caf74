import type { ChildProcess } from "node:child_process";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../db/client";
import { ITEM_RETRY_LIMIT } from "../../../db/job-queue";
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
 * Issue 11, point 5: 1% of items are poison — the ledger's answer for them is one Switchboard cannot store
 * (a NUL character in the record id it maps into the trace), so their run fails on our side every time.
 * Real worker processes, the Postgres server. The other 99% complete; each poison item is tried
 * 1 + ITEM_RETRY_LIMIT times, then dead-lettered with its error, and takes no batch-mate down with it.
 */
const serverOnly = !process.env.DATABASE_URL;
const ITEMS = 2_000;
const POISON_EVERY = 100;
let database: Database & { url?: string };
let ledger: LoopbackServer;
let workflowId: string;
const workers: ChildProcess[] = [];

const isPoison = (externalId: string) => externalId.startsWith("poison-");

beforeAll(async () => {
  if (serverOnly) return;
  // Jobs take their lease and retry policy from the process that queues them: this one.
  process.env.SWITCHBOARD_JOB_TIMEOUT_SECONDS = "3";
  process.env.SWITCHBOARD_JOB_RETRY_DELAY_SECONDS = "0";
  ledger = await startLoopbackServer((request, response) => {
    const { item } = JSON.parse(request.body) as { item: string };
    response.setHeader("content-type", "application/json");
    // Valid JSON, but "\u0000" cannot be stored in a jsonb column.
    response.end(isPoison(item) ? '{"id": "rec\\u0000"}' : JSON.stringify({ id: `rec-${item}` }));
  });
  database = await openTestDatabase();
  ({ workflowId } = await createLedgerWorld(database.db, { ledgerUrl: ledger.url }));
});
afterAll(async () => {
  for (const worker of workers) worker.kill("SIGKILL");
  delete process.env.SWITCHBOARD_JOB_RETRY_DELAY_SECONDS;
  if (serverOnly) return;
  await database.close();
  await ledger.close();
});

describe.skipIf(serverOnly)("poison items", () => {
  it("1% of items fail every time: they dead-letter with their error, the other 99% complete", async () => {
    const all = Array.from({ length: ITEMS }, (_, i) =>
      ledgerItem(i % POISON_EVERY === 7 ? `poison-${i}` : `good-${i}`),
    );
    for (let start = 0; start < ITEMS; start += 1000) {
      const result = await ingestItems(database.db, {
        workflowId,
        apiKeyId: null,
        items: all.slice(start, start + 1000),
      });
      expect(result.rejected).toEqual([]);
    }
    workers.push(await startWorkerProcess(database.url!), await startWorkerProcess(database.url!));
    const statusCounts = async () =>
      Object.fromEntries(
        (
          await database.db
            .select({ status: items.status, n: sql<number>`count(*)::int` })
            .from(items)
            .where(eq(items.workflowId, workflowId))
            .groupBy(items.status)
        ).map((row) => [row.status, row.n]),
      );
    const poisonCount = all.filter((item) => isPoison(String(item.id))).length;
    await until(
      async () =>
        (await pendingItemJobs(database.db)) === 0 &&
        ((await statusCounts()).dead_letter ?? 0) >= poisonCount,
      180_000,
    ).catch(async (error) => {
      console.log(await statusCounts(), await itemJobStates(database.db), outputOf(workers[0]!).slice(-2000));
      throw error;
    });
    for (const worker of workers) worker.kill("SIGTERM");
    await Promise.all(workers.map(exited));

    const rows = await database.db.select().from(items).where(eq(items.workflowId, workflowId));
    const poison = rows.filter((row) => isPoison(row.externalId));
    const good = rows.filter((row) => !isPoison(row.externalId));
    const attemptsPerPoison = new Map<string, number>();
    for (const request of ledger.requests) {
      const { item } = JSON.parse(request.body) as { item: string };
      if (isPoison(item)) attemptsPerPoison.set(item, (attemptsPerPoison.get(item) ?? 0) + 1);
    }
    recordFigures({
      poison_items: poison.length,
      poison_dead_lettered: poison.filter((row) => row.status === "dead_letter").length,
      poison_collateral: good.filter((row) => row.status !== "completed").length,
    });
    console.log(
      `[poison] ${poison.length} poison of ${rows.length}; ${poison.filter((r) => r.status === "dead_letter").length} dead-lettered; ${good.filter((r) => r.status === "completed").length} others completed; ledger calls per poison item: ${[...new Set(attemptsPerPoison.values())].join("/")}`,
    );
    expect(poison).toHaveLength(ITEMS / POISON_EVERY);
    expect(good.filter((row) => row.status !== "completed")).toEqual([]);
    for (const row of poison) {
      expect(row).toMatchObject({ status: "dead_letter", attempts: ITEM_RETRY_LIMIT + 1, outcome: null });
      expect(row.lastError).toMatch(/\\u0000|unicode|Unicode/);
    }
  }, 300_000);
});
