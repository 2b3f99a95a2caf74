import Papa from "papaparse";
import { escapeFormulaCell } from "@/server/services/backtests/export/escape-formula-cell";
import { guessDateFormat, parseDate } from "@/server/services/datasets/parse-date";
import type { DateFormat } from "@/server/services/datasets/types";
import type { UploadField } from "@/server/services/items/upload-target";

/** A data row of the file; `row` counts as a spreadsheet does (the header is row 1). */
export interface CsvRow {
  row: number;
  values: Record<string, string>;
}
export interface ParsedCsv {
  columns: string[];
  rows: CsvRow[];
  /** Rows that could not be read as records of the header's columns: reported, never sent. */
  unreadable: { row: number; message: string }[];
}

/** Trigger field name → the column it is read from ("" or absent: not mapped). */
export type ColumnMapping = Record<string, string>;

/** Blank headers get a name, repeated ones a suffix, so every column can be told apart. */
export function headerColumns(raw: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((value, i) => {
    const base = value.replace(/^\uFEFF/, "").trim() || `column_${i + 1}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}_${count}`;
  });
}

export function parseCsv(text: string): ParsedCsv {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: "greedy" });
  const [header = [], ...records] = parsed.data;
  const columns = headerColumns(header);
  const rows: CsvRow[] = [];
  const unreadable: ParsedCsv["unreadable"] = [];
  const broken = new Map<number, string>();
  for (const error of parsed.errors) {
    // Papa counts records from 0 with the header as record 0.
    if (typeof error.row === "number" && error.row > 0 && !broken.has(error.row))
      broken.set(error.row, error.message);
  }
  records.forEach((record, i) => {
    const row = i + 2;
    const problem = broken.get(i + 1);
    if (problem) unreadable.push({ row, message: problem });
    else if (record.length !== columns.length)
      unreadable.push({
        row,
        message: `The row has ${record.length} ${record.length === 1 ? "cell" : "cells"}; the header has ${columns.length}.`,
      });
    else rows.push({ row, values: Object.fromEntries(columns.map((c, j) => [c, record[j] ?? ""])) });
  });
  return { columns, rows, unreadable };
}

const normalise = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");

/** Each field from the column of the same name (or the field's label), case and punctuation aside. */
export function suggestMapping(columns: readonly string[], fields: readonly UploadField[]): ColumnMapping {
  const byName = new Map<string, string>();
  for (const column of columns) if (!byName.has(normalise(column))) byName.set(normalise(column), column);
  const taken = new Set<string>();
  const mapping: ColumnMapping = {};
  for (const field of fields) {
    const column = [field.name, field.label ?? ""]
      .map((name) => byName.get(normalise(name)))
      .find((c): c is string => c !== undefined && !taken.has(c));
    if (column) {
      taken.add(column);
      mapping[field.name] = column;
    }
  }
  return mapping;
}

/** The date format that reads the mapped date columns' first values best (ISO when nothing says otherwise). */
export function suggestDateFormat(
  rows: readonly CsvRow[],
  mapping: ColumnMapping,
  fields: readonly UploadField[],
): { format: DateFormat; ambiguous: boolean } {
  const samples = fields
    .filter((f) => f.type === "date" && mapping[f.name])
    .flatMap((f) => rows.slice(0, 50).map((r) => r.values[mapping[f.name]!] ?? ""));
  return guessDateFormat(samples) ?? { format: "iso", ambiguous: false };
}

const TRUE = new Set(["true", "yes", "y", "1"]);
const FALSE = new Set(["false", "no", "n", "0"]);

/**
 * One row as the item the trigger expects: cells converted to the field's type where they read as one.
 * A cell that does not is sent as it is, so the server names the problem; an empty cell is left out
 * (an optional field is then null, a required one reported missing).
 */
export function rowToItem(
  row: CsvRow,
  mapping: ColumnMapping,
  fields: readonly UploadField[],
  dateFormat: DateFormat,
): Record<string, unknown> {
  const item: Record<string, unknown> = {};
  for (const field of fields) {
    const column = mapping[field.name];
    if (!column) continue;
    const cell = row.values[column] ?? "";
    const text = cell.trim();
    if (text === "") continue;
    item[field.name] = convert(field, cell, text, dateFormat);
  }
  return item;
}

function convert(field: UploadField, cell: string, text: string, dateFormat: DateFormat): unknown {
  switch (field.type) {
    case "string":
      return cell;
    case "enum":
      return text;
    case "number": {
      const value = Number(text);
      return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text) && Number.isFinite(value) ? value : cell;
    }
    case "boolean": {
      const lower = text.toLowerCase();
      return TRUE.has(lower) ? true : FALSE.has(lower) ? false : cell;
    }
    case "date": {
      const date = parseDate(text, dateFormat);
      return date ? date.toISOString() : cell;
    }
  }
}

/** The required fields no column is mapped to: the upload cannot start without them. */
export function unmappedRequired(mapping: ColumnMapping, fields: readonly UploadField[]): UploadField[] {
  return fields.filter((f) => f.required && !mapping[f.name]);
}

export function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** A CSV with the trigger's fields as its header and one example row: a file to fill in. */
export function templateCsv(fields: readonly UploadField[], example: Record<string, unknown>): string {
  return Papa.unparse({
    fields: fields.map((f) => escapeFormulaCell(f.name)),
    data: [fields.map((f) => escapeFormulaCell(String(example[f.name] ?? "")))],
  });
}

/** What the server answers for one chunk (the ingest service's result). */
export interface ChunkResult {
  accepted: { itemId: string; externalId: string; duplicate: boolean }[];
  rejected: { index: number; errors: { path: string; message: string }[] }[];
}

/** One problem per refused field, numbered by the file's rows rather than the chunk's positions. */
export function chunkOutcome(
  rows: readonly CsvRow[],
  result: ChunkResult,
): {
  accepted: number;
  duplicates: number;
  rejected: number;
  problems: { row: number; field: string; message: string }[];
} {
  const duplicates = result.accepted.filter((a) => a.duplicate).length;
  const problems = result.rejected.flatMap(({ index, errors }) => {
    const row = rows[index]?.row ?? index + 2;
    const list = errors.length > 0 ? errors : [{ path: "", message: "The item was refused." }];
    return list.map((e) => ({
      row,
      field: e.path.replace(/^[/$.]+/, "").replace(/\//g, "."),
      message: e.message,
    }));
  });
  return {
    accepted: result.accepted.length - duplicates,
    duplicates,
    rejected: result.rejected.length,
    problems,
  };
}
