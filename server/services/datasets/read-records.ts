import crypto from "node:crypto";
import { StringDecoder } from "node:string_decoder";
import Papa from "papaparse";
import { CsvRecordSplitter, type SplitRecord } from "./csv-record-splitter";
import type { BadRowReason } from "./types";

/** One data row of the file, or why it could not be read. */
export type SourceRecord =
  | { line: number; values: Record<string, unknown> }
  | { line: number; problem: { reason: BadRowReason; message: string } };

/** Bytes read so far and their running hash, for progress and the content hash. */
export class SourceMeter {
  bytes = 0;
  private readonly hash = crypto.createHash("sha256");
  update(chunk: Uint8Array): void {
    this.bytes += chunk.byteLength;
    this.hash.update(chunk);
  }
  digest(): string {
    return this.hash.digest("hex");
  }
}

async function* metered(
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  meter: SourceMeter,
): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    meter.update(bytes);
    yield bytes;
  }
}

/**
 * Whole characters only: papaparse turns each chunk into text by itself, which mangles a character whose
 * bytes straddle two chunks into two U+FFFD. Bytes that are not UTF-8 become U+FFFD, as everywhere else.
 */
async function* decodedUtf8(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new StringDecoder("utf8");
  for await (const chunk of chunks) {
    const text = decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    if (text.length > 0) yield text;
  }
  const rest = decoder.end();
  if (rest.length > 0) yield rest;
}

/** Header names made unique and never empty, so every column can be mapped. */
export function normaliseHeader(raw: readonly unknown[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((value, i) => {
    // A NUL cannot be stored in the column list; the rest of the name still identifies the column.
    const base =
      String(value ?? "")
        .replaceAll("\0", "")
        .trim() || `column_${i + 1}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}_${count}`;
  });
}

/** Records parsed per papaparse call: large enough to amortise the call, small enough to stay in cache. */
const PARSE_BATCH_CHARS = 256 * 1024;
const SAMPLE_CHARS = 64 * 1024;

/** The separator papaparse guesses from the file's beginning (comma, tab, semicolon, pipe…). */
function guessDelimiter(sample: string): string {
  const guessed = Papa.parse<string[]>(sample, { preview: 20, skipEmptyLines: true }).meta.delimiter;
  return guessed && guessed.length === 1 ? guessed : ",";
}

type Cells =
  { line: number; cells: string[] } | { line: number; problem: { reason: BadRowReason; message: string } };

/** Cells of each record; a batch papaparse reads without complaint in one call, the rest one by one. */
function* parseRecords(records: SplitRecord[], delimiter: string): Generator<Cells> {
  const config = { delimiter, newline: "\n" as const, quoteChar: '"' };
  let group: { line: number; text: string }[] = [];
  let groupChars = 0;
  function* flush(): Generator<Cells> {
    if (group.length === 0) return;
    const parsed = Papa.parse<string[]>(group.map((r) => r.text).join("\n"), config);
    if (parsed.errors.length === 0 && parsed.data.length === group.length) {
      for (let i = 0; i < group.length; i++) yield { line: group[i]!.line, cells: parsed.data[i]! };
    } else {
      for (const record of group) {
        const one = Papa.parse<string[]>(record.text, config);
        if (one.errors.length === 0 && one.data.length === 1)
          yield { line: record.line, cells: one.data[0]! };
        else
          yield {
            line: record.line,
            problem: {
              reason: "bad_quotes",
              message: `a quoted cell is malformed (${one.errors[0]?.message ?? "its quotes do not pair up"})`,
            },
          };
      }
    }
    group = [];
    groupChars = 0;
  }
  for (const record of records) {
    if ("unclosedQuote" in record) {
      yield* flush();
      yield {
        line: record.line,
        problem: {
          reason: "bad_quotes",
          message: "a quote opened on this line is never closed; the lines after it were read as rows",
        },
      };
      continue;
    }
    if (record.text === "") continue; // an empty line
    group.push(record);
    groupChars += record.text.length;
    if (groupChars >= PARSE_BATCH_CHARS) yield* flush();
  }
  yield* flush();
}

/**
 * CSV rows as objects keyed by the header, read as the file streams in (bounded memory whatever its size):
 * records are cut by CsvRecordSplitter in linear time, then their cells parsed by papaparse in batches.
 * A row with the wrong number of columns, or quotes that do not pair up, comes back as a problem with its
 * line number (the last line of a quoted multi-line record; the opening line of a quote never closed).
 */
export async function* readCsvRecords(
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  meter: SourceMeter,
  onHeader: (columns: string[]) => void,
): AsyncGenerator<SourceRecord> {
  let header: string[] | null = null;
  let splitter: CsvRecordSplitter | null = null;
  let delimiter = ",";
  let sample = "";
  const pending: SplitRecord[] = [];

  function* rows(): Generator<SourceRecord> {
    for (const record of parseRecords(pending.splice(0), delimiter)) {
      if ("problem" in record) {
        yield record;
        continue;
      }
      const { line, cells } = record;
      if (!header) {
        if (cells[0]?.startsWith("\uFEFF")) cells[0] = cells[0].slice(1);
        header = normaliseHeader(cells);
        onHeader(header);
        continue;
      }
      if (cells.length !== header.length) {
        yield {
          line,
          problem: {
            reason: "column_count",
            message: `expected ${header.length} columns, found ${cells.length}`,
          },
        };
        continue;
      }
      const values: Record<string, unknown> = {};
      for (let i = 0; i < header.length; i++) values[header[i]!] = cells[i];
      yield { line, values };
    }
  }

  for await (const text of decodedUtf8(metered(source, meter))) {
    if (!splitter) {
      sample += text;
      if (sample.length < SAMPLE_CHARS) continue;
      delimiter = guessDelimiter(sample);
      splitter = new CsvRecordSplitter(delimiter);
      splitter.push(sample, pending);
      sample = "";
    } else {
      splitter.push(text, pending);
    }
    if (pending.length > 0) yield* rows();
  }
  if (!splitter) {
    delimiter = guessDelimiter(sample);
    splitter = new CsvRecordSplitter(delimiter);
    splitter.push(sample, pending);
  }
  splitter.end(pending);
  yield* rows();
}

/** JSON Lines: one object per line; blank lines are skipped, anything else that is not an object is a problem. */
export async function* readJsonLines(
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  meter: SourceMeter,
  onColumn: (column: string) => void,
): AsyncGenerator<SourceRecord> {
  const decoder = new StringDecoder("utf8");
  const known = new Set<string>();
  let pending = "";
  let line = 0;
  const handle = (text: string): SourceRecord | null => {
    line++;
    const trimmed = text.trim();
    if (trimmed.length === 0) return null;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (error) {
      return {
        line,
        problem: {
          reason: "invalid_json",
          message: `not valid JSON (${error instanceof Error ? error.message : String(error)})`,
        },
      };
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      return { line, problem: { reason: "invalid_json", message: "each line must be a JSON object" } };
    }
    for (const key of Object.keys(value)) {
      // A key holding NUL makes its row refused (row-to-case), so it never becomes a column.
      if (!known.has(key) && !key.includes("\0")) {
        known.add(key);
        onColumn(key);
      }
    }
    return { line, values: value as Record<string, unknown> };
  };
  for await (const chunk of metered(source, meter)) {
    pending += decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    let newline = pending.indexOf("\n");
    let start = 0;
    while (newline !== -1) {
      const record = handle(pending.slice(start, newline));
      if (record) yield record;
      start = newline + 1;
      newline = pending.indexOf("\n", start);
    }
    pending = pending.slice(start);
  }
  pending += decoder.end();
  if (pending.length > 0) {
    const record = handle(pending);
    if (record) yield record;
  }
}
