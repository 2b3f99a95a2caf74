import { databaseUrl } from "../config";
import { DatabaseConnectError, openDatabase, redactUrl } from "../db/client";
import { startItemWorker } from "../services/queue/item-worker";
import { startSlaSweeper } from "../services/reviews/sla-sweeper";
import { workerOptions } from "./worker-options";

/**
 * `npm run worker`: one worker process. Start as many as the load needs, on any machine that reaches the
 * Postgres server; they share the queue. SIGTERM (or Ctrl-C) lets the batches in hand commit, then exits.
 */
const log = (message: string) => console.log(`[switchboard worker ${process.pid}] ${message}`);

async function main(): Promise<void> {
  const url = databaseUrl();
  if (!url) {
    console.error(
      "[switchboard worker] needs DATABASE_URL: the embedded database belongs to the app, which runs its own worker. " +
        "To run separate workers, point the app and every worker at one Postgres server.",
    );
    process.exit(1);
  }
  const database = await openDatabase({ url }).catch((error: unknown) => {
    const reason =
      error instanceof DatabaseConnectError ? error.message : `${redactUrl(url)}: ${String(error)}`;
    console.error(`[switchboard worker] cannot start: ${reason}`);
    process.exit(1);
  });
  const worker = await startItemWorker(database, workerOptions(database, log));
  const sweeper = startSlaSweeper(database.db, { log });
  log(`taking items from ${database.location}`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: finishing the items in hand`);
    sweeper.stop();
    await worker.stop();
    await database.close();
    log(`stopped after committing ${worker.committed} item(s)`);
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

void main();
