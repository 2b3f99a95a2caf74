import { sql, type SQL } from "drizzle-orm";
import type { Database, Db } from "../../db/client";
import { jobQueueParameter, type SqlExecutor } from "../../db/job-queue";

const PLACEHOLDER = /\$(\d+)/g;

/** pg-boss writes `$1`-style SQL; Drizzle's `sql` builder numbers parameters itself, so rebuild the query. */
function toDrizzleSql(text: string, values: readonly unknown[]): SQL {
  const chunks: SQL[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    chunks.push(sql.raw(text.slice(last, match.index)));
    chunks.push(sql`${sql.param(jobQueueParameter(values[Number(match[1]) - 1]))}`);
    last = match.index + match[0].length;
  }
  chunks.push(sql.raw(text.slice(last)));
  return sql.join(chunks);
}

function rowsOf(result: unknown): Record<string, unknown>[] {
  const rows = Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
  return rows as Record<string, unknown>[];
}

/**
 * pg-boss over one of our Drizzle handles: the database, or a transaction, so that a job is inserted or
 * completed in the same transaction as the rows it belongs to.
 */
export function sqlExecutorFor(db: Db): SqlExecutor {
  return {
    async executeSql(text, values = []) {
      return { rows: rowsOf(await db.execute(toDrizzleSql(text, values))) };
    },
  };
}

/** For pg-boss's own upkeep, whose maintenance commands are scripts of several statements. */
export function maintenanceExecutorFor(database: Database): SqlExecutor {
  const parameterised = sqlExecutorFor(database.db);
  return {
    executeSql(text, values = []) {
      return values.length === 0 ? database.runScript(text) : parameterised.executeSql(text, values);
    },
  };
}
