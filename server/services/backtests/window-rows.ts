import { and, asc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { datasetRows } from "../../db/schema";

export interface WindowCursor {
  at: Date;
  rowId: number;
}

/** The next rows of a window in time order (ties by id), after the cursor: how runs read and resume. */
export function fetchWindowRows(
  db: Db,
  datasetId: string,
  from: Date,
  to: Date,
  cursor: WindowCursor | null,
  limit: number,
) {
  // A row comparison, so the (dataset, time, id) index serves it as one range scan.
  const after: SQL | undefined = cursor
    ? sql`(${datasetRows.occurredAt}, ${datasetRows.id}) > (${cursor.at.toISOString()}::timestamptz, ${cursor.rowId}::bigint)`
    : undefined;
  return db
    .select({
      id: datasetRows.id,
      itemId: datasetRows.itemId,
      occurredAt: datasetRows.occurredAt,
      label: datasetRows.label,
      outcomeType: datasetRows.outcomeType,
      text: datasetRows.text,
      fields: datasetRows.fields,
      reads: datasetRows.reads,
    })
    .from(datasetRows)
    .where(
      and(
        eq(datasetRows.datasetId, datasetId),
        gte(datasetRows.occurredAt, from),
        lt(datasetRows.occurredAt, to),
        after,
      ),
    )
    .orderBy(asc(datasetRows.occurredAt), asc(datasetRows.id))
    .limit(limit);
}

export type WindowRow = Awaited<ReturnType<typeof fetchWindowRows>>[number];

export async function countWindowRows(db: Db, datasetId: string, from: Date, to: Date): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(datasetRows)
    .where(
      and(
        eq(datasetRows.datasetId, datasetId),
        gte(datasetRows.occurredAt, from),
        lt(datasetRows.occurredAt, to),
      ),
    );
  return row?.count ?? 0;
}
