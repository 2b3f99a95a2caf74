import crypto from "node:crypto";
import { TRPCError } from "@trpc/server";
import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { datasetRows, datasets } from "../../db/schema";
import { isUniqueViolation } from "../workflows/errors";
import { FieldStatsCollector } from "./field-stats";
import { canonicalMapping, mappedColumns } from "./mapping-schema";
import { pgArray, rowsOf } from "./pg-array";
import { readCsvRecords, readJsonLines, SourceMeter, type SourceRecord } from "./read-records";
import { createRowConverter, type CaseRow } from "./row-to-case";
import type { BadRow, BadRowReason, DatasetMapping, ImportReport } from "./types";

export interface ImportProgress {
  bytes: number;
  rowsRead: number;
  imported: number;
}

export interface ImportDatasetInput {
  name: string;
  sourceName?: string;
  mapping: DatasetMapping;
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;
  createdBy?: string | null;
  /** sha256 of the file when the caller could hash it first (the CLI): a re-import then reads nothing. */
  fileHash?: string;
  onProgress?: (progress: ImportProgress) => void;
  /** Rows per INSERT statement. */
  batchSize?: number;
}

export interface ImportDatasetResult {
  datasetId: string;
  /** True when the same file with the same mapping was imported before: nothing changed. */
  alreadyImported: boolean;
  status: "ready" | "failed";
  report: ImportReport;
}

/** Bad rows listed one by one in the stored report; the rest are only counted. */
export const MAX_LISTED_BAD_ROWS = 500;
const DEFAULT_BATCH = 2000;

export function contentHashOf(fileHash: string, mapping: DatasetMapping): string {
  return crypto
    .createHash("sha256")
    .update(fileHash)
    .update("\n")
    .update(canonicalMapping(mapping))
    .digest("hex");
}

async function findReady(db: Db, contentHash: string) {
  const [existing] = await db
    .select({ id: datasets.id, report: datasets.report })
    .from(datasets)
    .where(and(eq(datasets.contentHash, contentHash), isNotNull(datasets.contentHash)));
  return existing;
}

class ReportBuilder {
  rowsRead = 0;
  imported = 0;
  readonly badByReason: Partial<Record<BadRowReason, number>> = {};
  readonly badRows: BadRow[] = [];
  omitted = 0;

  bad(row: BadRow): void {
    this.badByReason[row.reason] = (this.badByReason[row.reason] ?? 0) + 1;
    if (this.badRows.length < MAX_LISTED_BAD_ROWS) this.badRows.push(row);
    else this.omitted++;
  }

  get badCount(): number {
    return Object.values(this.badByReason).reduce((a, b) => a + (b ?? 0), 0);
  }

  build(seconds: number): ImportReport {
    const badRows = [...this.badRows].sort((a, b) => a.line - b.line);
    return {
      rowsRead: this.rowsRead,
      imported: this.imported,
      badByReason: this.badByReason,
      badRows,
      omitted: this.omitted,
      seconds,
    };
  }
}

/**
 * Streams a CSV or JSON Lines file into a dataset: rows are parsed one at a time and written in multi-row
 * batches, so memory stays bounded whatever the size. Bad rows (wrong column count, unparsable date, missing
 * outcome, duplicate id) are reported with their line number and the rest imported. The same file with the
 * same mapping imported again changes nothing and answers the earlier dataset.
 */
export async function importDataset(db: Db, input: ImportDatasetInput): Promise<ImportDatasetResult> {
  const started = performance.now();
  if (input.fileHash) {
    const existing = await findReady(db, contentHashOf(input.fileHash, input.mapping));
    if (existing?.report)
      return { datasetId: existing.id, alreadyImported: true, status: "ready", report: existing.report };
  }
  const datasetId = crypto.randomUUID();
  await db.insert(datasets).values({
    id: datasetId,
    name: input.name,
    sourceName: input.sourceName ?? "",
    mapping: input.mapping,
    status: "importing",
    createdBy: input.createdBy ?? null,
  });

  const report = new ReportBuilder();
  const meter = new SourceMeter();
  const stats = new FieldStatsCollector();
  const convert = createRowConverter(input.mapping);
  const batchSize = input.batchSize ?? DEFAULT_BATCH;
  let columns: string[] = [];
  // One insert in flight while the next batch is parsed (on a Postgres server the two overlap); inserts
  // still run one after the other, in file order, so duplicates are found as in a plain loop.
  let inFlight: Promise<void> = Promise.resolve();

  try {
    const records: AsyncGenerator<SourceRecord> =
      input.mapping.format === "csv"
        ? readCsvRecords(input.source, meter, (header) => {
            columns = header;
            const absent = mappedColumns(input.mapping).filter((c) => !header.includes(c));
            if (absent.length > 0) {
              throw new TRPCError({
                code: "BAD_REQUEST",
                message: `The file has no column ${absent.map((c) => `"${c}"`).join(", ")}. Its columns are: ${header.join(", ")}.`,
              });
            }
          })
        : readJsonLines(input.source, meter, (column) => columns.push(column));

    let batch: CaseRow[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const rows = batch;
      batch = [];
      await inFlight;
      inFlight = insertBatch(db, datasetId, rows, report).then(() => {
        stats.addAll(rows);
        input.onProgress?.({ bytes: meter.bytes, rowsRead: report.rowsRead, imported: report.imported });
      });
      // Awaited by the next flush or at the end; this only keeps a failure from counting as unhandled.
      inFlight.catch(() => undefined);
    };
    for await (const record of records) {
      report.rowsRead++;
      if ("problem" in record) {
        report.bad({ line: record.line, ...record.problem });
        continue;
      }
      const converted = convert(record.values, record.line);
      if (!converted.ok) {
        report.bad({
          line: record.line,
          reason: converted.reason,
          message: converted.message,
          itemId: converted.itemId,
        });
        continue;
      }
      batch.push(converted.row);
      if (batch.length >= batchSize) await flush();
    }
    await flush();
    await inFlight;
  } catch (error) {
    await inFlight.catch(() => undefined);
    await db.delete(datasetRows).where(eq(datasetRows.datasetId, datasetId));
    const message = error instanceof Error ? error.message : String(error);
    await db
      .update(datasets)
      .set({
        status: "failed",
        error: message,
        columns,
        bytes: meter.bytes,
        finishedAt: sql`now()`,
        report: report.build((performance.now() - started) / 1000),
      })
      .where(eq(datasets.id, datasetId));
    throw error;
  }

  const contentHash = contentHashOf(meter.digest(), input.mapping);
  const existing = await findReady(db, contentHash);
  if (existing?.report) {
    await discard(db, datasetId);
    return { datasetId: existing.id, alreadyImported: true, status: "ready", report: existing.report };
  }

  const summary = await summariseRows(db, datasetId);
  const finalReport = report.build((performance.now() - started) / 1000);
  const status = report.imported > 0 ? "ready" : "failed";
  try {
    await db
      .update(datasets)
      .set({
        status,
        contentHash: status === "ready" ? contentHash : null,
        error:
          status === "failed" ? "No row could be imported: see the report for each line's reason." : null,
        columns,
        bytes: meter.bytes,
        rowCount: summary.count,
        badRowCount: report.badCount,
        firstAt: summary.firstAt,
        lastAt: summary.lastAt,
        labelCounts: summary.labelCounts,
        fieldStats: stats.result(),
        report: finalReport,
        finishedAt: sql`now()`,
      })
      .where(eq(datasets.id, datasetId));
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Someone imported the same file at the same moment and finished first.
    await discard(db, datasetId);
    const winner = await findReady(db, contentHash);
    if (!winner?.report) throw error;
    return { datasetId: winner.id, alreadyImported: true, status: "ready", report: winner.report };
  }
  return { datasetId, alreadyImported: false, status, report: finalReport };
}

async function insertBatch(
  db: Db,
  datasetId: string,
  batch: CaseRow[],
  report: ReportBuilder,
): Promise<void> {
  // Duplicates inside the batch first; the unique index catches those of earlier batches.
  const firstLine = new Map<string, number>();
  const unique: CaseRow[] = [];
  for (const row of batch) {
    const earlier = firstLine.get(row.itemId);
    if (earlier !== undefined) {
      report.bad({
        line: row.line,
        reason: "duplicate_id",
        itemId: row.itemId,
        message: `item id "${row.itemId}" was already on line ${earlier}`,
      });
    } else {
      firstLine.set(row.itemId, row.line);
      unique.push(row);
    }
  }
  const json = (value: unknown) => (value === null ? null : JSON.stringify(value));
  const inserted = rowsOf<{ item_id: string }>(
    await db.execute(sql`
      insert into dataset_rows (dataset_id, item_id, line, occurred_at, label, outcome_type, text, fields, reads)
      select ${datasetId}, * from unnest(
        ${pgArray(unique.map((r) => r.itemId))}::text[],
        ${pgArray(unique.map((r) => r.line))}::int[],
        ${pgArray(unique.map((r) => r.occurredAt.toISOString()))}::timestamptz[],
        ${pgArray(unique.map((r) => r.label))}::text[],
        ${pgArray(unique.map((r) => r.actual.type ?? null))}::text[],
        ${pgArray(unique.map((r) => r.text))}::text[],
        ${pgArray(unique.map((r) => json(r.fields)))}::json[],
        ${pgArray(unique.map((r) => json(r.reads)))}::json[])
      on conflict (dataset_id, item_id) do nothing
      returning item_id`),
  ).map((r) => ({ itemId: r.item_id }));
  report.imported += inserted.length;
  if (inserted.length === unique.length) return;
  const kept = new Set(inserted.map((r) => r.itemId));
  const clashing = unique.filter((row) => !kept.has(row.itemId));
  const earlier = await db
    .select({ itemId: datasetRows.itemId, line: datasetRows.line })
    .from(datasetRows)
    .where(
      and(
        eq(datasetRows.datasetId, datasetId),
        inArray(
          datasetRows.itemId,
          clashing.map((r) => r.itemId),
        ),
      ),
    );
  const lineOf = new Map(earlier.map((r) => [r.itemId, r.line]));
  for (const row of clashing) {
    const first = lineOf.get(row.itemId);
    report.bad({
      line: row.line,
      reason: "duplicate_id",
      itemId: row.itemId,
      message:
        first === undefined
          ? `item id "${row.itemId}" appears more than once`
          : `item id "${row.itemId}" was already on line ${first}`,
    });
  }
  // Remember the duplicates so their labels and fields are not counted twice in the statistics.
  batch.length = 0;
  batch.push(...unique.filter((row) => kept.has(row.itemId)));
}

/** Rows first: they have no foreign key to cascade from. */
export async function discard(db: Db, datasetId: string): Promise<void> {
  await db.delete(datasetRows).where(eq(datasetRows.datasetId, datasetId));
  await db.delete(datasets).where(eq(datasets.id, datasetId));
}

async function summariseRows(db: Db, datasetId: string) {
  const [range] = await db
    .select({
      count: sql<number>`count(*)::int`,
      firstAt: sql<string | null>`min(${datasetRows.occurredAt})`,
      lastAt: sql<string | null>`max(${datasetRows.occurredAt})`,
    })
    .from(datasetRows)
    .where(eq(datasetRows.datasetId, datasetId));
  const labels = await db
    .select({ label: datasetRows.label, count: sql<number>`count(*)::int` })
    .from(datasetRows)
    .where(eq(datasetRows.datasetId, datasetId))
    .groupBy(datasetRows.label);
  return {
    count: range?.count ?? 0,
    firstAt: range?.firstAt ? new Date(range.firstAt) : null,
    lastAt: range?.lastAt ? new Date(range.lastAt) : null,
    labelCounts: Object.fromEntries(labels.sort((a, b) => b.count - a.count).map((l) => [l.label, l.count])),
  };
}
