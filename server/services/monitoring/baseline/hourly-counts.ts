import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { datasetRows, items } from "../../../db/schema";

const WEEK = 7 * 86_400_000;
/** The shadow weeks a baseline counts: enough for every hour of the week, before the workflow changes much. */
const SHADOW_WEEKS = 4;

interface HourlyCounts {
  counts: Map<number, number>;
  fromMs: number;
  toMs: number;
}

function collect(rows: { hour: Date | string; count: number }[]): HourlyCounts | null {
  if (rows.length === 0) return null;
  const counts = new Map<number, number>();
  for (const row of rows) counts.set(new Date(row.hour).getTime(), Number(row.count));
  const hours = [...counts.keys()];
  return { counts, fromMs: Math.min(...hours), toMs: Math.max(...hours) + 3_600_000 };
}

/** A historical dataset's arrivals per clock hour, counted by the database (datasets may hold millions of rows). */
export async function datasetHourlyCounts(db: Db, datasetId: string): Promise<HourlyCounts | null> {
  const hour = sql<Date>`date_trunc('hour', ${datasetRows.occurredAt})`;
  const rows = await db
    .select({ hour, count: sql<number>`count(*)::int` })
    .from(datasetRows)
    .where(eq(datasetRows.datasetId, datasetId))
    .groupBy(hour);
  return collect(rows);
}

/** The first weeks of a workflow's shadow items per clock hour (when no dataset says what volume is normal). */
export async function shadowHourlyCounts(db: Db, workflowId: string): Promise<HourlyCounts | null> {
  const [first] = await db
    .select({ at: sql<Date | null>`min(${items.receivedAt})` })
    .from(items)
    .where(and(eq(items.workflowId, workflowId), eq(items.mode, "shadow")));
  if (!first?.at) return null;
  const until = new Date(new Date(first.at).getTime() + SHADOW_WEEKS * WEEK);
  const hour = sql<Date>`date_trunc('hour', ${items.receivedAt})`;
  const rows = await db
    .select({ hour, count: sql<number>`count(*)::int` })
    .from(items)
    .where(
      and(eq(items.workflowId, workflowId), eq(items.mode, "shadow"), sql`${items.receivedAt} < ${until}`),
    )
    .groupBy(hour);
  return collect(rows);
}
