import type { ChildProcess } from "node:child_process";
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphSchema } from "@/lib/engine/graph/graph-schema";
import type { Database } from "../../../db/client";
import { items, workflows, workflowVersions } from "../../../db/schema";
import {
  startLoopbackServer,
  type LoopbackServer,
} from "../../../integrations/__tests__/support/loopback-server";
import { createLedgerWorld, ledgerItem } from "../../../testing/ledger-workflow";
import { recordFigures } from "../../../testing/reliability-figures";
import { terminateBackend } from "../../../testing/terminate-backend";
import { openTestDatabase } from "../../../testing/test-database";
import { ingestItems } from "../../ingest/ingest-items";
import { publishVersion } from "../../workflows/publish-version";
import { saveDraft } from "../../workflows/save-draft";
import { itemJobStates, pendingItemJobs } from "../item-queue";
import { sqlExecutorFor } from "../sql-executor";
import { exited, outputOf, startWorkerProcess, until } from "./support/worker-process";

/*
 * Issue 11, points 4 and 6, with real worker processes on the Postgres server:
 *  - transactional enqueue: requests acknowledged while workers run all have their items run; requests that
 *    fail inside the ingest transaction (a SQL error, the connection killed, a constraint that fails at
 *    COMMIT) leave neither an item nor a job;
 *  - version pinning: a version published mid-run changes nothing for items queued before it.
 */
const serverOnly = !process.env.DATABASE_URL;
let database: Database & { url?: string };
let ledger: LoopbackServer;
let world: { workflowId: string; versionId: string; ownerId: string };
const workers: ChildProcess[] = [];

beforeAll(async () => {
  if (serverOnly) return;
  process.env.SWITCHBOARD_JOB_TIMEOUT_SECONDS = "3";
  ledger = await startLoopbackServer(async (_request, response) => {
    // A little latency, so that items are in workers' hands when the new version is published.
    await new Promise((resolve) => setTimeout(resolve, 5));
    response.setHeader("content-type", "application/json");
    response.end(JSON.stringify({ id: "rec" }));
  });
  database = await openTestDatabase();
  world = await createLedgerWorld(database.db, { ledgerUrl: ledger.url });
  // Fails at COMMIT (a deferred constraint trigger) for items whose id asks for it: the last possible moment.
  await database.runScript(`
    create function refuse_at_commit() returns trigger language plpgsql as $$
    begin
      if new.external_id like 'fail-at-commit-%' then
        raise exception 'refused at commit: %', new.external_id;
      end if;
      return null;
    end $$;
    create constraint trigger refuse_at_commit after insert on items
      deferrable initially deferred for each row execute function refuse_at_commit();`);
});
afterAll(async () => {
  for (const worker of workers) worker.kill("SIGKILL");
  if (serverOnly) return;
  await database.close();
  await ledger.close();
});

type Failure = "sql_error" | "connection_killed" | "commit_refused";
const FAILURES: Failure[] = ["sql_error", "connection_killed", "commit_refused"];

/** One request of ten items; `failure` breaks it inside its transaction, after its items and jobs were written. */
async function request(prefix: string, failure: Failure | null): Promise<boolean> {
  const batch = Array.from({ length: 10 }, (_, i) =>
    ledgerItem(failure === "commit_refused" ? `fail-at-commit-${prefix}-${i}` : `${prefix}-${i}`),
  );
  try {
    await ingestItems(
      database.db,
      { workflowId: world.workflowId, apiKeyId: null, items: batch },
      async (tx) => {
        if (failure === "sql_error") await tx.execute(sql`select 1 / 0`);
        if (failure === "connection_killed") {
          const result = await tx.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`);
          const [row] = Array.isArray(result)
            ? result
            : (result as unknown as { rows: { pid: number }[] }).rows;
          await terminateBackend(row!.pid);
          await tx.execute(sql`select 1`);
        }
      },
    );
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(serverOnly)("transactional enqueue and version pinning, with worker processes", () => {
  it("acknowledged requests are all run; failed ones leave neither item nor job", async () => {
    workers.push(await startWorkerProcess(database.url!), await startWorkerProcess(database.url!));
    const outcomes: { prefix: string; failure: Failure | null; acknowledged: boolean }[] = [];
    for (let n = 0; n < 150; n++) {
      const failure = n % 2 === 0 ? null : FAILURES[Math.floor(n / 2) % FAILURES.length]!;
      const prefix = `tx${n}`;
      outcomes.push({ prefix, failure, acknowledged: await request(prefix, failure) });
    }
    await until(async () => {
      try {
        return (await pendingItemJobs(database.db)) === 0;
      } catch {
        return false; // a killed connection of our pool; the next query reconnects
      }
    }, 120_000);

    const rows = await database.db
      .select({ externalId: items.externalId, status: items.status })
      .from(items)
      .where(eq(items.workflowId, world.workflowId));
    const byPrefix = new Map<string, typeof rows>();
    for (const row of rows) {
      const prefix = row.externalId.replace(/^fail-at-commit-/, "").replace(/-\d+$/, "");
      byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), row]);
    }
    const acknowledged = outcomes.filter((o) => o.acknowledged);
    const failed = outcomes.filter((o) => !o.acknowledged);
    const ackedMissing = acknowledged.reduce(
      (n, o) => n + 10 - (byPrefix.get(o.prefix) ?? []).filter((r) => r.status === "completed").length,
      0,
    );
    const leftovers = failed.reduce((n, o) => n + (byPrefix.get(o.prefix)?.length ?? 0), 0);
    // Every job names an item that exists: a rolled-back item left no job behind.
    const jobs = await sqlExecutorFor(database.db).executeSql(
      `select count(*)::int as n from pgboss.job j where j.name = 'items'
         and not exists (select 1 from items i where i.id = j.data->>'itemId')`,
    );
    const orphanJobs = Number(jobs.rows[0]!.n);
    recordFigures({
      enqueue_requests: outcomes.length,
      enqueue_failures_injected: failed.length,
      acked_items_missing: ackedMissing,
      rolled_back_leftovers: leftovers + orphanJobs,
    });
    // No broken request was acknowledged. A clean one may fail too, when it draws a pooled connection the
    // previous kill left dead: it was not acknowledged either, so it must have left nothing (checked below).
    expect(outcomes.filter((o) => o.failure !== null && o.acknowledged)).toEqual([]);
    expect(acknowledged.length).toBeGreaterThan(outcomes.length / 2 - 10);
    expect({ ackedMissing, leftovers, orphanJobs }).toEqual({ ackedMissing: 0, leftovers: 0, orphanJobs: 0 });
  }, 240_000);

  it("a version published mid-run leaves the items queued before it on the version they arrived for", async () => {
    const ingest = async (prefix: string, count: number) => {
      for (let start = 0; start < count; start += 500) {
        const batch = Array.from({ length: Math.min(500, count - start) }, (_, i) =>
          ledgerItem(`${prefix}-${start + i}`),
        );
        const result = await ingestItems(database.db, {
          workflowId: world.workflowId,
          apiKeyId: null,
          items: batch,
        });
        expect(result.rejected).toEqual([]);
      }
    };
    await ingest("before", 2_000);
    const completedBefore = async () =>
      (
        await database.db
          .select({ n: sql<number>`count(*)::int` })
          .from(items)
          .where(
            sql`${items.workflowId} = ${world.workflowId} and ${items.externalId} like 'before-%' and ${items.status} = 'completed'`,
          )
      )[0]!.n;
    // Mid-run: some items of the first lot are done, the others queued or in a worker's hands.
    await until(async () => (await completedBefore()) > 100, 60_000);
    const [current] = await database.db
      .select({ graph: workflowVersions.graph, version: workflowVersions.version })
      .from(workflowVersions)
      .where(eq(workflowVersions.id, world.versionId));
    const graph = graphSchema.parse(current!.graph);
    graph.nodes.find((node) => node.id === "done")!.config = { team: "ops-v2" };
    const draft = await saveDraft(database.db, world.ownerId, {
      workflowId: world.workflowId,
      graph,
      note: "route to ops-v2",
      baseVersion: current!.version,
    });
    await publishVersion(database.db, world.ownerId, { workflowId: world.workflowId, versionId: draft.id });
    await database.db
      .update(workflows)
      .set({ liveVersionId: draft.id })
      .where(eq(workflows.id, world.workflowId));
    const unfinishedAtPublish = 2_000 - (await completedBefore());
    await ingest("after", 1_000);
    await until(async () => (await pendingItemJobs(database.db)) === 0, 120_000).catch(async (error) => {
      console.log(await itemJobStates(database.db), outputOf(workers[0]!).slice(-1500));
      throw error;
    });
    for (const worker of workers) worker.kill("SIGTERM");
    await Promise.all(workers.map(exited));

    const rows = await database.db
      .select({
        externalId: items.externalId,
        versionId: items.versionId,
        status: items.status,
        outcome: items.outcome,
      })
      .from(items)
      .where(inArray(sql`split_part(${items.externalId}, '-', 1)`, ["before", "after"]));
    const expected = (externalId: string) =>
      externalId.startsWith("before-")
        ? { versionId: world.versionId, team: "ops" }
        : { versionId: draft.id, team: "ops-v2" };
    const mismatched = rows.filter((row) => {
      const want = expected(row.externalId);
      return (
        row.status !== "completed" ||
        row.versionId !== want.versionId ||
        (row.outcome as { team?: string } | null)?.team !== want.team
      );
    });
    recordFigures({ pinned_items: rows.length, version_mismatches: mismatched.length });
    console.log(
      `[pinning] ${rows.length} items; ${unfinishedAtPublish} of the first 2,000 unfinished when v2 went live; ${mismatched.length} on the wrong version`,
    );
    expect(rows).toHaveLength(3_000);
    expect(unfinishedAtPublish).toBeGreaterThan(0);
    expect(mismatched).toEqual([]);
  }, 240_000);
});
