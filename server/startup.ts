import { databaseUrl } from "./config";
import { DatabaseConnectError, redactUrl } from "./db/client";
import { getDatabase } from "./db";
import type { Database } from "./db/client";
import { resumeInterruptedBacktests } from "./services/backtests/background";
import { startItemWorker } from "./services/queue/item-worker";
import { startSlaSweeper } from "./services/reviews/sla-sweeper";
import { workerOptions } from "./worker/worker-options";

export async function startDatabase(): Promise<void> {
  try {
    const database = await getDatabase();
    console.log(`[switchboard] database ready: ${database.engine} at ${database.location}`);
    // Backtests left running by a stopped server go on from their last checkpoint.
    const resumed = await resumeInterruptedBacktests(database.db);
    if (resumed.length > 0) console.log(`[switchboard] resumed ${resumed.length} interrupted backtest(s)`);
    await startInProcessWorker(database);
  } catch (error) {
    console.error(`[switchboard] cannot start: ${startupFailure(error)}`);
    process.exit(1);
  }
}

/**
 * The app runs one worker itself, so `npm start` alone processes items (the only way with the embedded
 * database). With a Postgres server, set SWITCHBOARD_IN_PROCESS_WORKER=false and run `npm run worker`s.
 */
async function startInProcessWorker(database: Database): Promise<void> {
  if (process.env.SWITCHBOARD_IN_PROCESS_WORKER === "false") return;
  const globalForWorker = globalThis as unknown as { switchboardWorker?: unknown };
  if (globalForWorker.switchboardWorker) return;
  const log = (message: string) => console.log(`[switchboard worker] ${message}`);
  globalForWorker.switchboardWorker = await startItemWorker(database, workerOptions(database, log));
  startSlaSweeper(database.db, { log });
  console.log("[switchboard] worker running in the app process");
}

function startupFailure(error: unknown): string {
  if (error instanceof DatabaseConnectError) return error.message;
  const url = databaseUrl();
  const where = url ? `the database at ${redactUrl(url)}` : "the embedded database";
  const reason = error instanceof Error ? error.message : String(error);
  return `${where} failed: ${reason.split("\n")[0]}`;
}
