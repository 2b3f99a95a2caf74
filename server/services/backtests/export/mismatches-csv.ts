import { and, asc, eq, gt, inArray } from "drizzle-orm";
import Papa from "papaparse";
import type { Db } from "../../../db/client";
import { backtestResults, backtestRuns, datasetRows } from "../../../db/schema";
import type { SessionUser } from "../../../trpc";
import type { MismatchKind } from "../queries/mismatches";
import { escapeFormulaCell } from "./escape-formula-cell";

const ALLOWED_ROLES = ["admin", "owner"];
const ALL_KINDS: MismatchKind[] = ["wrong", "escalated", "error", "deferred"];
/** Rows read per query: the file streams out a page at a time, so its size does not weigh on memory. */
const PAGE = 1_000;

export const MISMATCH_CSV_COLUMNS = [
  "item_id",
  "occurred_at",
  "actual",
  "workflow",
  "kind",
  "reason_type",
  "node",
  "why",
  "text",
  "fields",
] as const;

export interface MismatchCsvFilter {
  runId: string;
  kinds?: MismatchKind[];
  actual?: string;
  predicted?: string;
}

/** The explorer's filter from a query string (`kind=wrong&kind=escalated&actual=…&predicted=…`). */
export function mismatchCsvFilter(runId: string, params: URLSearchParams): MismatchCsvFilter | string {
  const kinds = params.getAll("kind");
  const unknown = kinds.filter((k) => !(ALL_KINDS as string[]).includes(k));
  if (unknown.length > 0) return `Unknown kind ${unknown.join(", ")}: use ${ALL_KINDS.join(", ")}.`;
  const actual = params.get("actual") ?? undefined;
  const predicted = params.get("predicted") ?? undefined;
  if ((actual?.length ?? 0) > 200 || (predicted?.length ?? 0) > 200)
    return "A label is at most 200 characters.";
  return { runId, kinds: kinds as MismatchKind[], actual, predicted };
}

/** Every text cell escaped against formula injection, then quoted as CSV needs. */
function csvLines(rows: (string | number)[][]): string {
  const escaped = rows.map((row) =>
    row.map((cell) => (typeof cell === "string" ? escapeFormulaCell(cell) : cell)),
  );
  return `${Papa.unparse(escaped, { header: false, newline: "\r\n" })}\r\n`;
}

/**
 * The run's mismatches as CSV text, a page at a time (keyset on the result's sequence number): the same
 * items, in the same order, as the mismatch explorer shows for the same filter, with full text and fields.
 */
export async function* mismatchCsvChunks(db: Db, filter: MismatchCsvFilter): AsyncGenerator<string> {
  // A BOM, so spreadsheet programs read the file as UTF-8.
  yield `\uFEFF${csvLines([[...MISMATCH_CSV_COLUMNS]])}`;
  const conditions = [
    eq(backtestResults.runId, filter.runId),
    inArray(backtestResults.kind, filter.kinds && filter.kinds.length > 0 ? filter.kinds : ALL_KINDS),
  ];
  if (filter.actual !== undefined) conditions.push(eq(backtestResults.actualLabel, filter.actual));
  if (filter.predicted !== undefined) conditions.push(eq(backtestResults.predictedLabel, filter.predicted));
  let after = -1;
  for (;;) {
    const page = await db
      .select({
        seq: backtestResults.seq,
        itemId: datasetRows.itemId,
        occurredAt: datasetRows.occurredAt,
        actual: backtestResults.actualLabel,
        predicted: backtestResults.predictedLabel,
        kind: backtestResults.kind,
        reasonType: backtestResults.reasonType,
        nodeId: backtestResults.nodeId,
        trace: backtestResults.trace,
        text: datasetRows.text,
        fields: datasetRows.fields,
      })
      .from(backtestResults)
      .innerJoin(datasetRows, eq(datasetRows.id, backtestResults.rowId))
      .where(and(...conditions, gt(backtestResults.seq, after)))
      .orderBy(asc(backtestResults.seq))
      .limit(PAGE);
    if (page.length === 0) return;
    yield csvLines(
      page.map((r) => [
        r.itemId,
        r.occurredAt.toISOString(),
        r.actual,
        r.predicted,
        r.kind,
        r.reasonType ?? "",
        r.nodeId ?? "",
        r.trace?.reason ?? "",
        r.text ?? "",
        Object.keys(r.fields).length > 0 ? JSON.stringify(r.fields) : "",
      ]),
    );
    if (page.length < PAGE) return;
    after = page[page.length - 1]!.seq;
  }
}

function jsonError(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status });
}

/** GET /api/backtests/{runId}/mismatches.csv: owners and admins, as the explorer; streamed. */
export async function mismatchesCsvResponse(
  db: Db,
  user: SessionUser | null,
  runId: string,
  params: URLSearchParams,
): Promise<Response> {
  if (!user) return jsonError(401, "UNAUTHORIZED", "Sign in to continue.");
  if (!ALLOWED_ROLES.includes(user.role))
    return jsonError(403, "FORBIDDEN", "Your role does not allow this action.");
  const filter = mismatchCsvFilter(runId, params);
  if (typeof filter === "string") return jsonError(400, "BAD_REQUEST", filter);
  const [run] = await db
    .select({ number: backtestRuns.number })
    .from(backtestRuns)
    .where(eq(backtestRuns.id, runId));
  if (!run) return jsonError(404, "NOT_FOUND", "There is no backtest run with this id.");

  const chunks = mismatchCsvChunks(db, filter);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="backtest-${run.number}-mismatches.csv"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
