import { databaseUrl } from "./config";
import { DatabaseConnectError, redactUrl } from "./db/client";
import { getDatabase } from "./db";
import { resumeInterruptedBacktests } from "./services/backtests/background";

export async function startDatabase(): Promise<void> {
  try {
    const database = await getDatabase();
    console.log(`[switchboard] database ready: ${database.engine} at ${database.location}`);
    // Backtests left running by a stopped server go on from their last checkpoint.
    const resumed = await resumeInterruptedBacktests(database.db);
    if (resumed.length > 0) console.log(`[switchboard] resumed ${resumed.length} interrupted backtest(s)`);
  } catch (error) {
    console.error(`[switchboard] cannot start: ${startupFailure(error)}`);
    process.exit(1);
  }
}

function startupFailure(error: unknown): string {
  if (error instanceof DatabaseConnectError) return error.message;
  const url = databaseUrl();
  const where = url ? `the database at ${redactUrl(url)}` : "the embedded database";
  const reason = error instanceof Error ? error.message : String(error);
  return `${where} failed: ${reason.split("\n")[0]}`;
}
