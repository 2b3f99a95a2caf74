import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../client";
import { terminateBackend as terminate } from "../../testing/terminate-backend";
import { openTestDatabase } from "../../testing/test-database";

/*
 * A transaction whose backend is killed (pg_terminate_backend, a failover, an idle-in-transaction timeout)
 * must fail, and must not poison the pool. postgres.js 3.4.9 did both wrong (porsager/postgres#1216):
 * a query queued between the socket's 'error' and 'close' events stayed in the connection's pipeline, so
 * the first query after the reconnect was matched with the wrong replies and hung forever; and the
 * transaction's callback could go on running queries on the reconnected connection, outside any
 * transaction. `patches/postgres+3.4.9.patch` fixes both; these tests fail without it.
 */
const serverOnly = !process.env.DATABASE_URL;
let database: Database;

beforeAll(async () => {
  if (serverOnly) return;
  database = await openTestDatabase();
  await database.runScript("create table kill_probe (note text not null)");
});
afterAll(async () => {
  if (!serverOnly) await database.close();
});

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** Rejects when `promise` has not settled in `ms`: a hang is a failure here, not a test timeout. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`hung: ${what}`)), ms)),
  ]);
}

describe.skipIf(serverOnly)("transactions whose connection is killed", () => {
  it("fail, and every transaction after them still runs", async () => {
    let failed = 0;
    for (let round = 0; round < 120; round++) {
      const killed = database.db.transaction(async (tx) => {
        const [row] = rowsOf<{ pid: number }>(await tx.execute(sql`select pg_backend_pid() as pid`));
        await terminate(row!.pid);
        await tx.execute(sql`select 1`);
      });
      await within(killed, 10_000, `killed transaction ${round}`).catch(() => failed++);
      const clean = database.db.transaction(async (tx) => {
        await tx.execute(sql`insert into kill_probe (note) values (${`clean-${round}`})`);
        return rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from kill_probe`))[0]!.n;
      });
      await within(clean, 10_000, `the transaction after kill ${round}`);
    }
    expect(failed).toBe(120);
    const [count] = rowsOf<{ n: number }>(
      await database.db.execute(sql`select count(*)::int as n from kill_probe`),
    );
    expect(count!.n).toBe(120);
  }, 120_000);

  it("stop the callback's later queries instead of running them on the reconnected connection", async () => {
    for (let round = 0; round < 10; round++) {
      let resumeCallback!: () => void;
      const paused = new Promise<void>((resolve) => (resumeCallback = resolve));
      const killed = database.db.transaction(async (tx) => {
        const [row] = rowsOf<{ pid: number }>(await tx.execute(sql`select pg_backend_pid() as pid`));
        await terminate(row!.pid);
        await paused; // the pool reconnects meanwhile, for the query below
        await tx.execute(sql`insert into kill_probe (note) values (${`stray-${round}`})`);
      });
      const outcome = within(killed, 10_000, `killed transaction ${round}`).then(
        () => "committed",
        (error: Error) => error.message,
      );
      await within(database.db.execute(sql`select 1`), 10_000, "a query while the callback waits");
      resumeCallback();
      expect(await outcome).not.toBe("committed");
    }
    // Give a stray insert time to land, had it been sent.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const stray = rowsOf<{ n: number }>(
      await database.db.execute(sql`select count(*)::int as n from kill_probe where note like 'stray-%'`),
    );
    expect(stray[0]!.n).toBe(0);
  }, 60_000);
});
