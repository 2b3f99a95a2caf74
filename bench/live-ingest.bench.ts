/**
 * live.ingest: ingest-to-outcome throughput and latency on the Postgres server. A load process POSTs
 * batches of generated support tickets to the ingest API (served here by node:http around the same handler
 * the Next route calls) for the support-triage workflow (rules, keyword model, a CRM read served on
 * loopback), live; 1 then 2 `server/worker/main.ts` processes run them.
 * - Paced: OFFERED items/s for SECONDS. Latency from the POST being sent to the outcome's commit;
 *   items_per_s = items over the time from the first send to the last commit (below OFFERED when the
 *   workers fall behind).
 * - Saturated (closed loop): max_items_per_s, the same measure with clients sending as fast as answered.
 */
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq, inArray, sql } from "drizzle-orm";
import postgres from "postgres";
import { openDatabase, type Database } from "../server/db/client";
import { connectors, items, workflows, workflowVersions } from "../server/db/schema";
import { seedDemoWorkspace } from "../server/db/seed/demo-workspace";
import { createUserWithPassword } from "../server/db/seed/users";
import { createApiKey } from "../server/services/api-keys/api-keys";
import { handleDemoCrm } from "../server/services/connectors/demo-crm-api";
import { createApiRateLimiter } from "../server/services/ingest/http/authenticate";
import { postItems } from "../server/services/ingest/http/item-handlers";
import { pendingItemJobs } from "../server/services/queue/item-queue";
import { round } from "./measure";

const SECONDS = Number(process.env.BENCH_LIVE_SECONDS ?? 10);
const OFFERED = Number(process.env.BENCH_LIVE_RATE ?? 1000);
const CONCURRENCY = 8;
const BATCH = 10;
const ADMIN_URL = process.env.BENCH_PG_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

async function freshDatabase(): Promise<{ database: Database; url: string; drop(): Promise<void> }> {
  const name = `sb_bench_${crypto.randomBytes(4).toString("hex")}`;
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  return {
    database,
    url: url.toString(),
    async drop() {
      await database.close();
      const dropper = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`drop database if exists "${name}" with (force)`);
      await dropper.end();
    },
  };
}

/** The ingest route and the demo CRM, on one loopback port. */
async function serve(database: Database): Promise<{ origin: string; close(): Promise<void> }> {
  const deps = { db: database.db, limiter: createApiRateLimiter(1_000_000) };
  const server = http.createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", async () => {
      const url = new URL(incoming.url ?? "/", "http://127.0.0.1");
      const request = new Request(url, {
        method: incoming.method,
        headers: incoming.headers as Record<string, string>,
        body: incoming.method === "GET" ? undefined : Buffer.concat(chunks),
      });
      const parts = url.pathname.split("/").filter(Boolean);
      const response =
        parts[0] === "api" && parts[1] === "demo"
          ? await handleDemoCrm(request, parts.slice(3))
          : await postItems(request, parts[3]!, deps);
      outgoing.writeHead(response.status, Object.fromEntries(response.headers));
      outgoing.end(Buffer.from(await response.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function startWorker(url: string): Promise<ChildProcess> {
  // BENCH_PROFILE_DIR: each worker writes a V8 CPU profile there when it stops.
  const profile = process.env.BENCH_PROFILE_DIR
    ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`]
    : [];
  const child = spawn(process.execPath, [...profile, "--import", "tsx", "server/worker/main.ts"], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("taking items")) resolve(child);
    });
    child.on("exit", (code) => reject(new Error(`worker exited with ${code}`)));
  });
}

function runLoad(args: Record<string, unknown>): Promise<{ sent: [string, number][]; errors: number }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "bench/support/ingest-load.ts", JSON.stringify(args)],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) =>
    child.on("exit", (code) =>
      code === 0 ? resolve(JSON.parse(output)) : reject(new Error(`load exited ${code}`)),
    ),
  );
}

interface PhaseResult {
  items: number;
  itemsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  uncommitted: number;
  errors: number;
}

/** One load run, then waits for the queue to drain, then reads every item's commit time. */
async function runPhase(database: Database, args: Record<string, unknown>): Promise<PhaseResult> {
  const { sent, errors } = await runLoad(args);
  const firstSent = Math.min(...sent.map(([, at]) => at));
  const deadline = Date.now() + 120_000;
  while ((await pendingItemJobs(database.db)) > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const sentAt = new Map(sent);
  const latencies: number[] = [];
  let lastCommit = 0;
  for (let i = 0; i < sent.length; i += 5000) {
    const ids = sent.slice(i, i + 5000).map(([id]) => id);
    const rows = await database.db
      .select({ externalId: items.externalId, processedAt: items.processedAt })
      .from(items)
      .where(inArray(items.externalId, ids));
    for (const row of rows) {
      if (!row.processedAt) continue;
      const committed = row.processedAt.getTime();
      lastCommit = Math.max(lastCommit, committed);
      latencies.push(committed - sentAt.get(row.externalId)!);
    }
  }
  latencies.sort((a, b) => a - b);
  return {
    items: latencies.length,
    itemsPerSecond: round(latencies.length / ((lastCommit - firstSent) / 1000)),
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    uncommitted: sent.length - latencies.length,
    errors,
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

async function measure(workerCount: number): Promise<Record<string, unknown>> {
  const { database, url, drop } = await freshDatabase();
  const server = await serve(database);
  const workers: ChildProcess[] = [];
  try {
    const ownerId = await createUserWithPassword(database.db, {
      email: "owner@bench",
      name: "Owner",
      role: "owner",
      password: "password123",
    });
    const { workflowId } = await seedDemoWorkspace(database.db, { ownerId });
    const [published] = await database.db
      .select({ id: workflowVersions.id })
      .from(workflowVersions)
      .where(eq(workflowVersions.published, true));
    await database.db
      .update(workflows)
      .set({ stage: "live", liveVersionId: published!.id })
      .where(eq(workflows.id, workflowId));
    // The CRM is served here; its demo rate limit (20/s) would measure the CRM, not the runtime.
    await database.db.execute(sql`update ${connectors} set base_url = ${`${server.origin}/api/demo/crm`},
      profile = jsonb_set(profile, '{rateLimit}', '{"requestsPerSecond": 10000, "burst": 10000}')`);
    const { secret } = await createApiKey(database.db, ownerId, { name: "bench", workflowId });
    for (let i = 0; i < workerCount; i++) workers.push(await startWorker(url));

    const load = (prefix: string, rate?: number) =>
      runPhase(database, {
        url: `${server.origin}/api/v1/workflows/${workflowId}/items`,
        apiKey: secret,
        seconds: SECONDS,
        concurrency: CONCURRENCY,
        batch: BATCH,
        prefix: `w${workerCount}-${prefix}`,
        rate,
      });
    const paced = await load("paced", OFFERED);
    const saturated = await load("saturated");
    return {
      bench: "live.ingest",
      database: "postgres",
      workers: workerCount,
      offered_items_per_s: OFFERED,
      items: paced.items,
      items_per_s: paced.itemsPerSecond,
      p50_ms: paced.p50,
      p95_ms: paced.p95,
      p99_ms: paced.p99,
      max_items_per_s: saturated.itemsPerSecond,
      saturated_p95_ms: saturated.p95,
      uncommitted: paced.uncommitted + saturated.uncommitted,
      http_errors: paced.errors + saturated.errors,
      load: `batches of ${BATCH}; paced ${OFFERED}/s, then ${CONCURRENCY} closed-loop clients; ${SECONDS} s each`,
    };
  } finally {
    for (const worker of workers) worker.kill("SIGTERM");
    await Promise.all(
      workers.map(
        (w) => new Promise((resolve) => (w.exitCode !== null ? resolve(null) : w.on("exit", resolve))),
      ),
    );
    await server.close();
    await drop();
  }
}

export async function run(): Promise<Record<string, unknown>[]> {
  return [await measure(1), await measure(2)];
}
