/**
 * backtest.e2e: 100,000 generated support tickets (120 days) written to a CSV, imported through the streaming
 * importer, then the latest 90 days backtested through the 12-node support-triage workflow with its classifier
 * on the embedded model (trained on the 30 days before), results persisted and metrics computed.
 * Two JSON lines per database engine (postgres only when DATABASE_URL is set): with the engine thread (opt-in,
 * SWITCHBOARD_BACKTEST_THREAD=1) and without it (the default), for the ratio; each runs in a child process of
 * its own so its peak RSS is its own.
 */
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { once } from "node:events";
import postgres from "postgres";
import { generateTickets } from "../lib/demo/history/generate-tickets";
import { openDatabase, type Database } from "../server/db/client";
import { eq, sql } from "drizzle-orm";
import { backtestRuns, trainedModels, validationCriteria } from "../server/db/schema";
import { importDataset } from "../server/services/datasets/import-dataset";
import {
  DEMO_MAPPING,
  DEMO_READS_FIXTURE,
  DEMO_TICKET_COLUMNS,
  supportTriageWithEmbeddedModel,
  ticketCsvLine,
} from "../server/services/backtests/demo-history";
import { getRun } from "../server/services/backtests/queries/get-run";
import { executeBacktest } from "../server/services/backtests/run-backtest";
import { startBacktest } from "../server/services/backtests/start-backtest";
import { createWorkflow } from "../server/services/workflows/create-workflow";
import { SERVER_NODE_FLAGS } from "../scripts/server-node-flags.mjs";
import { round } from "./measure";

const CASES = 100_000;
const DAYS = 120;
type Engine = "pglite" | "postgres";

async function writeCsv(file: string): Promise<number> {
  // ~70 tickets a weekday give ~7,400 in 120 days; scale to CASES, then cut exactly.
  const tickets = generateTickets({
    startMs: Date.UTC(2025, 0, 6),
    days: DAYS,
    seed: 8,
    weekdayMean: Math.ceil((70 * CASES * 1.04) / 7400),
    outageDay: 100,
  }).slice(0, CASES);
  const out = createWriteStream(file);
  out.write(`${DEMO_TICKET_COLUMNS.join(",")}\n`);
  for (const t of tickets) if (!out.write(`${ticketCsvLine(t)}\n`)) await once(out, "drain");
  out.end();
  await once(out, "finish");
  return tickets.length;
}

async function openFor(engine: Engine, dir: string): Promise<Database> {
  if (engine === "pglite") return openDatabase({ pgliteDir: path.join(dir, "pglite") });
  const server = process.env.DATABASE_URL!;
  const name = `sb_bench_${crypto.randomBytes(4).toString("hex")}`;
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  return {
    ...database,
    async close() {
      await database.close();
      const dropper = postgres(server, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`drop database if exists "${name}" with (force)`);
      await dropper.end();
    },
  };
}

export async function measure(engine: Engine): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(path.join(tmpdir(), "switchboard-bench-"));
  const file = path.join(dir, "tickets.csv");
  const written = await writeCsv(file);
  const database = await openFor(engine, dir);
  try {
    const db = database.db;
    const { id: workflowId, versionId } = await createWorkflow(db, null, {
      name: "Support triage (embedded)",
      graph: supportTriageWithEmbeddedModel(),
    });
    await db.insert(validationCriteria).values({
      id: crypto.randomUUID(),
      workflowId,
      version: 1,
      minAutoAccuracy: 0.9,
      maxEscalationRate: 0.3,
    });

    const started = performance.now();
    const imported = await importDataset(db, {
      name: "bench",
      mapping: DEMO_MAPPING,
      source: createReadStream(file),
    });
    const importSeconds = (performance.now() - started) / 1000;
    const { runId } = await startBacktest(
      db,
      null,
      { workflowId, versionId, datasetId: imported.datasetId, readsFixture: DEMO_READS_FIXTURE },
      { launch: false },
    );
    const status = await executeBacktest(db, runId, { batchSize: 4000 });
    const run = await getRun(db, runId);
    const seconds = (performance.now() - started) / 1000;
    const [state] = await db
      .select({
        engineMs: sql<number>`(${backtestRuns.state}->>'engineMs')::float8`,
        runner: sql<string | null>`${backtestRuns.state}->>'runner'`,
      })
      .from(backtestRuns)
      .where(eq(backtestRuns.id, runId));
    const [model] = await db.select({ ms: trainedModels.trainingMs }).from(trainedModels);
    if (status !== "done" || !run.metrics)
      throw new Error(`the backtest ended ${status}: ${run.error ?? ""}`);
    return {
      bench: "backtest.e2e",
      engine,
      engine_thread: state?.runner === "thread",
      items: run.metrics.items,
      imported: imported.report.imported,
      written,
      seconds: round(seconds, 2),
      items_per_s: Math.round(run.metrics.items / seconds),
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
      import_seconds: round(importSeconds, 2),
      backtest_seconds: round(seconds - importSeconds, 2),
      train_seconds: round((model?.ms ?? 0) / 1000, 2),
      engine_seconds: round((state?.engineMs ?? 0) / 1000, 2),
      trained_on: run.trainedModels[0]?.trainingSize ?? 0,
      auto_accuracy: round(run.metrics.autoAccuracy ?? 0, 4),
      escalation_rate: round(run.metrics.escalationRate, 4),
    };
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * backtest.import-1m (only with BENCH_IMPORT_1M=1, it takes a minute or more): a 1,000,000-row, ~200 MB CSV
 * streamed into the embedded database, to show memory stays bounded whatever the file size.
 */
export async function measureLargeImport(): Promise<Record<string, unknown>> {
  const rows = 1_000_000;
  const dir = mkdtempSync(path.join(tmpdir(), "switchboard-bench-1m-"));
  const file = path.join(dir, "big.csv");
  const out = createWriteStream(file);
  out.write("id,created_at,subject,body,tier,outcome\n");
  const teams = ["billing-team", "tech-support", "accounts", "logistics", "product"];
  const filler =
    "My invoice shows a charge I do not recognise, and the app crashed twice while I was trying to download it. ".repeat(
      1,
    );
  for (let i = 0; i < rows; i++) {
    const line = `T-${i},${new Date(Date.UTC(2024, 0, 1) + i * 30_000).toISOString()},Subject ${i % 500},"${filler}Ticket ${i}, tier ${i % 3}.",${i % 3 === 0 ? "pro" : "free"},${teams[i % 5]}\n`;
    if (!out.write(line)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  const { size } = await import("node:fs/promises").then((fs) => fs.stat(file));
  const database = await openDatabase({ pgliteDir: path.join(dir, "pglite") });
  try {
    let peakHeap = process.memoryUsage().heapUsed;
    const started = performance.now();
    const result = await importDataset(database.db, {
      name: "1m",
      mapping: {
        format: "csv",
        id: "id",
        at: "created_at",
        dateFormat: "iso",
        label: "outcome",
        text: "body",
      },
      source: createReadStream(file),
      onProgress: () => {
        peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      },
    });
    const seconds = (performance.now() - started) / 1000;
    return {
      bench: "backtest.import-1m",
      engine: "pglite",
      rows: result.report.imported,
      file_mb: Math.round(size / 1024 / 1024),
      seconds: round(seconds, 1),
      rows_per_s: Math.round(result.report.imported / seconds),
      peak_heap_mb: Math.round(peakHeap / 1024 / 1024),
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function measureInChild(engine: Engine | "import-1m", engineThread = true): Record<string, unknown> {
  // With the flags `npm start` and `npm run worker` give the server processes that run backtests.
  const child = spawnSync(process.execPath, [...SERVER_NODE_FLAGS, "--import", "tsx", __filename, engine], {
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
    env: { ...process.env, SWITCHBOARD_BACKTEST_THREAD: engineThread ? "1" : "0" },
  });
  const line = child.stdout.trim().split("\n").pop() ?? "";
  if (child.status !== 0 || !line.startsWith("{"))
    throw new Error(`backtest.e2e (${engine}) failed:\n${child.stderr}`);
  return JSON.parse(line) as Record<string, unknown>;
}

export async function run(): Promise<Record<string, unknown>> {
  const engines: (Engine | "import-1m")[] = process.env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
  if (process.env.BENCH_IMPORT_1M === "1") engines.push("import-1m");
  // Each engine with the engine thread (opt-in) and without it (the default), side by side in one run.
  const results = engines.flatMap((engine) =>
    engine === "import-1m"
      ? [measureInChild(engine)]
      : [measureInChild(engine), measureInChild(engine, false)],
  );
  // bench/run.ts prints what run() returns; the other engines' lines go out first, one each.
  for (const result of results.slice(0, -1)) process.stdout.write(`${JSON.stringify(result)}\n`);
  return results[results.length - 1]!;
}

const which = process.argv[2];
if (require.main === module && (which === "pglite" || which === "postgres" || which === "import-1m")) {
  (which === "import-1m" ? measureLargeImport() : measure(which)).then(
    (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
    (error: unknown) => {
      process.stderr.write(
        `${(error instanceof Error ? (error.stack ?? error.message) : String(error)).slice(0, 4000)}\n`,
      );
      process.exit(1);
    },
  );
}
