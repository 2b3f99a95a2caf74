import { and, asc, desc, eq, gt, inArray, ne, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { backtestResults, datasetRows } from "../../../db/schema";

export type MismatchKind = "wrong" | "escalated" | "error" | "deferred";

export interface MismatchFilter {
  runId: string;
  /** Which kinds of difference; all of them by default. */
  kinds?: MismatchKind[];
  actual?: string;
  predicted?: string;
  /** The seq of the last item of the previous page. */
  after?: number;
  limit?: number;
}

const ALL_KINDS: MismatchKind[] = ["wrong", "escalated", "error", "deferred"];

/** How often each (actual → predicted) pair differs, most frequent first: the explorer's filter. */
export async function mismatchPairs(db: Db, runId: string) {
  return db
    .select({
      actual: backtestResults.actualLabel,
      predicted: backtestResults.predictedLabel,
      kind: backtestResults.kind,
      count: sql<number>`count(*)::int`,
    })
    .from(backtestResults)
    .where(and(eq(backtestResults.runId, runId), ne(backtestResults.kind, "correct")))
    .groupBy(backtestResults.actualLabel, backtestResults.predictedLabel, backtestResults.kind)
    .orderBy(desc(sql`count(*)`))
    .limit(200);
}

/**
 * Items whose outcome differs from what happened (wrong auto-handled ones, escalations, errors), in time
 * order, a page at a time, each with its stored trace and what the item said.
 */
export async function listMismatches(db: Db, filter: MismatchFilter) {
  const limit = Math.min(filter.limit ?? 25, 100);
  const conditions = [
    eq(backtestResults.runId, filter.runId),
    inArray(backtestResults.kind, filter.kinds && filter.kinds.length > 0 ? filter.kinds : ALL_KINDS),
  ];
  if (filter.actual !== undefined) conditions.push(eq(backtestResults.actualLabel, filter.actual));
  if (filter.predicted !== undefined) conditions.push(eq(backtestResults.predictedLabel, filter.predicted));
  const [{ total } = { total: 0 }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(backtestResults)
    .where(and(...conditions));
  if (filter.after !== undefined) conditions.push(gt(backtestResults.seq, filter.after));
  const rows = await db
    .select({
      rowId: backtestResults.rowId,
      seq: backtestResults.seq,
      itemId: datasetRows.itemId,
      occurredAt: datasetRows.occurredAt,
      actualLabel: backtestResults.actualLabel,
      predictedLabel: backtestResults.predictedLabel,
      kind: backtestResults.kind,
      reasonType: backtestResults.reasonType,
      nodeId: backtestResults.nodeId,
      trace: backtestResults.trace,
      text: datasetRows.text,
      fields: datasetRows.fields,
    })
    .from(backtestResults)
    .innerJoin(datasetRows, eq(datasetRows.id, backtestResults.rowId))
    .where(and(...conditions))
    .orderBy(asc(backtestResults.seq))
    .limit(limit + 1);
  const page = rows.slice(0, limit).map((r) => ({
    ...r,
    fields: preview(r.fields),
    text: r.text && r.text.length > 600 ? `${r.text.slice(0, 597)}…` : r.text,
  }));
  return { total, items: page, nextAfter: rows.length > limit ? page[page.length - 1]!.seq : null };
}

/** Fields shown beside a mismatch: short values only, so a page stays small. */
function preview(fields: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === null || value === undefined) continue;
    const text = String(value);
    out[key] = text.length > 120 ? `${text.slice(0, 117)}…` : text;
  }
  return out;
}
